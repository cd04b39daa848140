/**
 * 突发情况排查: the county bureau (or a town officer, for the town) orders an
 * immediate screening of a place — every household of it gets a visit due
 * within the days given — and follows its progress (visited, open, overdue).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { SCREENING_DUE_DAYS } from '../../../../domain/deadlines/register-items.js';
import { api } from '../../app/api.js';
import { QueryView } from '../../app/states.js';
import { formatDeadline } from '../../app/time.js';
import { usePlaceScope } from '../exports/PlaceScope.js';
import { screeningTexts as s } from './texts.js';

function Progress({ id }: { id: string }) {
  // Visits are recorded elsewhere (the village's visit form): read afresh each time the page is shown.
  const progress = useQuery({ queryKey: ['screening', id], queryFn: () => api.screening(id), staleTime: 0 });
  return (
    <Card size="small" role="region" aria-label={s.progress} title={<h2 style={{ fontSize: 16, margin: 0 }}>{s.progress}</h2>}>
      <QueryView query={progress}>
        {(p) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={s.reason}>{p.reason}</Descriptions.Item>
              <Descriptions.Item label={s.dueAt}>{formatDeadline(p.dueAt)}</Descriptions.Item>
              <Descriptions.Item label={s.households}>{p.households ?? p.visited + p.open}</Descriptions.Item>
              <Descriptions.Item label={s.visited}>{p.visited}</Descriptions.Item>
              <Descriptions.Item label={s.open}>{p.open}</Descriptions.Item>
              <Descriptions.Item label={s.overdue}>{p.overdue}</Descriptions.Item>
            </Descriptions>
            {p.campaignId && <Link to={`/campaigns/${p.campaignId}`}>{s.campaign}</Link>}
          </Space>
        )}
      </QueryView>
    </Card>
  );
}

export function ScreeningPage() {
  const { scope, picker } = usePlaceScope({ scope: s.area, village: s.village });
  const [ordered, setOrdered] = useState<string | null>(null);
  const order = useMutation({
    mutationFn: (v: { reason: string; dueDays: number }) => api.orderScreening({ areaId: scope, reason: v.reason, dueDays: v.dueDays }),
    onSuccess: (answer) => setOrdered(answer.id),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {s.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {s.intro}
      </Typography.Paragraph>
      <Card size="small">
        <Form layout="vertical" aria-label={s.title} initialValues={{ dueDays: 3 }} onFinish={(v: { reason: string; dueDays: number }) => order.mutate(v)}>
          {picker && <Form.Item label={s.area}>{picker}</Form.Item>}
          <Form.Item name="reason" label={s.reason} rules={[{ required: true, whitespace: true, message: s.reasonRequired }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Form.Item
            name="dueDays"
            label={s.dueDays}
            rules={[{ required: true, type: 'integer', min: SCREENING_DUE_DAYS.min, max: SCREENING_DUE_DAYS.max, message: s.dueDaysRange(SCREENING_DUE_DAYS.min, SCREENING_DUE_DAYS.max) }]}
          >
            <InputNumber min={SCREENING_DUE_DAYS.min} max={SCREENING_DUE_DAYS.max} precision={0} />
          </Form.Item>
          {order.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={order.error instanceof Error ? order.error.message : String(order.error)} />}
          <Button type="primary" htmlType="submit" loading={order.isPending}>
            {s.order}
          </Button>
        </Form>
      </Card>
      {ordered && (
        <>
          <Typography.Text type="success" role="status">
            {s.ordered}
          </Typography.Text>
          <Progress id={ordered} />
        </>
      )}
    </Space>
  );
}
