import { Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { toLocalDate } from '../../../../domain/calendar/dates.js';
import { deadlineMessages } from '../../../../domain/deadlines/messages.js';
import type { DueItem } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { STEP_NAMES, t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatDeadline } from '../../app/time.js';
import { monitoringPath } from '../monitoring/hooks.js';
import { pt } from '../policy/messages.js';
import { useCasesWaitingOn, useDueItems } from './hooks.js';
import { SelfReportsCard } from '../self-report/SelfReportsCard.js';
import { ItemsExport } from '../exports/ItemsExport.js';

const ACTING_ROLES = ['village_cadre', 'town_officer', 'county_bureau'] as const;

function DueTable({ items }: { items: DueItem[] }) {
  return (
    <Table<DueItem>
      aria-label={t.today.dueTitle}
      rowKey="key"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={items}
      columns={[
        { title: t.today.item, dataIndex: 'kindName' },
        {
          title: t.today.household,
          render: (_, i) => (i.household ? <Link to={`/households/${i.household.id}`}>{i.household.headName}</Link> : '—'),
        },
        { title: t.today.place, render: (_, i) => [i.town?.name, i.village?.name].filter(Boolean).join(' ') || i.department?.name || '—' },
        {
          title: t.today.dueAt,
          dataIndex: 'dueAt',
          render: (v: string, i) => (
            <>
              {formatDeadline(v)}
              {i.provisional && (
                <Tag color="orange" title={deadlineMessages.provisional(toLocalDate(Date.parse(v) - 1).year)} style={{ marginLeft: 4 }}>
                  {pt.calendar.provisional}
                </Tag>
              )}
            </>
          ),
        },
        {
          title: t.today.state,
          render: (_, i) => (i.overdue ? <Tag color="red">{t.today.overdueDays(i.overdueDays)}</Tag> : <Tag color="blue">{t.today.open}</Tag>),
        },
        {
          title: t.monitoring.handle,
          render: (_, i) => {
            const path = monitoringPath(i);
            return path ? (
              <Link to={path} aria-label={t.monitoring.handleItem(i.kindName, i.household?.headName ?? '')}>
                {t.monitoring.handle}
              </Link>
            ) : null;
          },
        },
      ]}
    />
  );
}

export function TodayPage() {
  const user = useUser();
  const supervisor = user.role === 'supervisor';
  const acts = (ACTING_ROLES as readonly string[]).includes(user.role);
  const due = useDueItems(supervisor ? 'overdue' : 'open');
  const cases = useCasesWaitingOn(user.role, acts);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {supervisor ? t.today.overdueTitle : t.today.title}
      </Typography.Title>
      {(user.role === 'village_cadre' || user.role === 'town_officer') && <SelfReportsCard />}
      {acts && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.today.casesTitle}</h2>} size="small">
          <QueryView query={cases} empty={(d) => d.length === 0} emptyText={t.today.noCases}>
            {(waiting) => (
              <Table
                aria-label={t.today.casesTitle}
                rowKey={(r) => r.household.id}
                size="small"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={waiting}
                columns={[
                  { title: t.households.headName, render: (_, r) => r.household.headName },
                  { title: t.households.address, render: (_, r) => r.household.address },
                  { title: t.today.step, render: (_, r) => <Tag color="orange">{STEP_NAMES[r.step]}</Tag> },
                  { title: t.today.handle, render: (_, r) => <Link to={`/households/${r.household.id}`} aria-label={`${t.today.handle} ${r.household.headName}`}>{t.today.handle}</Link> },
                ]}
              />
            )}
          </QueryView>
        </Card>
      )}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{supervisor ? t.today.overdueTitle : t.today.dueTitle}</h2>} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <ItemsExport overdueFirst={supervisor} />
          <QueryView query={due} empty={(d) => d.items.length === 0} emptyText={t.today.noDue}>
            {(page) => <DueTable items={page.items} />}
          </QueryView>
        </Space>
      </Card>
    </Space>
  );
}
