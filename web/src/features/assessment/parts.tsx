import { Table, Typography } from 'antd';
import type { Assessment } from '../../app/api-types.js';
import { at } from './messages.js';

export type Row = Assessment['rows'][number];
type Component = Row['components'][number];

const percent = (rate: number | null) => (rate === null ? at.none : `${Math.round(rate * 1000) / 10}%`);

/** The month's change of a score in words: up, down or the same; a dash when either month has no score. */
export function Change({ value }: { value: number | null }) {
  if (value === null) return <span>{at.none}</span>;
  if (value === 0) return <span>{at.same}</span>;
  return <Typography.Text type={value > 0 ? 'success' : 'danger'}>{value > 0 ? at.up(value) : at.down(value)}</Typography.Text>;
}

/** One unit's score, component by component: how many were due, how many on time, the weight and the points. */
export function Breakdown({ row, missing }: { row: Row; missing: readonly string[] }) {
  return (
    <Table<Component>
      aria-label={at.breakdown(row.name)}
      rowKey="component"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={row.components}
      columns={[
        { title: at.component, dataIndex: 'name' },
        { title: at.due, align: 'right', dataIndex: 'due' },
        { title: at.met, align: 'right', render: (_, c) => (c.due === 0 ? at.none : c.met) },
        { title: at.rate, align: 'right', render: (_, c) => (c.due === 0 ? at.nothingDue : percent(c.rate)) },
        { title: at.weight, align: 'right', render: (_, c) => (c.weight === null ? at.notConfigured : c.weight) },
        { title: at.points, align: 'right', render: (_, c) => c.points ?? at.none },
      ]}
      footer={() => (
        <span>
          {at.overdueDays}：{row.overdueDays}；{at.deducted}：{row.deducted ?? (missing.length > 0 ? at.notConfigured : at.none)}
        </span>
      )}
    />
  );
}
