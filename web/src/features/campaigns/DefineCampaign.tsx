import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { CHECK_ITEM_NAMES, CHECK_ITEMS, RESPONSIBLE_NAMES, RESPONSIBLES, type Responsible } from '../../../../domain/campaigns/checklist.js';
import { HOUSEHOLD_CATEGORIES, RISK_CAUSE_NAMES, RISK_CAUSES } from '../../../../domain/identification/steps.js';
import { HOUSEHOLD_CATEGORY_NAMES } from '../../../../domain/messages/fields.js';
import type { DefineCampaignBody, PreviewBody } from '../../app/api-types.js';
import { useCampaignOptions, useLaunch, usePreview } from './hooks.js';
import { c } from './messages.js';

interface Values {
  name: string;
  reason: string;
  areaId: string;
  townId?: string;
  categories?: string[];
  incomeDropPercent?: number | null;
  warnedWithinDays?: number | null;
  overdueTasks?: boolean;
  riskCause?: string;
  eliminatedWithinMonths?: number | null;
  checklist: string[];
  responsible: Responsible;
  departmentId?: string;
  dueWorkingDays: number;
}

const given = <T,>(v: T | null | undefined): T | undefined => (v === null || v === undefined || (Array.isArray(v) && v.length === 0) ? undefined : v);

function toPreview(v: Values): PreviewBody {
  const criteria = {
    townId: given(v.townId),
    categories: given(v.categories) as PreviewBody['criteria']['categories'],
    incomeDropPercent: given(v.incomeDropPercent),
    warnedWithinDays: given(v.warnedWithinDays),
    overdueTasks: v.overdueTasks ? true : undefined,
    riskCause: given(v.riskCause) as PreviewBody['criteria']['riskCause'],
    eliminatedWithinMonths: given(v.eliminatedWithinMonths),
  };
  return { areaId: v.areaId, criteria: JSON.parse(JSON.stringify(criteria)) as PreviewBody['criteria'] };
}

/** The leader's form: name, reason, the cohort by criteria (its count previewed), what to check, who checks, by when. */
export function DefineCampaign() {
  const [form] = Form.useForm<Values>();
  const options = useCampaignOptions();
  const preview = usePreview();
  const launch = useLaunch();
  const navigate = useNavigate();
  const responsible = Form.useWatch('responsible', form);
  const county = options.data?.countyId ?? '';
  // A town officer's campaigns are of his own town (the server refuses any other area), carried out by the town or its villages.
  const ownArea = options.data?.areaId ?? '';
  const townOnly = Boolean(ownArea) && ownArea !== county;
  useEffect(() => {
    if (ownArea && !form.getFieldValue('areaId')) form.setFieldValue('areaId', ownArea);
  }, [ownArea, form]);

  const onPreview = async () => {
    const values = await form.validateFields(['areaId']).then(() => form.getFieldsValue(true) as Values);
    preview.mutate(toPreview(values));
  };
  const onLaunch = (v: Values) => {
    const body: DefineCampaignBody = {
      ...toPreview(v),
      name: v.name,
      reason: v.reason,
      checklist: v.checklist as DefineCampaignBody['checklist'],
      responsible: v.responsible,
      ...(v.responsible === 'department' && v.departmentId ? { departmentId: v.departmentId } : {}),
      dueWorkingDays: v.dueWorkingDays,
    };
    launch.mutate(body, { onSuccess: (answer) => navigate(`/campaigns/${answer.id}`) });
  };

  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{c.define}</Typography.Title>}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onLaunch}
        onValuesChange={() => preview.reset()}
        initialValues={{ checklist: [...CHECK_ITEMS], responsible: 'village', dueWorkingDays: 10 }}
      >
        <Form.Item label={c.name} name="name" rules={[{ required: true, whitespace: true, message: c.nameRequired }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={c.reason} name="reason" rules={[{ required: true, whitespace: true, message: c.reasonRequired }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item label={c.area} name="areaId">
          <Select
            aria-label={c.area}
            options={[...(townOnly ? [] : [{ value: county, label: c.wholeCounty }]), ...(options.data?.towns ?? []).map((t) => ({ value: t.id, label: t.name }))]}
            style={{ maxWidth: 240 }}
          />
        </Form.Item>
        <Typography.Text strong>{c.cohort}</Typography.Text>
        <Form.Item label={c.town} name="townId">
          <Select aria-label={c.town} allowClear placeholder={c.anyTown} options={(options.data?.towns ?? []).map((t) => ({ value: t.id, label: t.name }))} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item label={c.categories} name="categories">
          <Checkbox.Group options={HOUSEHOLD_CATEGORIES.map((k) => ({ value: k, label: HOUSEHOLD_CATEGORY_NAMES[k] }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item label={c.incomeDrop} name="incomeDropPercent">
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
          <Form.Item label={c.warnedWithin} name="warnedWithinDays">
            <InputNumber min={1} max={366} precision={0} />
          </Form.Item>
          <Form.Item label={c.eliminatedWithin} name="eliminatedWithinMonths">
            <InputNumber min={1} max={24} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item label={c.riskCause} name="riskCause">
          <Select aria-label={c.riskCause} allowClear options={RISK_CAUSES.map((r) => ({ value: r, label: RISK_CAUSE_NAMES[r] }))} style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item name="overdueTasks" valuePropName="checked">
          <Checkbox>{c.overdueTasks}</Checkbox>
        </Form.Item>
        <Space wrap align="center" style={{ marginBottom: 16 }}>
          <Button onClick={() => void onPreview()} loading={preview.isPending}>
            {c.preview}
          </Button>
          {preview.data && (
            <span role="status" aria-live="polite">
              {c.previewCount(preview.data.count)}
            </span>
          )}
        </Space>
        {preview.error && <Alert role="alert" type="error" message={preview.error.message} style={{ marginBottom: 16 }} />}
        <Form.Item label={c.checklist} name="checklist" rules={[{ required: true, message: c.fieldRequired }]}>
          <Checkbox.Group options={CHECK_ITEMS.map((k) => ({ value: k, label: CHECK_ITEM_NAMES[k] }))} />
        </Form.Item>
        <Form.Item label={c.responsible} name="responsible">
          <Radio.Group options={RESPONSIBLES.filter((r) => !townOnly || r !== 'department').map((r) => ({ value: r, label: RESPONSIBLE_NAMES[r] }))} />
        </Form.Item>
        {responsible === 'department' && (
          <Form.Item label={c.department} name="departmentId" rules={[{ required: true, message: c.fieldRequired }]}>
            <Select aria-label={c.department} options={(options.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} style={{ maxWidth: 240 }} />
          </Form.Item>
        )}
        <Form.Item label={c.dueWorkingDays} name="dueWorkingDays" rules={[{ required: true, message: c.fieldRequired }]}>
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        {launch.error && <Alert role="alert" type="error" message={launch.error.message} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={launch.isPending}>
          {c.launch}
        </Button>
      </Form>
    </Card>
  );
}
