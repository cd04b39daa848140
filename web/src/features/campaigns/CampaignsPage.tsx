import { Card, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { CampaignList } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { QueryView } from '../../app/states.js';
import { formatDate, formatTime } from '../../app/time.js';
import { DefineCampaign } from './DefineCampaign.js';
import { useCampaigns } from './hooks.js';
import { OrderScreening } from './OrderScreening.js';
import { c } from './messages.js';

type Row = CampaignList['items'][number];

/** A town's officers define campaigns and order screenings of their own town (issue 16, item 7); the same roles as orderScreening's. */
export const DEFINING_ROLES: readonly string[] = ['leadership_group', 'county_bureau', 'town_officer'];

/** The county's special inspection campaigns 专项督查; the leadership group and the county bureau define new ones here. */
export function CampaignsPage() {
  const user = useUser();
  const campaigns = useCampaigns();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {c.title}
      </Typography.Title>
      <Card size="small" title={c.list}>
        <QueryView query={campaigns} empty={(d) => d.items.length === 0} emptyText={c.none}>
          {(data) => (
            <Table<Row>
              aria-label={c.list}
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={data.items}
              columns={[
                { title: c.name, render: (_, r) => <Link to={`/campaigns/${r.id}`}>{r.name}</Link> },
                { title: c.statusLabel, render: (_, r) => c.status[r.status] },
                { title: c.cohortCount, render: (_, r) => c.households(r.cohort) },
                { title: c.launchedAt, render: (_, r) => formatTime(r.launchedAt) },
                { title: c.dueAt, render: (_, r) => formatDate(new Date(Date.parse(r.dueAt) - 1).toISOString()) },
              ]}
            />
          )}
        </QueryView>
      </Card>
      {DEFINING_ROLES.includes(user.role) && <DefineCampaign />}
      {DEFINING_ROLES.includes(user.role) && <OrderScreening />}
    </Space>
  );
}
