import { useQuery } from '@tanstack/react-query';
import { Col, Row } from 'antd';
import { useMemo } from 'react';
import { api } from '../../app/api.js';
import type { Dashboard } from '../../app/api-types.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { periodName } from '../../app/time.js';
import { FigureChart, type Bar } from './FigureChart.js';

const households = (filter: Record<string, string>) => `/households?${new URLSearchParams({ stage: 'monitoring', ...filter })}`;
const overdueTasks = (by: 'town' | 'department', id: string, name: string) => `/supervision/items?${new URLSearchParams({ source: 'tasks', by, id, name })}`;
const percent = (rate: number | null) => (rate === null ? t.dashboard.noRate : `${Math.round(rate * 1000) / 10}%`);

function charts(d: Dashboard) {
  const counts = (rows: Dashboard['monitoring']['byCategory'], key: string): Bar[] => rows.map((r) => ({ name: r.name, values: [r.count], to: households({ [key]: r.key }) }));
  const rates = (rows: Dashboard['overdueRate']['byTown'], by: 'town' | 'department'): Bar[] =>
    rows.map((r) => ({ name: r.name, values: [r.rate === null ? 0 : Math.round(r.rate * 1000) / 10, r.overdue, r.open], shown: [percent(r.rate), String(r.overdue), String(r.open)], to: overdueTasks(by, r.id, r.name) }));
  return {
    category: counts(d.monitoring.byCategory, 'category'),
    town: counts(d.monitoring.byTown, 'townId'),
    cause: counts(d.monitoring.byRiskCause, 'riskCause'),
    months: d.months.map((m) => ({
      name: periodName(m.period),
      values: [m.new, m.eliminated, m.returned],
      toEach: (['new', 'eliminated', 'returned'] as const).map((movement) => `/households?${new URLSearchParams({ movement, period: m.period })}`),
    })),
    rateDepartment: rates(d.overdueRate.byDepartment, 'department'),
    rateTown: rates(d.overdueRate.byTown, 'town'),
  };
}

/** The leadership group's charts 领导小组看板; each bar (and its row in the table) opens the list behind it. */
export function DashboardCharts() {
  const query = useQuery({ queryKey: ['dashboard'], queryFn: () => api.dashboard() });
  const bars = useMemo(() => (query.data ? charts(query.data) : undefined), [query.data]);
  const one = [t.dashboard.count];
  const rate = [t.dashboard.rate, t.dashboard.overdueTasks, t.dashboard.openTasks];
  return (
    <QueryView query={{ ...query, data: bars }}>
      {(b) => (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}><FigureChart title={t.dashboard.byCategory} series={one} bars={b.category} /></Col>
          <Col xs={24} lg={12}><FigureChart title={t.dashboard.byTown} series={one} bars={b.town} /></Col>
          <Col xs={24}><FigureChart title={t.dashboard.byRiskCause} series={one} bars={b.cause} /></Col>
          <Col xs={24}><FigureChart title={t.dashboard.months} series={[t.dashboard.newObjects, t.dashboard.eliminated, t.dashboard.returned]} bars={b.months} /></Col>
          <Col xs={24} lg={12}><FigureChart title={t.dashboard.rateByDepartment} series={rate} bars={b.rateDepartment} /></Col>
          <Col xs={24} lg={12}><FigureChart title={t.dashboard.rateByTown} series={rate} bars={b.rateTown} /></Col>
        </Row>
      )}
    </QueryView>
  );
}
