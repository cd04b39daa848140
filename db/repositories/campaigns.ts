import { sql, type Kysely, type Selectable } from 'kysely';
import type { CohortCriteria } from '../../domain/campaigns/criteria.js';
import type { CheckItem, Responsible } from '../../domain/campaigns/checklist.js';
import { EMPTY_FIGURES, type UnitFigures } from '../../domain/campaigns/progress.js';
import { isLate } from '../../domain/deadlines/lateness.js';
import type { Database, InspectionCampaignsTable } from '../database.js';
import { campaignCohortsRepo, type CampaignArea } from './campaign-cohorts.js';

export type Campaign = Selectable<InspectionCampaignsTable>;

export const checkItemKey = (campaignId: string, householdId: string) => `campaign:${campaignId}:check:${householdId}`;
export const rectificationItemKey = (campaignId: string, problemId: string) => `campaign:${campaignId}:rectify:${problemId}`;

export interface NewCampaign {
  readonly countyId: string;
  readonly area: CampaignArea;
  /** An inspection 专项督查 (the default) or an immediate screening 突发情况排查. */
  readonly kind?: 'inspection' | 'screening';
  readonly name: string;
  readonly reason: string;
  readonly criteria: CohortCriteria;
  readonly checklist: readonly CheckItem[];
  readonly responsible: Responsible;
  readonly departmentId: string | null;
  readonly definedBy: string;
  readonly launchedAt: Date;
  readonly dueAt: Date;
}

export interface FoundProblem {
  readonly kind: string;
  readonly description: string;
  readonly dueAt: Date;
}

/** Figures of one town or department (null: none), as the progress and the report read them. */
export interface UnitRow extends UnitFigures {
  readonly id: string | null;
  readonly name: string | null;
}

const n = (v: unknown) => Number(v ?? 0);

