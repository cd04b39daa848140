import { Button, Card, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { OverdueTrend } from '../../app/api-types.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { FigureChart } from '../dashboard/FigureChart.js';
import { BUCKETS, NO_PLACE, useOverdueTrend, type Grouping } from './hooks.js';
import { trendTexts as tt } from './messages.js';

type Month = OverdueTrend['months'][number];
type Row = Month['rows'][number];

/**
 * The register's overdue work at each of the last months' ends, in the aging
 * buckets (a chart with its data table); a month opens its figures per town or
 * department, and the current month's counts open the items behind them.
 */
export function TrendCard({ by }: { by: Grouping }) {
  const [params, setParams] = useSearchParams();
  const trend = useOverdueTrend(by);
  const byName = by === 'town' ? t.supervision.byTown : t.supervision.byDepartment;
  const series = BUCKETS.map((b) => t.supervision.bucket[b.key]!);
  const selected = params.get('month');
  const monthLink = (period: string) => {
    const next = new URLSearchParams(params);
    next.set('month', period);
    return `?${next}`;
  };
  const closeMonth = () => {
    const next = new URLSearchParams(params);
    next.delete('month');
    setParams(next, { replace: true });
  };
  return (
    <QueryView query={trend} empty={() => false}>
      {(data) => {
        const month = data.months.find((m) => m.period === selected);
        const current = month !== undefined && month.period === data.months.at(-1)?.period;
        const cell = (row: Row, bucket: string | undefined, n: number) => {
          const label = t.supervision.cell(row.name, bucket ? t.supervision.bucket[bucket]! : t.supervision.total, n);
          if (!current || n === 0) return <span aria-label={label}>{n}</span>;
          const query = new URLSearchParams({ source: 'register', by, id: row.id ?? NO_PLACE, name: row.name, ...(bucket ? { bucket } : {}) });
          return (
            <Link to={`/supervision/items?${query}`} aria-label={label}>
              {n}
            </Link>
          );
        };
        return (
          <Space direction="vertical" size="small" style={{ width: '100%' }}>
            <FigureChart
              title={tt.title(byName)}
              series={series}
              bars={data.months.map((m) => ({ name: tt.month(m.period), values: BUCKETS.map((b) => m[b.key]), to: monthLink(m.period) }))}
            />
            <Typography.Text type="secondary">{tt.monthHint}</Typography.Text>
            {month && (
              <Card
                size="small"
                title={<h2 style={{ fontSize: 16, margin: 0 }}>{tt.monthHeading(month.period, current, byName)}</h2>}
                extra={<Button onClick={closeMonth}>{tt.close}</Button>}
              >
                <Table<Row>
                  aria-label={tt.monthHeading(month.period, current, byName)}
                  rowKey={(r) => r.id ?? '-'}
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={month.rows}
                  columns={[
                    { title: by === 'town' ? t.supervision.town : t.supervision.department, dataIndex: 'name' },
                    ...BUCKETS.map((b) => ({ title: t.supervision.bucket[b.key], align: 'right' as const, render: (_: unknown, r: Row) => cell(r, b.key, r[b.key]) })),
                    { title: t.supervision.total, align: 'right' as const, render: (_: unknown, r: Row) => cell(r, undefined, r.total) },
                  ]}
                />
              </Card>
            )}
          </Space>
        );
      }}
    </QueryView>
  );
}
