import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { HAND_BACK_REASONS, isOpenStatus, type HandBackReason } from '../../../../domain/measures/tasks.js';
import { handBackReasonNames } from '../../../../domain/measures/task-messages.js';
import type { TaskItem } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatDate } from '../../app/time.js';
import { useJurisdiction } from '../households/hooks.js';
import { useAccept, useComplete, useHandBack, useTasks, type StatusFilter } from './hooks.js';

const todayInShanghai = () => formatDate(new Date().toISOString());
const errorText = (e: unknown) => (e instanceof Error ? e.message : t.loadFailed);

function CompleteDialog({ task, onClose }: { task: TaskItem; onClose: () => void }) {
  const complete = useComplete();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ whatWasDone: string; amountYuan?: number | null; date: string; document: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await complete.mutateAsync({
        key: task.key,
        body: { whatWasDone: v.whatWasDone, date: v.date, documents: [{ title: v.document }], ...(typeof v.amountYuan === 'number' ? { amountYuan: v.amountYuan } : {}) },
      });
      void message.success(t.tasks.completed);
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal open title={t.tasks.completeTitle(task.measure.name, task.household.headName)} okText={t.tasks.complete} cancelText={t.cancel} onOk={() => void submit()} onCancel={onClose} confirmLoading={complete.isPending}>
      {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ date: todayInShanghai() }}>
        <Form.Item label={t.tasks.whatWasDone} name="whatWasDone" rules={[{ required: true, whitespace: true, message: t.tasks.whatWasDoneRequired }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t.tasks.amount} name="amountYuan">
          <InputNumber min={0} max={100_000_000} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={t.tasks.date} name="date" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t.tasks.dateRequired }]}>
          <Input maxLength={10} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={t.tasks.document} name="document" rules={[{ required: true, whitespace: true, message: t.tasks.documentRequired }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HandBackDialog({ task, onClose }: { task: TaskItem; onClose: () => void }) {
  const handBack = useHandBack();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: HandBackReason; text: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await handBack.mutateAsync({ key: task.key, body: v });
      void message.success(t.tasks.handedBack);
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal open title={t.tasks.handBackTitle(task.measure.name, task.household.headName)} okText={t.tasks.handBack} cancelText={t.cancel} onOk={() => void submit()} onCancel={onClose} confirmLoading={handBack.isPending}>
      {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ reason: 'wrong_department' }}>
        <Form.Item label={t.tasks.reason} name="reason">
          <Radio.Group options={HAND_BACK_REASONS.map((r) => ({ value: r, label: handBackReasonNames[r] }))} />
        </Form.Item>
        <Form.Item label={t.tasks.reasonText} name="text" rules={[{ required: true, whitespace: true, message: t.tasks.reasonTextRequired }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TasksPage() {
  const user = useUser();
  const { message } = App.useApp();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [townId, setTownId] = useState<string | undefined>();
  const county = useJurisdiction(user.jurisdictionId);
  const tasks = useTasks({ status, townId });
  const accept = useAccept();
  const [dialog, setDialog] = useState<{ kind: 'complete' | 'handBack'; task: TaskItem } | null>(null);
  const mine = user.role === 'department' || user.role === 'department_head';

  const onAccept = async (task: TaskItem) => {
    try {
      await accept.mutateAsync({ key: task.key, body: undefined });
      void message.success(t.tasks.accepted);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.tasks.title}
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Radio.Group
            aria-label={t.tasks.status}
            value={status}
            onChange={(e) => setStatus(e.target.value as StatusFilter)}
            options={(Object.keys(t.tasks.statusFilter) as StatusFilter[]).map((s) => ({ value: s, label: t.tasks.statusFilter[s] }))}
          />
          <Select
            aria-label={t.tasks.town}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t.tasks.allTowns}
            style={{ width: 160 }}
            value={townId}
            onChange={(v: string | undefined) => setTownId(v)}
            options={(county.data?.level === 'county' ? county.data.children : []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Space>
      </Card>
      <Card size="small">
        <QueryView query={tasks} empty={(d) => d.total === 0} emptyText={t.tasks.none}>
          {(page) => (
            <Table<TaskItem>
              aria-label={t.tasks.title}
              rowKey="key"
              size="small"
              scroll={{ x: 'max-content' }}
              dataSource={page.items}
              pagination={{ pageSize: 20, showTotal: t.tasks.count }}
              columns={[
                { title: t.tasks.household, render: (_, k) => k.household.headName },
                { title: t.tasks.measure, render: (_, k) => <>{k.measure.name}{k.required && <Tag color="gold" style={{ marginLeft: 6 }}>{t.tasks.required}</Tag>}</> },
                { title: t.tasks.place, render: (_, k) => `${k.town.name} ${k.village.name}` },
                {
                  title: t.tasks.lastDay,
                  dataIndex: 'lastDay',
                  defaultSortOrder: 'ascend',
                  sorter: (a, b) => a.dueAt.localeCompare(b.dueAt),
                  sortDirections: ['ascend', 'descend', 'ascend'],
                },
                {
                  title: t.tasks.status,
                  render: (_, k) => (
                    <Space size={4}>
                      <Tag color={k.status === 'completed' ? 'green' : k.status === 'handed_back' ? 'orange' : 'blue'}>{k.statusName}</Tag>
                      {k.overdue && <Tag color="red">{t.tasks.overdueDays(k.overdueDays)}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t.tasks.actions,
                  render: (_, k) =>
                    mine && isOpenStatus(k.status) ? (
                      <Space size={4} wrap>
                        {k.status === 'assigned' && (
                          <Button size="small" type="primary" aria-label={`${t.tasks.accept} ${k.household.headName} ${k.measure.name}`} onClick={() => void onAccept(k)}>
                            {t.tasks.accept}
                          </Button>
                        )}
                        <Button size="small" aria-label={`${t.tasks.complete} ${k.household.headName} ${k.measure.name}`} onClick={() => setDialog({ kind: 'complete', task: k })}>
                          {t.tasks.complete}
                        </Button>
                        <Button size="small" danger aria-label={`${t.tasks.handBack} ${k.household.headName} ${k.measure.name}`} onClick={() => setDialog({ kind: 'handBack', task: k })}>
                          {t.tasks.handBack}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
      {dialog?.kind === 'complete' && <CompleteDialog task={dialog.task} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'handBack' && <HandBackDialog task={dialog.task} onClose={() => setDialog(null)} />}
    </Space>
  );
}
