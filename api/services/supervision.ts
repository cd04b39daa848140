import type { FastifyInstance } from 'fastify';
import { addMonths, periodOf, startOfPeriod } from '../../domain/calendar/dates.js';
import { MONITORING_CATEGORIES, RISK_CAUSE_NAMES, RISK_CAUSES } from '../../domain/identification/steps.js';
import { HOUSEHOLD_CATEGORY_NAMES } from '../../domain/messages/fields.js';
import { supervisionMessages } from '../../domain/supervision/messages.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { supervisionRepo, type BoardGrouping, type BoardSource } from '../../db/repositories/supervision.js';
import type { dashboard, overdueBoard } from '../schemas/supervision.js';
import type { z } from 'zod';

/** The county's towns or departments, in the county's order, as id → name. */
export async function placesOf(app: FastifyInstance, countyId: string, by: BoardGrouping): Promise<Map<string, string>> {
  const rows = by === 'town' ? (await jurisdictionsRepo(app.db).children(countyId)).filter((j) => j.level === 'town') : await departmentsRepo(app.db).ofCounty(countyId);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every town or department of the county, those with nothing overdue at 0, then the items of no town or department when there are any. */
export async function overdueBoardOf(app: FastifyInstance, countyId: string, source: BoardSource, by: BoardGrouping, now: Date): Promise<z.infer<typeof overdueBoard>> {
  const [places, rows] = await Promise.all([placesOf(app, countyId, by), supervisionRepo(app.db).overdueBoard(countyId, source, by, now)]);
  const found = new Map(rows.map((r) => [r.id, r]));
  const row = (id: string | null, name: string) => {
    const r = found.get(id) ?? { upTo7: 0, upTo30: 0, over30: 0 };
    return { id, name, upTo7: r.upTo7, upTo30: r.upTo30, over30: r.over30, total: r.upTo7 + r.upTo30 + r.over30 };
  };
  const out = [...places].map(([id, name]) => row(id, name));
  if (found.has(null)) out.push(row(null, by === 'town' ? supervisionMessages.countyLevel : supervisionMessages.noDepartment));
  return { by, source, asOf: now.toISOString(), rows: out };
}

/** The leadership group's figures: monitoring objects by category, town and risk cause; the last 12 months; overdue rates of the tasks. */
export async function dashboardOf(app: FastifyInstance, countyId: string, now: Date): Promise<z.infer<typeof dashboard>> {
  const repo = supervisionRepo(app.db);
  const current = periodOf(now.getTime());
  const periods = Array.from({ length: 12 }, (_, i) => addMonths(current, i - 11));
  const [towns, departments, byCategory, byTown, byRiskCause, events, townRates, departmentRates] = await Promise.all([
    placesOf(app, countyId, 'town'),
    placesOf(app, countyId, 'department'),
    repo.monitoringBy(countyId, 'category'),
    repo.monitoringBy(countyId, 'town'),
    repo.monitoringByRiskCause(countyId),
    repo.stageEventsByMonth(countyId, new Date(startOfPeriod(periods[0]!))),
    repo.taskRates(countyId, 'town', now),
    repo.taskRates(countyId, 'department', now),
  ]);
  const countOf = (rows: { key: string; n: number }[], key: string) => rows.find((r) => r.key === key)?.n ?? 0;
  const rates = (places: Map<string, string>, rows: { id: string | null; open: number; overdue: number }[]) =>
    [...places].map(([id, name]) => {
      const r = rows.find((x) => x.id === id) ?? { open: 0, overdue: 0 };
      return { id, name, open: r.open, overdue: r.overdue, rate: r.open === 0 ? null : r.overdue / r.open };
    });
  return {
    asOf: now.toISOString(),
    monitoring: {
      byCategory: MONITORING_CATEGORIES.map((c) => ({ key: c, name: HOUSEHOLD_CATEGORY_NAMES[c], count: countOf(byCategory, c) })),
      byTown: [...towns].map(([id, name]) => ({ key: id, name, count: countOf(byTown, id) })),
      byRiskCause: RISK_CAUSES.map((c) => ({ key: c, name: RISK_CAUSE_NAMES[c], count: countOf(byRiskCause, c) })),
    },
    months: periods.map((period) => {
      const n = (series: string) => events.find((e) => e.period === period && e.series === series)?.n ?? 0;
      return { period, new: n('new'), eliminated: n('eliminated'), returned: n('returned') };
    }),
    overdueRate: { byDepartment: rates(departments, departmentRates), byTown: rates(towns, townRates) },
  };
}
