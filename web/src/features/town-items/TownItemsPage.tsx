/**
 * 乡镇季度事项: the town's items of the county's cadence other than the monthly
 * report — the quarterly screening, the employment ledger, the quarter-end
 * export — each with its deadline and state, completed with a note of what was
 * done (late after its deadline, and recorded so).
 */
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isLate } from '../../../../domain/deadlines/lateness.js';
import { periodKeyName } from '../../../../domain/town/messages.js';
import type { DueItem } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { QueryView } from '../../app/states.js';
import { formatDeadline, formatTime } from '../../app/time.js';
import { useCompleteTownItem, useTownItems } from './hooks.js';
import { itemTexts as x } from './texts.js';

const periodOfItem = (i: DueItem) => (i.period ? periodKeyName(i.period) : '—');
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function CompleteDialog({ item, townId, onClose }: { item: DueItem; townId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const complete = useCompleteTownItem(townId);
  const [error, setError] = useState<string | null>(null);
  const title = x.completeLabel(item.kindName, periodOfItem(item));
  const submit = (v: { summary: string }) => {
    setError(null);
    complete.mutate(
      { kind: item.kind, periodKey: item.period ?? '', summary: v.summary },
      {
        onSuccess: (done) => {
          void message.success(done.late ? x.completedLate(item.kindName) : x.completed(item.kindName));
          onClose();
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };
  return (
    <Modal open title={title} onCancel={onClose} footer={null}>
      <Form layout="vertical" aria-label={title} onFinish={submit}>
        {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">{`${x.dueAt}：${formatDeadline(item.dueAt)}`}</Typography.Paragraph>
        <Form.Item label={x.summary} name="summary" rules={[{ required: true, whitespace: true, message: x.summaryRequired }]}>
          <Input.TextArea rows={4} maxLength={2000} placeholder={x.summaryPlaceholder} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={complete.isPending}>
            {x.submit}
          </Button>
          <Button onClick={onClose}>{x.cancel}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

function State({ item }: { item: DueItem }) {
  if (item.status === 'done') {
    const late = item.doneAt !== null && isLate(Date.parse(item.doneAt), Date.parse(item.dueAt));
    return <Tag color={late ? 'orange' : 'green'}>{late ? x.doneLate : x.done}</Tag>;
  }
  return item.overdue ? <Tag color="orange">{x.overdue(item.overdueDays)}</Tag> : <Tag color="blue">{x.open}</Tag>;
}

export function TownItemsPage() {
  const user = useUser();
  const open = useTownItems('open');
  const done = useTownItems('done');
  const [completing, setCompleting] = useState<DueItem | null>(null);
  const columns = [
    { title: x.item, render: (_: unknown, i: DueItem) => i.kindName },
    { title: x.period, render: (_: unknown, i: DueItem) => periodOfItem(i) },
    { title: x.dueAt, render: (_: unknown, i: DueItem) => formatDeadline(i.dueAt) },
    { title: x.state, render: (_: unknown, i: DueItem) => <State item={i} /> },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {x.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {x.intro}
      </Typography.Paragraph>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{x.openTitle}</h2>}>
        <QueryView query={open} empty={(d) => d.length === 0} emptyText={x.noneOpen}>
          {(items) => (
            <Table<DueItem>
              aria-label={x.openTitle}
              rowKey="key"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={items}
              columns={[
                ...columns,
                {
                  title: x.complete,
                  render: (_: unknown, i: DueItem) => (
                    <Button size="small" aria-label={x.completeLabel(i.kindName, periodOfItem(i))} onClick={() => setCompleting(i)}>
                      {x.complete}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{x.doneTitle}</h2>}>
        <QueryView query={done} empty={(d) => d.length === 0} emptyText={x.noneDone}>
          {(items) => (
            <Table<DueItem>
              aria-label={x.doneTitle}
              rowKey="key"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={items}
              columns={[...columns, { title: x.doneAt, render: (_: unknown, i: DueItem) => (i.doneAt ? formatTime(i.doneAt) : '—') }]}
            />
          )}
        </QueryView>
      </Card>
      {completing && <CompleteDialog item={completing} townId={user.jurisdictionId} onClose={() => setCompleting(null)} />}
    </Space>
  );
}
