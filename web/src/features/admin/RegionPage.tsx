/** A province's or city's view: its counties side by side, aggregated, read-only. */
import { Table, Typography } from 'antd';
import type { RegionView } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { useRegion } from './hooks.js';
import { a } from './messages.js';

export function RegionPage() {
  const region = useRegion();
  return (
    <QueryView query={region}>
      {(data) => (
        <>
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {data.region.name} {a.region.title}
          </Typography.Title>
          <Table<RegionView['counties'][number]>
            size="small"
            rowKey="id"
            dataSource={data.counties}
            pagination={false}
            columns={[
              { title: a.region.county, dataIndex: 'name' },
              { title: a.region.monitored, dataIndex: 'monitored' },
              { title: a.region.open, dataIndex: 'openTasks' },
              { title: a.region.overdue, dataIndex: 'overdueTasks' },
            ]}
          />
        </>
      )}
    </QueryView>
  );
}
