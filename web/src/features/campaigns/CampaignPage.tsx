import { App, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { CampaignDetail, CampaignUnit, CheckPage } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { QueryView } from '../../app/states.js';
import { formatDate, formatTime } from '../../app/time.js';
import { DEFINING_ROLES } from './CampaignsPage.js';
import { useCampaign, useCampaignChecks, usePublish } from './hooks.js';
import { c } from './messages.js';
import { NoticeView } from './NoticeView.js';

const lastDay = (iso: string) => formatDate(new Date(Date.parse(iso) - 1).toISOString());

function Progress({ title, rows }: { title: string; rows: CampaignUnit[] }) {
  if (rows.length === 0) return null;
  return (
    <Card size="small" title={title}>
      <Table<CampaignUnit>
        aria-label={title}
        rowKey={(r) => r.id ?? '-'}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { title: c.unit, render: (_, r) => r.name ?? '—' },
          { title: c.checks, dataIndex: 'checks' },
          { title: c.checkedPercent, render: (_, r) => `${r.checkedPercent}%` },
          { title: c.checkedLate, dataIndex: 'checkedLate' },
          { title: c.uncheckedOverdue, dataIndex: 'uncheckedOverdue' },
          { title: c.problems, dataIndex: 'problems' },
          { title: c.rectified, render: (_, r) => r.rectifiedOnTime + r.rectifiedLate },
          { title: c.openOverdue, dataIndex: 'openOverdue' },
          { title: c.statusLabel, render: (_, r) => (r.behind ? <Tag color="red">{c.behind}</Tag> : <Tag color="green">{c.onSchedule}</Tag>) },
        ]}
      />
    </Card>
  );
}

function MyChecks({ campaign, checks }: { campaign: CampaignDetail; checks: CheckPage }) {
  type Row = CheckPage['items'][number];
  return (
    <Card size="small" title={c.myChecks}>
      <Table<Row>
        aria-label={c.myChecks}
        rowKey="householdId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={checks.items}
        columns={[
          { title: c.head, dataIndex: 'headName' },
          { title: c.village, dataIndex: 'villageName' },
          {
            title: c.checked,
            render: (_, r) => (r.finding === null ? c.notChecked : `${r.finding === 'problem' ? c.hasProblem : c.noProblem}${r.late ? c.lateMark : ''}`),
          },
          {
            title: c.open,
            render: (_, r) => (
              <Link to={`/campaigns/${campaign.id}/checks/${r.householdId}`} aria-label={c.doCheck(r.headName)}>
                {r.finding === null ? c.submitCheck : c.open}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * A town's officer publishes the notice of a campaign of his town or of one of
 * its villages (a screening's): the division codes nest, a village's starting
 * with its town's (the server decides, api/services/campaigns.ts mayPublish).
 */
const withinOwnPlace = (areaId: string, own: string) => areaId.startsWith(own);

/** The county's own roles: they watch and close campaigns; everyone else (a town's officers too) carries out checks. */
const COUNTY_ROLES: readonly string[] = ['leadership_group', 'county_bureau', 'supervisor'];

/** A campaign's live progress per town and department (laggards marked), the user's own checks, and its close-out with the notice 通报. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const user = useUser();
  const campaign = useCampaign(id);
  const checking = !COUNTY_ROLES.includes(user.role);
  const checks = useCampaignChecks(id, checking);
  const publish = usePublish(id);
  const { message } = App.useApp();
  return (
    <QueryView query={campaign}>
      {(data) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {data.name}
          </Typography.Title>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={c.reason}>{data.reason}</Descriptions.Item>
              <Descriptions.Item label={c.statusLabel}>{c.status[data.status]}</Descriptions.Item>
              <Descriptions.Item label={c.cohortCount}>{c.households(data.cohort)}</Descriptions.Item>
              <Descriptions.Item label={c.launchedAt}>{formatTime(data.launchedAt)}</Descriptions.Item>
              <Descriptions.Item label={c.dueAt}>{lastDay(data.dueAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Progress title={c.progressByTown} rows={data.towns} />
          <Progress title={c.progressByDepartment} rows={data.departments} />
          {data.problemsByKind.length > 0 && (
            <Card size="small" title={c.problemsByKind}>
              <Table
                aria-label={c.problemsByKind}
                rowKey="kind"
                size="small"
                pagination={false}
                dataSource={data.problemsByKind}
                columns={[
                  { title: c.problemKind, dataIndex: 'name' },
                  { title: c.problems, dataIndex: 'found' },
                  { title: c.rectified, dataIndex: 'rectified' },
                ]}
              />
            </Card>
          )}
          {checking && checks.data && <MyChecks campaign={data} checks={checks.data} />}
          {(COUNTY_ROLES.includes(user.role) ? user.role !== 'supervisor' : DEFINING_ROLES.includes(user.role) && withinOwnPlace(data.areaId, user.jurisdictionId)) && data.status === 'open' && (
            <Popconfirm title={c.publishConfirm} okText={c.publishOk} cancelText={c.cancel} onConfirm={() => publish.mutate(undefined, { onError: (e) => void message.error(e.message) })}>
              <Button type="primary" loading={publish.isPending}>
                {c.publish}
              </Button>
            </Popconfirm>
          )}
          {data.status === 'closed' && <NoticeView id={data.id} />}
        </Space>
      )}
    </QueryView>
  );
}
