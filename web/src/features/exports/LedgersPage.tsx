import { Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { addMonths, periodOf } from '../../../../domain/calendar/dates.js';
import { mayDo } from '../../../../domain/access/actions.js';
import { useUser } from '../../app/auth.js';
import { periodName, recentPeriods } from '../../app/time.js';
import { useJurisdiction } from '../households/hooks.js';
import { ItemsExport } from './ItemsExport.js';
import { LedgerExports } from './LedgerExports.js';
import { TownReportExport } from './TownReportExport.js';
import { exportTexts as m } from './texts.js';

const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** A town's monthly report as an Excel file: the towns of the user's county (a town user: their own), and the month. */
function TownReports() {
  const user = useUser();
  const own = useJurisdiction(user.jurisdictionId);
  const towns = own.data?.level === 'town' ? [own.data] : (own.data?.children ?? []).filter((c) => c.level === 'town');
  const [town, setTown] = useState<string | undefined>(undefined);
  const [period, setPeriod] = useState<string>(() => addMonths(periodOf(Date.now()), -1));
  const chosen = town ?? towns[0]?.id;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>{m.townReportIntro}</Typography.Text>
      <Space wrap>
        <Select aria-label={m.town} showSearch optionFilterProp="label" loading={own.isPending} style={{ width: 200 }} value={chosen} onChange={setTown} options={towns.map((t) => ({ value: t.id, label: t.name }))} />
        <Select aria-label={m.period} showSearch optionFilterProp="label" style={{ width: 160 }} value={period} onChange={setPeriod} options={recentPeriods().map((p) => ({ value: p, label: periodName(p) }))} />
      </Space>
      {chosen && <TownReportExport townId={chosen} period={period} />}
    </Space>
  );
}

/**
 * The ledgers 台账 a reader of the county downloads — the supervisors and the
 * leadership group, who import nothing: the place ledgers (county, town or
 * village), the open and overdue items, a town's monthly report.
 */
export function LedgersPage() {
  const user = useUser();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {m.pageTitle}
      </Typography.Title>
      <Card size="small" title={heading(m.ledgersTitle)}>
        <LedgerExports />
      </Card>
      <Card size="small" title={heading(m.itemsTitle)}>
        <Space direction="vertical">
          <Typography.Text>{m.itemsIntro}</Typography.Text>
          <ItemsExport overdueFirst={user.role === 'supervisor'} />
        </Space>
      </Card>
      {mayDo(user, 'readTownReports') && (
        <Card size="small" title={heading(m.townReportTitle)}>
          <TownReports />
        </Card>
      )}
    </Space>
  );
}
