import { Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { toLocalDate } from '../../../../domain/calendar/dates.js';
import { deadlineMessages } from '../../../../domain/deadlines/messages.js';
import type { DueItem, WaitingCase } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { formatDeadline } from '../../app/time.js';
import { monitoringPath } from '../monitoring/hooks.js';
import { pt } from '../policy/messages.js';
import { useDueItems } from './hooks.js';
import { useReviewQueue } from '../review-queue/hooks.js';
import { Clocks, HandleLink, ProcedureTag } from '../review-queue/parts.js';
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

/**
 * The cases waiting on the user's own steps (the village's reviews and
 * proposals, the town's audits, the county's decisions), read from the review
 * queue 待办审核 with their clocks, longest waiting first.
 */
function CasesCard() {
  const queue = useReviewQueue(undefined, 0);
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t.today.casesTitle}</h2>}
      extra={queue.data && queue.data.total > 0 ? <Link to="/review-queue">{t.today.allCases(queue.data.total)}</Link> : null}
      size="small"
    >
      <QueryView query={queue} empty={(d) => d.total === 0} emptyText={t.today.noCases}>
        {(page) => (
          <Table<WaitingCase>
            aria-label={t.today.casesTitle}
            rowKey={(c) => `${c.household.id}:${c.procedure}`}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={page.items}
            columns={[
              { title: t.households.headName, render: (_, c) => c.household.headName },
              { title: t.households.address, render: (_, c) => c.household.address },
              { title: t.today.procedure, render: (_, c) => <ProcedureTag c={c} /> },
              { title: t.today.step, render: (_, c) => <Tag color="orange">{c.stepName}</Tag> },
              { title: t.today.clocks, render: (_, c) => <Clocks c={c} /> },
              { title: t.today.handle, render: (_, c) => <HandleLink c={c} /> },
            ]}
          />
        )}
      </QueryView>
    </Card>
  );
}

export function TodayPage() {
  const user = useUser();
  const supervisor = user.role === 'supervisor';
  const acts = (ACTING_ROLES as readonly string[]).includes(user.role);
  const due = useDueItems(supervisor ? 'overdue' : 'open');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {supervisor ? t.today.overdueTitle : t.today.title}
      </Typography.Title>
      {(user.role === 'village_cadre' || user.role === 'town_officer') && <SelfReportsCard />}
      {acts && <CasesCard />}
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
