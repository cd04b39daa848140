/** Who changed what in the county's administration, when, before and after 管理操作记录. */
import { Table, Typography } from 'antd';
import type { AdminChange } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { useAdminChanges } from './hooks.js';
import { a } from './messages.js';

/** A state as the clerk reads it: `name: 城东村; active: false`, nothing for none. */
const stateText = (state: unknown): string =>
  state && typeof state === 'object'
    ? Object.entries(state as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
        .join('; ')
    : '';

export function ChangesPage() {
  const changes = useAdminChanges();
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {a.changes.title}
      </Typography.Title>
      <QueryView query={changes} empty={(d) => d.items.length === 0}>
        {(data) => (
          <Table<AdminChange>
            size="small"
            rowKey="id"
            dataSource={data.items}
            pagination={{ pageSize: 50 }}
            scroll={{ x: true }}
            columns={[
              { title: a.changes.at, dataIndex: 'at', render: (at: string) => formatTime(at) },
              { title: a.changes.by, render: (_, c) => `${c.by.displayName}（${c.by.username}）` },
              { title: a.changes.action, dataIndex: 'actionName' },
              { title: a.changes.subject, dataIndex: 'subjectId' },
              { title: a.changes.before, render: (_, c) => stateText(c.before) },
              { title: a.changes.after, render: (_, c) => stateText(c.after) },
            ]}
          />
        )}
      </QueryView>
    </>
  );
}
