import { sql, type Kysely } from 'kysely';
import { MOVEMENT_EVENT_KINDS, type Movement } from '../../domain/supervision/movements.js';
import { OPEN_TASK_STATUSES } from '../../domain/measures/tasks.js';
import { overdueAtLeastSince, overdueAtMostAfter } from '../../domain/supervision/aging.js';
import type { Database } from '../database.js';

export type BoardSource = 'register' | 'tasks';
export type BoardGrouping = 'town' | 'department';

/** One row of the overdue board: a town or a department (null: the county's own items, or none), and its open overdue work per aging bucket. */
export interface BoardRow {
  readonly id: string | null;
  readonly upTo7: number;
  readonly upTo30: number;
  readonly over30: number;
}

export interface RateRow {
  readonly id: string | null;
  readonly open: number;
  readonly overdue: number;
}

const OPEN = [...OPEN_TASK_STATUSES];

/**
 * The supervisor's and the leadership group's figures of one county: each a
 * single grouped query, never a query per town, department or month.
 */
export function supervisionRepo(db: Kysely<Database>) {
  /** The bucket counts of the open rows overdue at `now`, by their deadline column. */
  const buckets = (dueAt: ReturnType<typeof sql.ref>, now: Date) => {
    const after8 = overdueAtMostAfter(now, 7);
    const atMost30 = overdueAtMostAfter(now, 30);
    const atLeast31 = overdueAtLeastSince(now, 31);
    return [
      sql<string>`count(*) filter (where ${dueAt} > ${after8})`.as('up_to_7'),
      sql<string>`count(*) filter (where ${dueAt} <= ${after8} and ${dueAt} > ${atMost30})`.as('up_to_30'),
      sql<string>`count(*) filter (where ${dueAt} <= ${atLeast31})`.as('over_30'),
    ] as const;
  };
  const toBoard = (rows: { id: string | null; up_to_7: string; up_to_30: string; over_30: string }[]): BoardRow[] =>
    rows.map((r) => ({ id: r.id, upTo7: Number(r.up_to_7), upTo30: Number(r.up_to_30), over30: Number(r.over_30) }));

  return {
    /**
     * Open overdue work of the county (`due_at <= now`, lateness.ts) in the aging
     * buckets, grouped by town or by department: the deadline register's open items,
     * or the departments' open tasks.
     */
    async overdueBoard(countyId: string, source: BoardSource, by: BoardGrouping, now: Date): Promise<BoardRow[]> {
      if (source === 'register') {
        const column = by === 'town' ? 'd.town_id' : 'd.department_id';
        const rows = await db
          .selectFrom('due_items as d')
          .select(sql.ref<string | null>(column).as('id'))
          .select(buckets(sql.ref('d.due_at'), now))
          .where('d.county_id', '=', countyId)
          .where('d.status', '=', 'open')
          .where('d.due_at', '<=', now)
          .groupBy(column)
          .execute();
        return toBoard(rows);
      }
      const column = by === 'town' ? 'k.town_id' : 'k.department_id';
      const rows = await db
        .selectFrom('measure_tasks as k')
        .select(sql.ref<string | null>(column).as('id'))
        .select(buckets(sql.ref('k.due_at'), now))
        .where('k.county_id', '=', countyId)
        .where('k.status', 'in', OPEN)
        .where('k.due_at', '<=', now)
        .groupBy(column)
        .execute();
      return toBoard(rows);
    },

    /** Open tasks and those of them overdue at `now`, by town or by department: the overdue rate is their quotient. */
    async taskRates(countyId: string, by: BoardGrouping, now: Date): Promise<RateRow[]> {
      const column = by === 'town' ? 'k.town_id' : 'k.department_id';
      const rows = await db
        .selectFrom('measure_tasks as k')
        .select(sql.ref<string>(column).as('id'))
        .select([sql<string>`count(*)`.as('open'), sql<string>`count(*) filter (where k.due_at <= ${now})`.as('overdue')])
        .where('k.county_id', '=', countyId)
        .where('k.status', 'in', OPEN)
        .groupBy(column)
        .execute();
      return rows.map((r) => ({ id: r.id, open: Number(r.open), overdue: Number(r.overdue) }));
    },

    /** Monitoring objects 监测对象 of the county (stage monitoring) by category and by town. */
    async monitoringBy(countyId: string, by: 'category' | 'town'): Promise<{ key: string; n: number }[]> {
      const column = by === 'category' ? 'category' : 'town_id';
      const rows = await db
        .selectFrom('households')
        .select([sql.ref<string>(column).as('key'), sql<string>`count(*)`.as('n')])
        .where('county_id', '=', countyId)
        .where('stage', '=', 'monitoring')
        .groupBy(column)
        .execute();
      return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
    },

    /**
     * Monitoring objects by risk cause 风险类型: the causes of each household's latest
     * county decision (identification.approved), one household counted under each of its causes.
     */
    async monitoringByRiskCause(countyId: string): Promise<{ key: string; n: number }[]> {
      const { rows } = await sql<{ key: string; n: string }>`
        select c.cause as key, count(*) as n
        from households h
        cross join lateral (
          select e.payload from household_events e
          where e.household_id = h.id and e.kind = 'identification.approved'
          order by e.occurred_at desc, e.id desc limit 1
        ) latest
        cross join lateral jsonb_array_elements_text(coalesce(latest.payload -> 'riskCauses', '[]'::jsonb)) as c(cause)
        where h.county_id = ${countyId} and h.stage = 'monitoring'
        group by c.cause`.execute(db);
      return rows.map((r) => ({ key: r.key, n: Number(r.n) }));
    },

    /**
     * Households per month (Asia/Shanghai) from `since` on that became monitoring objects
     * (new: identification.approved), had their risk eliminated (eliminated:
     * elimination.confirmed) or returned to monitoring (returned: monitoring.reentered,
     * elimination.rolled_back); each household counted once per series and month.
     */
    async stageEventsByMonth(countyId: string, since: Date): Promise<{ period: string; series: Movement; n: number }[]> {
      const month = sql<string>`to_char(e.occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM')`;
      const kinds = Object.entries(MOVEMENT_EVENT_KINDS).flatMap(([movement, of]) => of.map((kind) => ({ kind, movement: movement as Movement })));
      // Literals, not parameters: the expression is grouped by, and PostgreSQL matches a grouped expression by its text.
      const series = sql<Movement>`case ${sql.join(kinds.map((k) => sql`when e.kind = ${sql.lit(k.kind)} then ${sql.lit(k.movement)}`), sql` `)} end`;
      const rows = await db
        .selectFrom('household_events as e')
        .innerJoin('households as h', 'h.id', 'e.household_id')
        .select([month.as('period'), series.as('series'), sql<string>`count(distinct e.household_id)`.as('n')])
        .where('h.county_id', '=', countyId)
        .where('e.kind', 'in', kinds.map((k) => k.kind))
        .where('e.occurred_at', '>=', since)
        .groupBy([month, series])
        .execute();
      return rows.map((r) => ({ period: r.period, series: r.series, n: Number(r.n) }));
    },
  };
}
