import { Alert, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { SCREENING_DUE_DAYS } from '../../../../domain/deadlines/register-items.js';
import { useJurisdiction } from '../households/hooks.js';
import { useCampaignOptions, useOrderScreening } from './hooks.js';
import { c } from './messages.js';

interface Values {
  areaId: string;
  villageId?: string;
  reason: string;
  dueDays: number;
}

const s = c.screening;

/**
 * The immediate screening 突发情况排查 of an area (issue 16, item 7): the
 * county, a town or one village — a town's officer his own town or one of its
 * villages; every household there gets a visit due in the days given, and the
 * screening is followed on its campaign's page.
 */
export function OrderScreening() {
  const [form] = Form.useForm<Values>();
  const options = useCampaignOptions();
  const order = useOrderScreening();
  const navigate = useNavigate();
  const county = options.data?.countyId ?? '';
  const ownArea = options.data?.areaId ?? '';
  const townOnly = Boolean(ownArea) && ownArea !== county;
  const areaId = Form.useWatch('areaId', form);
  // The villages of the town chosen (none for the whole county).
  const town = useJurisdiction(areaId && areaId !== county ? areaId : undefined);
  useEffect(() => {
    if (ownArea && !form.getFieldValue('areaId')) form.setFieldValue('areaId', ownArea);
  }, [ownArea, form]);

  const onOrder = (v: Values) => {
    order.mutate({ areaId: v.villageId ?? v.areaId, reason: v.reason, dueDays: v.dueDays }, { onSuccess: (answer) => navigate(`/campaigns/${answer.id}`) });
  };

  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{s.title}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{s.hint}</Typography.Paragraph>
      {/* Its own name: the fields' ids differ from the campaign form's beside it. */}
      <Form<Values>
        form={form}
        name="screening"
        layout="vertical"
        onFinish={onOrder}
        onValuesChange={(changed: Partial<Values>) => {
          if ('areaId' in changed) form.setFieldValue('villageId', undefined);
        }}
        initialValues={{ dueDays: 3 }}
      >
        <Form.Item label={s.area} name="areaId">
          <Select
            aria-label={s.area}
            options={[...(townOnly ? [] : [{ value: county, label: c.wholeCounty }]), ...(options.data?.towns ?? []).map((t) => ({ value: t.id, label: t.name }))]}
            style={{ maxWidth: 240 }}
          />
        </Form.Item>
        {areaId && areaId !== county && (
          <Form.Item label={s.village} name="villageId">
            <Select
              aria-label={s.village}
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={s.anyVillage}
              loading={town.isLoading}
              options={(town.data?.children ?? []).filter((p) => p.level === 'village').map((p) => ({ value: p.id, label: p.name }))}
              style={{ maxWidth: 240 }}
            />
          </Form.Item>
        )}
        <Form.Item label={s.reason} name="reason" rules={[{ required: true, whitespace: true, message: s.reasonRequired }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          label={s.dueDays}
          name="dueDays"
          rules={[{ required: true, type: 'integer', min: SCREENING_DUE_DAYS.min, max: SCREENING_DUE_DAYS.max, message: s.dueDaysRange(SCREENING_DUE_DAYS.min, SCREENING_DUE_DAYS.max) }]}
        >
          <InputNumber min={SCREENING_DUE_DAYS.min} max={SCREENING_DUE_DAYS.max} precision={0} />
        </Form.Item>
        {order.error && <Alert role="alert" type="error" message={order.error.message} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={order.isPending}>
          {s.order}
        </Button>
      </Form>
    </Card>
  );
}
