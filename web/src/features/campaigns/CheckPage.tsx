import { Alert, App, Button, Card, Checkbox, Form, Input, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { CHECK_ITEM_NAMES, PROBLEM_KIND_NAMES, PROBLEM_KINDS, type CheckItem } from '../../../../domain/campaigns/checklist.js';
import type { HouseholdCheck } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { formatDate } from '../../app/time.js';
import { useHouseholdCheck, useRecordCheck, useRectify } from './hooks.js';
import { c } from './messages.js';

interface CheckValues {
  checked: CheckItem[];
  finding: 'no_problem' | 'problem';
  kind?: string;
  description?: string;
  rectifyBy?: string;
}

const lastDay = (iso: string) => formatDate(new Date(Date.parse(iso) - 1).toISOString());

function CheckForm({ data }: { data: HouseholdCheck }) {
  const [form] = Form.useForm<CheckValues>();
  const record = useRecordCheck(data.campaign.id, data.household.id);
  const { message } = App.useApp();
  const finding = Form.useWatch('finding', form);
  const onFinish = (v: CheckValues) => {
    const problems = v.finding === 'problem' ? [{ kind: v.kind as (typeof PROBLEM_KINDS)[number], description: v.description ?? '', rectifyBy: v.rectifyBy ?? '' }] : [];
    record.mutate({ checked: v.checked ?? [], problems }, { onSuccess: (answer) => void message.success(c.checkRecorded(answer.late)) });
  };
  return (
    <Form<CheckValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ checked: [], finding: 'no_problem' }}>
      <Form.Item label={c.checklistItems} name="checked">
        <Checkbox.Group options={(data.campaign.checklist as CheckItem[]).map((k) => ({ value: k, label: CHECK_ITEM_NAMES[k] }))} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
      </Form.Item>
      <Form.Item label={c.finding} name="finding">
        <Radio.Group
          options={[
            { value: 'no_problem', label: c.noProblem },
            { value: 'problem', label: c.hasProblem },
          ]}
        />
      </Form.Item>
      {finding === 'problem' && (
        <>
          <Form.Item label={c.problemKind} name="kind" rules={[{ required: true, message: c.fieldRequired }]}>
            <Select aria-label={c.problemKind} options={PROBLEM_KINDS.map((k) => ({ value: k, label: PROBLEM_KIND_NAMES[k] }))} />
          </Form.Item>
          <Form.Item label={c.problemDescription} name="description" rules={[{ required: true, whitespace: true, message: c.fieldRequired }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item label={c.rectifyBy} name="rectifyBy" rules={[{ required: true, message: c.fieldRequired }]}>
            <Input type="date" style={{ maxWidth: 200 }} />
          </Form.Item>
        </>
      )}
      {record.error && <Alert role="alert" type="error" message={record.error.message} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={record.isPending}>
        {c.submitCheck}
      </Button>
    </Form>
  );
}

function RectifyForm({ campaignId, problemId }: { campaignId: string; problemId: string }) {
  const rectify = useRectify(campaignId);
  const { message } = App.useApp();
  return (
    <Form<{ whatWasDone: string; date: string; evidence: string }>
      layout="vertical"
      onFinish={(v) => rectify.mutate({ problemId, body: { whatWasDone: v.whatWasDone, date: v.date, documents: [{ title: v.evidence }] } }, { onSuccess: () => void message.success(c.rectifiedMark) })}
    >
      <Form.Item label={c.whatWasDone} name="whatWasDone" rules={[{ required: true, whitespace: true, message: c.fieldRequired }]}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item label={c.rectifiedOn} name="date" rules={[{ required: true, message: c.fieldRequired }]}>
        <Input type="date" style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item label={c.evidenceTitle} name="evidence" rules={[{ required: true, whitespace: true, message: c.fieldRequired }]}>
        <Input maxLength={200} />
      </Form.Item>
      {rectify.error && <Alert role="alert" type="error" message={rectify.error.message} style={{ marginBottom: 16 }} />}
      <Button htmlType="submit" loading={rectify.isPending}>
        {c.submitRectify}
      </Button>
    </Form>
  );
}

/** A village cadre's (or town's, or department's) check of one household of a campaign, and the rectification of what it found. */
export function CheckPage() {
  const { id = '', householdId = '' } = useParams();
  const check = useHouseholdCheck(id, householdId);
  return (
    <QueryView query={check}>
      {(data) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {c.checkTitle(data.household.headName)}
          </Typography.Title>
          <Typography.Text>
            {data.campaign.name} · {data.household.address} · {c.dueAt} {lastDay(data.campaign.dueAt)}
          </Typography.Text>
          <Card size="small">
            {data.finding === null ? (
              <CheckForm data={data} />
            ) : (
              <Typography.Paragraph role="status">
                {c.checked}：{data.finding === 'problem' ? c.hasProblem : c.noProblem}
                {data.late ? c.lateMark : ''}
              </Typography.Paragraph>
            )}
          </Card>
          {data.problems.length > 0 && (
            <Card size="small" title={c.rectification}>
              <List
                dataSource={data.problems}
                renderItem={(p) => (
                  <List.Item>
                    <Space direction="vertical" style={{ width: '100%' }}>
                      <span>
                        {p.name}：{p.description}{' '}
                        {p.status === 'rectified' ? <Tag color="green">{c.rectifiedMark}</Tag> : <Tag color={p.escalationLevel > 0 ? 'red' : 'orange'}>{p.escalationLevel > 0 ? c.escalated : c.openMark(lastDay(p.dueAt))}</Tag>}
                      </span>
                      {p.status === 'open' && <RectifyForm campaignId={data.campaign.id} problemId={p.id} />}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Space>
      )}
    </QueryView>
  );
}
