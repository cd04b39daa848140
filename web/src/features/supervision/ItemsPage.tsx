import { Card, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useUser } from '../../app/auth.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatDeadline } from '../../app/time.js';
import { BUCKETS, useOverdueItems, type BucketKey, type Grouping, type Source } from './hooks.js';

/** The items behind a cell of the overdue board (or a bar of the dashboard's overdue rates), each with its household. */
export function ItemsPage() {
  const [params] = useSearchParams();
  // The board is the supervisor's home page; the leader comes from the dashboard (the browser's back).
  const fromBoard = useUser().role === 'supervisor';
  const source: Source = params.get('source') === 'tasks' ? 'tasks' : 'register';
  const by: Grouping = params.get('by') === 'department' ? 'department' : 'town';
  const bucket = BUCKETS.find((b) => b.key === params.get('bucket'))?.key as BucketKey | undefined;
  const id = params.get('id') ?? '';
  const name = params.get('name') ?? '';
  const items = useOverdueItems({ source, by, id, bucket });
  const heading = t.supervision.itemsHeading(name, bucket ? t.supervision.bucket[bucket]! : '');
  type Item = NonNullable<typeof items.data>[number];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.supervision.itemsTitle}
      </Typography.Title>
      {fromBoard && <Link to={`/?${new URLSearchParams({ source, by })}`}>{t.supervision.back}</Link>}
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{heading}</h2>}>
        <QueryView query={items} empty={(d) => d.length === 0} emptyText={t.supervision.none}>
          {(rows) => (
            <Table<Item>
              aria-label={heading}
              rowKey="key"
              size="small"
              scroll={{ x: 'max-content' }}
              dataSource={rows}
              pagination={{ pageSize: 20 }}
              columns={[
                { title: t.supervision.item, dataIndex: 'what' },
                { title: t.supervision.household, render: (_, i) => (i.household ? <Link to={`/households/${i.household.id}`}>{i.household.headName ?? i.household.id}</Link> : '—') },
                { title: t.supervision.town, render: (_, i) => i.town ?? '—' },
                { title: t.supervision.department, render: (_, i) => i.department ?? '—' },
                { title: t.supervision.dueAt, render: (_, i) => formatDeadline(i.dueAt) },
                { title: t.supervision.overdueDays, align: 'right', render: (_, i) => t.supervision.days(i.overdueDays) },
              ]}
            />
          )}
        </QueryView>
      </Card>
    </Space>
  );
}