/** Special inspection campaigns 专项督查: the campaign, its cohort's checks and the problems found. */
export function campaignsRepo(db: Kysely<Database>) {
  return {
    /** The campaign and its cohort's snapshot, in the caller's transaction. */
    async launch(c: NewCampaign): Promise<Campaign> {
      const row = await db
        .insertInto('inspection_campaigns')
        .values({
          county_id: c.countyId,
          area_id: c.area.id,
          name: c.name,
          reason: c.reason,
          criteria: JSON.stringify(c.criteria),
          checklist: JSON.stringify(c.checklist),
          responsible: c.responsible,
          department_id: c.departmentId,
          defined_by: c.definedBy,
          launched_at: c.launchedAt,
          due_at: c.dueAt,
          cohort_count: 0,
          kind: c.kind ?? 'inspection',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const count = await campaignCohortsRepo(db).snapshot(row.id, c.area, c.criteria, c.departmentId, c.launchedAt);
      return db.updateTable('inspection_campaigns').set({ cohort_count: count }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    },

    findById(id: string) {
      return db.selectFrom('inspection_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The county's campaigns (a town's: the whole county's, its own and its villages'), newest first. */
    list(countyId: string, townId: string | null) {
      let q = db.selectFrom('inspection_campaigns').selectAll().where('county_id', '=', countyId);
      if (townId) q = q.where((eb) => eb.or([eb('area_id', 'in', [countyId, townId]), eb('area_id', 'in', eb.selectFrom('jurisdictions').select('id').where('parent_id', '=', townId))]));
      return q.orderBy('launched_at', 'desc').limit(200).execute();
    },

    /**
     * Puts the checks of the cohort's households `afterSeq` < seq ≤ `afterSeq + size`
     * into the deadline register (a retry opens none twice); the campaign is open
     * once the last page is in.
     */
    async fanOutPage(campaignId: string, afterSeq: number, size: number, at: Date): Promise<{ lastSeq: number; done: boolean }> {
      return db.transaction().execute(async (trx) => {
        const campaign = await trx.selectFrom('inspection_campaigns').selectAll().where('id', '=', campaignId).forUpdate().executeTakeFirstOrThrow();
        const lastSeq = Math.min(afterSeq + size, campaign.cohort_count);
        const village = campaign.responsible === 'village';
        // A screening's check is the household's visit, which a visit answers (activities/screening.ts).
        const kind = campaign.kind === 'screening' ? 'screening_visit' : 'campaign_check';
        await sql`
          insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, department_id, responsible_user_id, due_at, opened_at)
          select 'campaign:' || ${campaignId} || ':check:' || ch.household_id, ${kind}, ${campaign.county_id}, ch.town_id,
                 case when ${village} then ch.village_id end, ch.household_id, ch.department_id,
                 case when ${village} then h.responsible_user_id end, ${campaign.due_at}, ${at}
          from campaign_households ch join households h on h.id = ch.household_id
          where ch.campaign_id = ${campaignId} and ch.seq > ${afterSeq} and ch.seq <= ${lastSeq} and ch.checked_at is null
          on conflict (item_key) do nothing`.execute(trx);
        const done = lastSeq >= campaign.cohort_count;
        await trx
          .updateTable('inspection_campaigns')
          .set({ fanned_out: sql<number>`greatest(fanned_out, ${lastSeq})`, ...(done && campaign.status === 'launching' ? { status: 'open' as const } : {}) })
          .where('id', '=', campaignId)
          .execute();
        return { lastSeq, done };
      });
    },

    cohortMember(campaignId: string, householdId: string) {
      return db
        .selectFrom('campaign_households as ch')
        .innerJoin('households as h', 'h.id', 'ch.household_id')
        .select(['ch.campaign_id', 'ch.household_id', 'ch.town_id', 'ch.village_id', 'ch.department_id', 'ch.checked_at', 'ch.late', 'ch.finding', 'ch.answers', 'h.county_id', 'h.group_id', 'h.head_name', 'h.address'])
        .where('ch.campaign_id', '=', campaignId)
        .where('ch.household_id', '=', householdId)
        .executeTakeFirst();
    },

    /**
     * Records a household's check and the problems it found, each a
     * rectification in the register; the check's item is done. A second call
     * for a household already checked changes nothing and answers the first.
     */
    async recordCheck(input: { campaignId: string; householdId: string; byUserId: string; at: Date; answers: unknown; problems: readonly FoundProblem[] }) {
      return db.transaction().execute(async (trx) => {
        const campaign = await trx.selectFrom('inspection_campaigns').selectAll().where('id', '=', input.campaignId).executeTakeFirstOrThrow();
        const late = isLate(input.at.getTime(), campaign.due_at.getTime());
        const updated = await trx
          .updateTable('campaign_households')
          .set({ checked_at: input.at, checked_by: input.byUserId, late, answers: JSON.stringify(input.answers), finding: input.problems.length > 0 ? 'problem' : 'no_problem' })
          .where('campaign_id', '=', input.campaignId)
          .where('household_id', '=', input.householdId)
          .where('checked_at', 'is', null)
          .returning(['town_id', 'village_id', 'department_id'])
          .executeTakeFirst();
        if (updated && input.problems.length > 0) {
          const problems = await trx
            .insertInto('campaign_problems')
            .values(
              input.problems.map((p) => ({
                campaign_id: input.campaignId,
                household_id: input.householdId,
                kind: p.kind,
                description: p.description,
                town_id: updated.town_id,
                village_id: updated.village_id,
                department_id: updated.department_id,
                found_at: input.at,
                found_by: input.byUserId,
                due_at: p.dueAt,
              })),
            )
            .returning(['id', 'due_at'])
            .execute();
          const village = campaign.responsible === 'village';
          await trx
            .insertInto('due_items')
            .values(
              problems.map((p) => ({
                item_key: rectificationItemKey(input.campaignId, p.id),
                kind: 'campaign_rectification',
                county_id: campaign.county_id,
                town_id: updated.town_id,
                village_id: village ? updated.village_id : null,
                household_id: input.householdId,
                department_id: updated.department_id,
                due_at: p.due_at,
                opened_at: input.at,
              })),
            )
            .onConflict((oc) => oc.column('item_key').doNothing())
            .execute();
        }
        await trx
          .updateTable('due_items')
          .set({ status: 'done', done_at: input.at, done_by: input.byUserId })
          .where('item_key', '=', checkItemKey(input.campaignId, input.householdId))
          .where('status', '=', 'open')
          .execute();
        const row = await trx
          .selectFrom('campaign_households')
          .select(['checked_at', 'late', 'finding'])
          .where('campaign_id', '=', input.campaignId)
          .where('household_id', '=', input.householdId)
          .executeTakeFirstOrThrow();
        return { recorded: updated !== undefined, late: row.late === true, finding: row.finding };
      });
    },

    /**
     * A household's visit answers the checks of the screenings 突发情况排查 its
     * area is under (the campaign's check recorded as the visit, no problem
     * found); answers the checks answered with their deadlines. Once: a check
     * already recorded is left as it is. In the caller's transaction.
     */
    async checkByVisit(input: { householdId: string; at: Date; byUserId: string }): Promise<{ campaignId: string; dueAt: Date }[]> {
      const open = await db
        .selectFrom('campaign_households as ch')
        .innerJoin('inspection_campaigns as c', 'c.id', 'ch.campaign_id')
        .select(['ch.campaign_id', 'c.due_at'])
        .where('ch.household_id', '=', input.householdId)
        .where('ch.checked_at', 'is', null)
        .where('c.kind', '=', 'screening')
        .where('c.status', '<>', 'closed')
        .execute();
      for (const c of open) {
        await db
          .updateTable('campaign_households')
          .set({ checked_at: input.at, checked_by: input.byUserId, late: isLate(input.at.getTime(), c.due_at.getTime()), answers: JSON.stringify({ checked: ['visit'], note: null, byVisit: true }), finding: 'no_problem' })
          .where('campaign_id', '=', c.campaign_id)
          .where('household_id', '=', input.householdId)
          .where('checked_at', 'is', null)
          .execute();
      }
      return open.map((c) => ({ campaignId: c.campaign_id, dueAt: c.due_at }));
    },

    findProblem(campaignId: string, problemId: string) {
      return db.selectFrom('campaign_problems').selectAll().where('campaign_id', '=', campaignId).where('id', '=', problemId).executeTakeFirst();
    },

    problemsOf(campaignId: string, householdId: string) {
      return db.selectFrom('campaign_problems').selectAll().where('campaign_id', '=', campaignId).where('household_id', '=', householdId).orderBy('found_at').execute();
    },

    /** Closes a rectification with its evidence (once: a retry answers the first). */
    async rectify(input: { campaignId: string; problemId: string; byUserId: string; at: Date; evidence: unknown }) {
      return db.transaction().execute(async (trx) => {
        const problem = await trx.selectFrom('campaign_problems').select(['due_at']).where('id', '=', input.problemId).where('campaign_id', '=', input.campaignId).executeTakeFirstOrThrow();
        await trx
          .updateTable('campaign_problems')
          .set({ status: 'rectified', rectified_at: input.at, rectified_by: input.byUserId, evidence: JSON.stringify(input.evidence), late: isLate(input.at.getTime(), problem.due_at.getTime()) })
          .where('id', '=', input.problemId)
          .where('status', '=', 'open')
          .execute();
        await trx
          .updateTable('due_items')
          .set({ status: 'done', done_at: input.at, done_by: input.byUserId })
          .where('item_key', '=', rectificationItemKey(input.campaignId, input.problemId))
          .where('status', '=', 'open')
          .execute();
        return trx.selectFrom('campaign_problems').select(['status', 'late', 'rectified_at']).where('id', '=', input.problemId).executeTakeFirstOrThrow();
      });
    },

    /** Checks still open at the deadline: their items are overdue; answers the open ones by village, town and department. */
    async markChecksOverdue(campaignId: string, dueAt: Date) {
      await sql`
        update due_items d set overdue_at = ${dueAt}
        from campaign_households ch
        where ch.campaign_id = ${campaignId} and ch.checked_at is null
          and d.item_key = 'campaign:' || ${campaignId} || ':check:' || ch.household_id
          and d.status = 'open' and d.overdue_at is null`.execute(db);
      return db
        .selectFrom('campaign_households')
        .select(['town_id', 'village_id', 'department_id', sql<string>`count(*)`.as('n')])
        .where('campaign_id', '=', campaignId)
        .where('checked_at', 'is', null)
        .groupBy(['town_id', 'village_id', 'department_id'])
        .execute();
    },

    /** Figures per town or per department at `now` (the rule is domain/campaigns/progress.ts). */
    async figures(campaign: Pick<Campaign, 'id' | 'due_at'>, by: 'town' | 'department', now: Date): Promise<UnitRow[]> {
      const col = by === 'town' ? 'town_id' : 'department_id';
      const names = by === 'town' ? sql`(select name from jurisdictions where id = u.id)` : sql`(select name from departments where id::text = u.id)`;
      const overdue = now.getTime() >= campaign.due_at.getTime();
      const rows = await sql<Record<string, unknown>>`
        with checks as (
          select ${sql.ref(col)}::text as id,
            count(*) as checks,
            count(*) filter (where checked_at is not null and not late) as checked_on_time,
            count(*) filter (where checked_at is not null and late) as checked_late,
            count(*) filter (where checked_at is null and ${overdue}) as unchecked_overdue
          from campaign_households where campaign_id = ${campaign.id} group by 1
        ), problems as (
          select ${sql.ref(col)}::text as id,
            count(*) as problems,
            count(*) filter (where status = 'rectified' and not late) as rectified_on_time,
            count(*) filter (where status = 'rectified' and late) as rectified_late,
            count(*) filter (where status = 'open' and due_at <= ${now}) as open_overdue,
            count(*) filter (where status = 'open' and due_at > ${now}) as open_in_time
          from campaign_problems where campaign_id = ${campaign.id} group by 1
        ), u as (select coalesce(c.id, p.id) as id, c.checks, c.checked_on_time, c.checked_late, c.unchecked_overdue,
                        p.problems, p.rectified_on_time, p.rectified_late, p.open_overdue, p.open_in_time
                 from checks c full join problems p on coalesce(p.id, '') = coalesce(c.id, ''))
        select u.*, ${names} as name from u order by u.id`.execute(db);
      return rows.rows.map((r) => ({
        ...EMPTY_FIGURES,
        id: (r.id as string | null) ?? null,
        name: (r.name as string | null) ?? null,
        checks: n(r.checks),
        checkedOnTime: n(r.checked_on_time),
        checkedLate: n(r.checked_late),
        uncheckedOverdue: n(r.unchecked_overdue),
        problems: n(r.problems),
        rectifiedOnTime: n(r.rectified_on_time),
        rectifiedLate: n(r.rectified_late),
        openOverdue: n(r.open_overdue),
        openInTime: n(r.open_in_time),
      }));
    },

    async problemsByKind(campaignId: string) {
      const rows = await db
        .selectFrom('campaign_problems')
        .select(['kind', sql<string>`count(*)`.as('found'), sql<string>`count(*) filter (where status = 'rectified')`.as('rectified')])
        .where('campaign_id', '=', campaignId)
        .groupBy('kind')
        .orderBy('kind')
        .execute();
      return rows.map((r) => ({ kind: r.kind, found: Number(r.found), rectified: Number(r.rectified) }));
    },

    /** The campaign's checks for a list (a village's, a town's, a department's), by the cohort's order. */
    checks(campaignId: string, scope: { villageId?: string; townId?: string; departmentId?: string }, limit: number, offset: number) {
      let q = db
        .selectFrom('campaign_households as ch')
        .innerJoin('households as h', 'h.id', 'ch.household_id')
        .innerJoin('jurisdictions as v', 'v.id', 'ch.village_id')
        .select(['ch.household_id', 'h.head_name', 'v.name as village_name', 'ch.checked_at', 'ch.late', 'ch.finding'])
        .where('ch.campaign_id', '=', campaignId);
      if (scope.villageId) q = q.where('ch.village_id', '=', scope.villageId);
      if (scope.townId) q = q.where('ch.town_id', '=', scope.townId);
      if (scope.departmentId) q = q.where('ch.department_id', '=', scope.departmentId);
      return q.orderBy('ch.seq').limit(limit).offset(offset).execute();
    },

    async close(campaignId: string, report: unknown, byUserId: string, at: Date) {
      await db
        .updateTable('inspection_campaigns')
        .set({ status: 'closed', closed_at: at, closed_by: byUserId, report: JSON.stringify(report) })
        .where('id', '=', campaignId)
        .where('status', '<>', 'closed')
        .execute();
      return db.selectFrom('inspection_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirstOrThrow();
    },
  };
}
