import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { ReviewProcedure } from '../../domain/identification/queue.js';
import { inPlace, jurisdictionsRepo } from './jurisdictions.js';

export interface WaitingCaseRow {
  household_id: string;
  head_name: string;
  address: string;
  stage: string;
  town_name: string | null;
  village_name: string | null;
  procedure: ReviewProcedure;
  step: string;
  case_no: number | null;
  since: Date;
}

export interface CaseClockRow {
  household_id: string;
  item_key: string;
  kind: string;
  due_at: Date;
  overdue_at: Date | null;
  status: string;
}

/**
 * The review cases (identification 监测程序, risk elimination 风险消除) waiting at
 * a step: each case's step is the `next` its latest file event names (every
 * event that moves a case carries it), so the queue is read from PostgreSQL
 * and not from the workflows one by one.
 */
export function reviewQueueRepo(db: Kysely<Database>) {
  return {
    /** The cases within `within` whose current step is one of `steps`, waiting longest first. */
    async waitingAt(within: string, steps: readonly string[], page: { procedure?: ReviewProcedure; limit: number; offset: number }): Promise<{ items: WaitingCaseRow[]; total: number }> {
      if (steps.length === 0) return { items: [], total: 0 };
      const level = await jurisdictionsRepo(db).placeLevel(within);
      const place = inPlace(within, level, { county: 'h.county_id', town: 'h.town_id', village: 'h.village_id', group: { column: 'h.group_id' } });
      // Served by household_events_household_idx: the households of the place, then their case events.
      const latest = sql<WaitingCaseRow>`
        select distinct on (e.household_id, split_part(e.kind, '.', 1))
          e.household_id, h.head_name, h.address, h.stage, t.name as town_name, v.name as village_name,
          split_part(e.kind, '.', 1) as procedure, e.payload->>'next' as step,
          (e.payload->>'caseNo')::int as case_no, e.occurred_at as since
        from households h
        join household_events e on e.household_id = h.id
        left join jurisdictions t on t.id = h.town_id
        left join jurisdictions v on v.id = h.village_id
        where ${place}
          and split_part(e.kind, '.', 1) in (${sql.join(page.procedure ? [page.procedure] : ['identification', 'elimination'])})
          and e.payload ? 'next'
        order by e.household_id, split_part(e.kind, '.', 1), e.occurred_at desc, e.id desc`;
      const stepList = sql.join(steps.map((s) => sql`${s}`));
      const [rows, count] = await Promise.all([
        sql<WaitingCaseRow>`select * from (${latest}) c where c.step in (${stepList}) order by c.since, c.household_id limit ${page.limit} offset ${page.offset}`.execute(db),
        sql<{ n: string }>`select count(*) as n from (${latest}) c where c.step in (${stepList})`.execute(db),
      ]);
      return { items: rows.rows, total: Number(count.rows[0]?.n ?? 0) };
    },

    /** The open working-day clocks of the households' review cases (their items in the deadline register). */
    async openClocks(householdIds: readonly string[]): Promise<CaseClockRow[]> {
      if (householdIds.length === 0) return [];
      return db
        .selectFrom('due_items')
        .select(['household_id', 'item_key', 'kind', 'due_at', 'overdue_at', 'status'])
        .where('household_id', 'in', [...householdIds])
        .where('kind', 'in', ['identification_step', 'identification_case', 'elimination_step', 'elimination_case'])
        .where('status', '=', 'open')
        .orderBy('due_at')
        .execute() as Promise<CaseClockRow[]>;
    },
  };
}
