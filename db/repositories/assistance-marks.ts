/**
 * Joint identification with 民政 统筹认定 (2026 No.1 Document): the registry's
 * dated marks of the households 民政's feeds list as 低保 or 特困. A feed's
 * batch keeps them in three set-based statements within its comparison's
 * transaction (db/repositories/comparison-run.ts): an open mark listed again
 * is carried to the batch's month, an open mark of an earlier month that the
 * batch does not list in care ends (never deleted), and a household listed in
 * care without an open mark gets one — each with a line in its file. The
 * household's page, and the roster's filter, read them with the household's
 * own latest assessment beside them (the same income rule the monitoring uses).
 */
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../database.js';
import { latestAssessmentOf } from './household-cells.js';

export interface MarkRun {
  readonly countyId: string;
  readonly kind: 'dibao' | 'tekun';
  readonly feed: string;
  readonly month: string;
  readonly batchId: string;
  /** The fact key the mark reads, and the codes that keep the household marked. */
  readonly key: string;
  readonly values: readonly string[];
  readonly uploadedBy: string;
  readonly at: Date;
}

export interface MarkCounts {
  readonly started: number;
  readonly ended: number;
}

/** The rows of the judged batch that name a household of the registry (compared, or skipped for want of consent). */
const LISTED = `j.household_id = m.household_id and j.outcome in ('matched', 'no_consent')`;
const IN_CARE = `(j.fact_value ->> $5) = any ($6::text[])`;

/** Keeps the marks of one judged batch (the `comparison_judged` temporary table of the caller's transaction). */
export async function keepMarks(client: pg.PoolClient, run: MarkRun): Promise<MarkCounts> {
  const common = [run.countyId, run.kind, run.month, run.batchId, run.key, run.values];
  // An open mark listed in care again is carried to this month (a late feed of an earlier month changes nothing).
  await client.query(
    `update assistance_marks m set last_month = $3, last_batch_id = $4
      where m.county_id = $1 and m.kind = $2 and m.ended_month is null and m.last_month < $3
        and exists (select 1 from comparison_judged j where ${LISTED} and ${IN_CARE})`,
    common,
  );
  // An open mark of an earlier month that this month's feed does not list in care ends: the household left 民政's list.
  const ended = await client.query(
    `with ended as (
       update assistance_marks m set ended_month = $3, ended_batch_id = $4, ended_at = $7,
              ended_reason = case when exists (select 1 from comparison_judged j where ${LISTED}) then 'stopped' else 'absent' end
        where m.county_id = $1 and m.kind = $2 and m.ended_month is null and m.last_month < $3
          and not exists (select 1 from comparison_judged j where ${LISTED} and ${IN_CARE})
       returning m.id, m.household_id, m.kind, m.started_month, m.last_month, m.ended_reason)
     insert into household_events (household_id, event_key, kind, actor_user_id, occurred_at, payload)
     select e.household_id, 'assistance-mark-ended:' || e.id, 'assistance.mark_ended', $8, $7,
            jsonb_build_object('markId', e.id::text, 'kind', e.kind, 'startedMonth', e.started_month, 'lastMonth', e.last_month,
                               'endedMonth', $3::text, 'reason', e.ended_reason, 'batchId', $4::text, 'feed', $9::text)
       from ended e`,
    [...common, run.at, run.uploadedBy, run.feed],
  );
  // A household the feed lists in care, compared, without an open mark gets one — unless a later month already spoke of it.
  const started = await client.query(
    `with started as (
       insert into assistance_marks (county_id, household_id, member_id, kind, feed, started_batch_id, started_month, last_batch_id, last_month, created_at)
       select distinct on (j.household_id) $1, j.household_id, j.member_id, $2, $9, $4, $3, $4, $3, $7
         from comparison_judged j
        where j.outcome = 'matched' and ${IN_CARE}
          and not exists (select 1 from assistance_marks m where m.household_id = j.household_id and m.kind = $2 and (m.last_month >= $3 or m.ended_month > $3))
        order by j.household_id, j.row_no
       on conflict (household_id, kind) where ended_month is null do nothing
       returning id, household_id, member_id, kind)
     insert into household_events (household_id, event_key, kind, actor_user_id, occurred_at, payload)
     select s.household_id, 'assistance-mark:' || s.id, 'assistance.marked', $8, $7,
            jsonb_build_object('markId', s.id::text, 'kind', s.kind, 'memberId', s.member_id::text, 'startedMonth', $3::text, 'batchId', $4::text, 'feed', $9::text)
       from started s`,
    [...common, run.at, run.uploadedBy, run.feed],
  );
  return { started: started.rowCount ?? 0, ended: ended.rowCount ?? 0 };
}

/** The latest assessment of a household's file (identification or monthly), as the monitoring recorded it. */
const LATEST_ASSESSMENT = latestAssessmentOf('households.id');

export function assistanceMarksRepo(db: Kysely<Database>) {
  return {
    /** A household's marks, open first, then the ended ones newest first, with the batches' file names. */
    ofHousehold(householdId: string) {
      return db
        .selectFrom('assistance_marks as m')
        .innerJoin('comparison_batches as b', 'b.id', 'm.started_batch_id')
        .innerJoin('household_members as p', 'p.id', 'm.member_id')
        .select(['m.id', 'm.kind', 'm.feed', 'm.started_month', 'm.last_month', 'm.ended_month', 'm.ended_reason', 'm.started_batch_id', 'm.ended_batch_id', 'b.file_name', 'p.name as member_name'])
        .where('m.household_id', '=', householdId)
        .orderBy(sql`m.ended_month is null`, 'desc')
        .orderBy('m.started_month', 'desc')
        .orderBy('m.id', 'desc')
        .execute();
    },

    /** The household's latest recorded assessment summary (null: never assessed). */
    async latestAssessment(householdId: string): Promise<unknown> {
      const row = await db.selectFrom('households').select(LATEST_ASSESSMENT.as('summary')).where('households.id', '=', householdId).executeTakeFirst();
      return row?.summary ?? null;
    },
  };
}

/** What the roster's joint-identification filter selects. */
export type JointFilter = 'dibao' | 'tekun' | 'any' | 'at_risk_unmonitored';

/**
 * The roster's condition for the filter: an open mark of the group (or of
 * either); or an open mark whose household is not monitored while its latest
 * assessment says it qualifies (conclusion eligible, or income under the
 * monitoring line: domain/monitoring/risk-signal.ts qualifiesForMonitoring, in SQL).
 */
export function jointCondition(filter: JointFilter) {
  const open = (kinds: readonly string[]) =>
    sql<boolean>`exists (select 1 from assistance_marks m where m.household_id = households.id and m.ended_month is null and m.kind in (${sql.join(kinds)}))`;
  if (filter === 'dibao' || filter === 'tekun') return open([filter]);
  if (filter === 'any') return open(['dibao', 'tekun']);
  return sql<boolean>`(${open(['dibao', 'tekun'])} and households.stage <> 'monitoring'
    and (select a.s ->> 'conclusion' = 'eligible' or a.s ->> 'belowMonitoring' = 'true' from (select ${LATEST_ASSESSMENT} as s) a))`;
}
