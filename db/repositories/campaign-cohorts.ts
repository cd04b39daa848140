import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { CohortCriteria } from '../../domain/campaigns/criteria.js';
import { MOVEMENT_EVENT_KINDS } from '../../domain/supervision/movements.js';
import { OPEN_TASK_STATUSES } from '../../domain/measures/tasks.js';
import { DAY_MS } from '../../domain/calendar/dates.js';
import type { Database } from '../database.js';

/** Where a campaign's cohort is drawn: the county, a town, or (a screening's) a village. */
export interface CampaignArea {
  readonly id: string;
  readonly level: 'county' | 'town' | 'village';
}

/**
 * The households of a campaign's area (the county, a town or a village) that meet its
 * criteria at `now`, as one condition over `households as h` — the preview's
 * count and the launch's snapshot run the same one.
 */
export function cohortCondition(area: CampaignArea, c: CohortCriteria, now: Date): RawBuilder<SqlBool> {
  const column = area.level === 'county' ? sql.ref('h.county_id') : area.level === 'town' ? sql.ref('h.town_id') : sql.ref('h.village_id');
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`${column} = ${area.id}`];
  parts.push(sql<SqlBool>`h.stage <> 'not_included'`);
  if (c.townId) parts.push(sql<SqlBool>`h.town_id = ${c.townId}`);
  if (c.categories?.length) parts.push(sql<SqlBool>`h.category in (${sql.join([...c.categories])})`);
  if (c.stages?.length) parts.push(sql<SqlBool>`h.stage in (${sql.join([...c.stages])})`);
  if (c.riskCause) {
    parts.push(
      sql<SqlBool>`coalesce((select e.payload -> 'riskCauses' from household_events e where e.household_id = h.id and e.kind = 'identification.approved' order by e.occurred_at desc, e.id desc limit 1), '[]'::jsonb) ? ${c.riskCause}`,
    );
  }
  if (c.warnedWithinDays !== undefined) {
    const since = new Date(now.getTime() - c.warnedWithinDays * DAY_MS);
    parts.push(sql<SqlBool>`exists (select 1 from household_events e where e.household_id = h.id and e.kind = 'monitoring.warning_raised' and e.occurred_at >= ${since})`);
  }
  if (c.eliminatedWithinMonths !== undefined) {
    const since = new Date(now.getTime() - c.eliminatedWithinMonths * 30 * DAY_MS);
    parts.push(
      sql<SqlBool>`h.stage = 'eliminated' and exists (select 1 from household_events e where e.household_id = h.id and e.kind in (${sql.join([...MOVEMENT_EVENT_KINDS.eliminated])}) and e.occurred_at >= ${since})`,
    );
  }
  if (c.overdueTasks) {
    parts.push(sql<SqlBool>`exists (select 1 from measure_tasks k where k.household_id = h.id and k.status in (${sql.join([...OPEN_TASK_STATUSES])}) and k.due_at <= ${now})`);
  }
  if (c.incomeDropPercent !== undefined) {
    // The last 12 recorded months against the 12 before them, each summed over all income kinds.
    parts.push(sql<SqlBool>`exists (
      select 1 from (
        select
          sum(r.amount_fen) filter (where r.period > to_char(${now}::timestamptz at time zone 'Asia/Shanghai' - interval '12 months', 'YYYY-MM')) as recent,
          sum(r.amount_fen) filter (where r.period <= to_char(${now}::timestamptz at time zone 'Asia/Shanghai' - interval '12 months', 'YYYY-MM')) as before
        from household_income_records r
        where r.household_id = h.id
          and r.period > to_char(${now}::timestamptz at time zone 'Asia/Shanghai' - interval '24 months', 'YYYY-MM')
      ) s
      where s.before > 0 and coalesce(s.recent, 0) * 100 < s.before * (100 - ${c.incomeDropPercent}))`);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

export function campaignCohortsRepo(db: Kysely<Database>) {
  return {
    async count(area: CampaignArea, criteria: CohortCriteria, now: Date): Promise<number> {
      const row = await sql<{ n: string }>`select count(*) as n from households h where ${cohortCondition(area, criteria, now)}`.execute(db);
      return Number(row.rows[0]?.n ?? 0);
    },

    /** The snapshot: one row per household meeting the criteria now, numbered in a fixed order; answers how many. */
    async snapshot(campaignId: string, area: CampaignArea, criteria: CohortCriteria, departmentId: string | null, now: Date): Promise<number> {
      const result = await sql`
        insert into campaign_households (campaign_id, household_id, seq, town_id, village_id, department_id)
        select ${campaignId}::uuid, h.id, row_number() over (order by h.town_id, h.village_id, h.id), h.town_id, h.village_id, ${departmentId}::uuid
        from households h
        where ${cohortCondition(area, criteria, now)}`.execute(db);
      return Number(result.numAffectedRows ?? 0n);
    },
  };
}
