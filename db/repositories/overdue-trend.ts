import { sql, type Kysely } from 'kysely';
import { AGING_BUCKETS } from '../../domain/supervision/aging.js';
import type { TrendInstant } from '../../domain/supervision/trend.js';
import type { Database } from '../database.js';
import type { BoardGrouping, BoardRow } from './supervision.js';

export interface TrendRow extends BoardRow {
  readonly period: string;
}

/**
 * The deadline register's overdue work of a county at each instant, by town or
 * by department, in the aging buckets (domain/supervision/aging.ts): an item
 * counts at `at` when it was open then — opened by `at`, not done by `at` —
 * and its deadline had passed (`due_at <= at`). Cancelled items count at no
 * instant (the register keeps no time of their cancelling). One grouped query
 * over all the months.
 */
export function overdueTrendRepo(db: Kysely<Database>) {
  return {
    async byMonth(countyId: string, by: BoardGrouping, instants: readonly TrendInstant[]): Promise<TrendRow[]> {
      if (instants.length === 0) return [];
      const column = by === 'town' ? sql.ref('d.town_id') : sql.ref('d.department_id');
      // Overdue by more than a bucket's last day: its deadline lies that many days and one before `at` (aging.ts).
      const first = AGING_BUCKETS[0].max + 1;
      const second = AGING_BUCKETS[1].max + 1;
      const points = sql.join(instants.map((i) => sql`(${i.period}::text, ${new Date(i.at)}::timestamptz)`));
      const { rows } = await sql<{ period: string; id: string | null; up_to_7: string; up_to_30: string; over_30: string }>`
        select t.period, ${column}::text as id,
          count(*) filter (where d.due_at > t.at - ${first} * interval '1 day') as up_to_7,
          count(*) filter (where d.due_at <= t.at - ${first} * interval '1 day' and d.due_at > t.at - ${second} * interval '1 day') as up_to_30,
          count(*) filter (where d.due_at <= t.at - ${second} * interval '1 day') as over_30
        from (values ${points}) as t(period, at)
        join due_items d on d.county_id = ${countyId} and d.due_at <= t.at and d.opened_at <= t.at
          and d.status <> 'cancelled' and (d.done_at is null or d.done_at > t.at)
        group by t.period, ${column}
        order by t.period`.execute(db);
      return rows.map((r) => ({ period: r.period, id: r.id, upTo7: Number(r.up_to_7), upTo30: Number(r.up_to_30), over30: Number(r.over_30) }));
    },
  };
}
