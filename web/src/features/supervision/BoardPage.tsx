import { Card, Radio, Space, Table, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { OverdueBoard } from '../../app/api-types.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { ItemsExport } from '../exports/ItemsExport.js';
import { BUCKETS, NO_PLACE, useOverdueBoard, type Grouping, type Source } from './hooks.js';
import { TrendCard } from './TrendCard.js';

type Row = OverdueBoard['rows'][number];

/** The supervisor's overdue board 逾期督查看板: open overdue work per town or department in aging buckets; each count opens its items. */
export function BoardPage() {
  const [params, setParams] = useSearchParams();
  const source: Source = params.get('source') === 'tasks' ? 'tasks' : 'register';
  const by: Grouping = params.get('by') === 'department' ? 'department' : 'town';
  const board = useOverdueBoard(source, by);
  const month = params.get('month');
  const set = (next: { source?: Source; by?: Grouping }) => setParams({ source: next.source ?? source, by: next.by ?? by, ...(month ? { month } : {}) }, { replace: true });
  const sourceName = source === 'tasks' ? t.supervision.tasks : t.supervision.register;
  const byName = by === 'town' ? t.supervision.byTown : t.supervision.byDepartment;

  const cell = (row: Row, bucket: string | undefined, n: number) => {
    const label = t.supervision.cell(row.name, bucket ? t.supervision.bucket[bucket]! : t.supervision.total, n);
    if (n === 0) return <span aria-label={label}>{n}</span>;
    const query = new URLSearchParams({ source, by, id: row.id ?? NO_PLACE, name: row.name, ...(bucket ? { bucket } : {}) });
    return (
      <Link to={`/supervision/items?${query}`} aria-label={label}>
        {n}
      </Link>
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.supervision.title}
      </Typography.Title>
      <ItemsExport overdueFirst />
      <Card size="small">
        <Tabs
          activeKey={source}
          onChange={(k) => set({ source: k as Source })}
          items={[
            { key: 'register', label: t.supervision.register },
            { key: 'tasks', label: t.supervision.tasks },
          ]}
        />
        <Radio.Group value={by} onChange={(e) => set({ by: e.target.value as Grouping })} optionType="button" aria-label={byName}>
          <Radio.Button value="town">{t.supervision.byTown}</Radio.Button>
          <Radio.Button value="department">{t.supervision.byDepartment}</Radio.Button>
        </Radio.Group>
        <div style={{ marginTop: 12 }}>
          <QueryView query={board} empty={(d) => d.rows.length === 0} emptyText={t.supervision.none}>
            {(data) => (
              <>
                <Table<Row>
                  aria-label={t.supervision.boardLabel(sourceName, byName)}
                  rowKey={(r) => r.id ?? '-'}
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={data.rows}
                  columns={[
                    { title: by === 'town' ? t.supervision.town : t.supervision.department, dataIndex: 'name' },
                    ...BUCKETS.map((b) => ({ title: t.supervision.bucket[b.key], align: 'right' as const, render: (_: unknown, r: Row) => cell(r, b.key, r[b.key]) })),
                    { title: t.supervision.total, align: 'right' as const, render: (_: unknown, r: Row) => cell(r, undefined, r.total) },
                  ]}
                />
                <Typography.Text type="secondary">{t.supervision.asOf(formatTime(data.asOf))}</Typography.Text>
              </>
            )}
          </QueryView>
        </div>
      </Card>
      <TrendCard by={by} />
    </Space>
  );
}
