import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

/** A household with its latest assessment that stored its inputs (for the what-if). */
export interface CaseloadAssessmentRow {
  household_id: string;
  head_name: string;
  town_id: string;
  category: string;
  stage: string;
  payload: { summary: unknown; inputs: unknown };
}

export function caseloadRepo(db: Kysely<Database>) {
  return {
    /**
     * One page of a county's households with their latest re-runnable
     * assessment, by household id after `after` (keyset): one statement, the
     * latest assessment chosen by DISTINCT ON.
     */
    async latestAssessments(countyId: string, after: string | null, limit: number): Promise<CaseloadAssessmentRow[]> {
      const result = await sql<CaseloadAssessmentRow>`
        select distinct on (h.id) h.id as household_id, h.head_name, h.town_id, h.category, h.stage, e.payload
        from households h
        join household_events e on e.household_id = h.id
        where h.county_id = ${countyId}
          and e.kind in ('identification.assessed', 'monitoring.assessed')
          and e.payload ? 'inputs'
          and (${after}::uuid is null or h.id > ${after}::uuid)
        order by h.id, e.occurred_at desc, e.id desc
        limit ${limit}`.execute(db);
      return result.rows;
    },

    /** The baseline of the benchmark: a plain scan of the same rows, nothing computed. */
    async scanAssessments(countyId: string): Promise<number> {
      const result = await sql<{ n: string }>`
        select count(*) as n from households h join household_events e on e.household_id = h.id
        where h.county_id = ${countyId} and e.kind in ('identification.assessed', 'monitoring.assessed') and e.payload ? 'inputs'`.execute(db);
      return Number(result.rows[0]?.n ?? 0);
    },
  };
}
