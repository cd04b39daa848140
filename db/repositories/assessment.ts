import { sql, type Kysely } from 'kysely';
import type { Measured } from '../../domain/supervision/assessment.js';
import type { Database } from '../database.js';

export type AssessedUnit = 'town' | 'department';

/** One unit's measured facts of a month, by its id. */
export interface FactRow {
  readonly id: string;
  readonly measured: Measured;
}
export interface TaskFactRow extends FactRow {
  readonly overdueDays: number;
}

/** The kinds of a household's file that show a warning acted on: a case opened or joined. */
const ACTION_EVENT_KINDS = ['identification.opened', 'identification.discovery_merged'];

const toRows = (rows: { id: string | null; due: string; met: string }[]): FactRow[] =>
  rows.filter((r) => r.id !== null).map((r) => ({ id: r.id!, measured: { due: Number(r.due), met: Number(r.met) } }));

/**
 * The facts the monthly assessment 考核 is made of, for one county and one month
 * `[from, to)` as known at `asOf` (`asOf <= to`): each a single grouped query
 * over the records, by town or by department — never a query per unit.
 */
export function assessmentRepo(db: Kysely<Database>) {
  return {
    /** Monthly updates 月度信息更新 due in the month by `asOf`, and those done by their deadline, by town. */
    async monthlyUpdates(countyId: string, from: Date, asOf: Date): Promise<FactRow[]> {
      const rows = await db
        .selectFrom('due_items as d')
        .select([
          'd.town_id as id',
          sql<string>`count(*)`.as('due'),
          sql<string>`count(*) filter (where d.done_at is not null and d.done_at <= d.due_at)`.as('met'),
        ])
        .where('d.county_id', '=', countyId)
        .where('d.kind', '=', 'monthly_update')
        .where('d.status', '!=', 'cancelled')
        .where('d.due_at', '>=', from)
        .where('d.due_at', '<=', asOf)
        .groupBy('d.town_id')
        .execute();
      return toRows(rows);
    },

    /**
     * Tasks with a deadline before `asOf` still open at some time in the month
     * (not finished before it began), and those of them not overdue; the days they
     * were overdue within the month, whole days per task. Handed-back and cancelled
     * tasks are not counted (a reassigned task is its own).
     */
    async tasks(countyId: string, by: AssessedUnit, from: Date, asOf: Date): Promise<TaskFactRow[]> {
      const column = by === 'town' ? 'k.town_id' : 'k.department_id';
      const end = sql<Date>`least(coalesce(k.completed_at, ${asOf}::timestamptz), ${asOf}::timestamptz)`;
      const rows = await db
        .selectFrom('measure_tasks as k')
        .select([
          sql.ref<string>(column).as('id'),
          sql<string>`count(*)`.as('due'),
          sql<string>`count(*) filter (where k.completed_at is not null and k.completed_at <= k.due_at)`.as('met'),
          sql<string>`coalesce(sum(greatest(0, floor(extract(epoch from (${end} - greatest(k.due_at, ${from}::timestamptz))) / 86400))), 0)`.as('days'),
        ])
        .where('k.county_id', '=', countyId)
        .where('k.status', 'not in', ['cancelled', 'handed_back'])
        .where('k.due_at', '<', asOf)
        .where((eb) => eb.or([eb('k.completed_at', 'is', null), eb('k.completed_at', '>=', from)]))
        .groupBy(column)
        .execute();
      return rows.map((r) => ({ id: r.id, measured: { due: Number(r.due), met: Number(r.met) }, overdueDays: Number(r.days) }));
    },

    /**
     * Warnings 风险预警 raised in the month, by the household's town: counted once
     * their `days` have run by `asOf` or they were acted on, and acted on when a
     * case was opened or joined, or a plan confirmed, within `days` of the warning.
     */
    async warnings(countyId: string, from: Date, asOf: Date, days: number): Promise<FactRow[]> {
      const window = sql`make_interval(days => ${days})`;
      const acted = sql<boolean>`(exists (
          select 1 from household_events a
          where a.household_id = e.household_id and a.kind in (${sql.join(ACTION_EVENT_KINDS)})
            and a.occurred_at >= e.occurred_at and a.occurred_at <= e.occurred_at + ${window})
        or exists (
          select 1 from assistance_plans p
          where p.household_id = e.household_id and p.confirmed_at >= e.occurred_at and p.confirmed_at <= e.occurred_at + ${window}))`;
      const rows = await db
        .selectFrom('household_events as e')
        .innerJoin('households as h', 'h.id', 'e.household_id')
        .select([
          'h.town_id as id',
          sql<string>`count(*) filter (where e.occurred_at + ${window} <= ${asOf} or ${acted})`.as('due'),
          sql<string>`count(*) filter (where ${acted})`.as('met'),
        ])
        .where('h.county_id', '=', countyId)
        .where('e.kind', '=', 'monitoring.warning_raised')
        .where('e.occurred_at', '>=', from)
        .where('e.occurred_at', '<', asOf)
        .groupBy('h.town_id')
        .execute();
      return toRows(rows);
    },

    /** Campaign problems 专项督查问题 whose rectification was due in the month by `asOf`, and those rectified by then. */
    async rectifications(countyId: string, by: AssessedUnit, from: Date, asOf: Date): Promise<FactRow[]> {
      const column = by === 'town' ? 'p.town_id' : 'p.department_id';
      const rows = await db
        .selectFrom('campaign_problems as p')
        .innerJoin('inspection_campaigns as c', 'c.id', 'p.campaign_id')
        .select([
          sql.ref<string | null>(column).as('id'),
          sql<string>`count(*)`.as('due'),
          sql<string>`count(*) filter (where p.rectified_at is not null and p.rectified_at <= p.due_at)`.as('met'),
        ])
        .where('c.county_id', '=', countyId)
        .where('p.due_at', '>=', from)
        .where('p.due_at', '<=', asOf)
        .groupBy(column)
        .execute();
      return toRows(rows);
    },
  };
}
