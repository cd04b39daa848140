import { sql, type Kysely } from 'kysely';
import { STAGE_EVENT_KINDS, type ReportHousehold, type ReportHouseholdRow, type StageEventKind, type StageEventRow } from '../../domain/town/report.js';
import type { Database } from '../database.js';

export interface NewTownReport {
  readonly townId: string;
  readonly countyId: string;
  readonly period: string;
  readonly dueItemKey: string;
  readonly dueAt: Date;
  readonly draft: unknown;
  readonly generatedAt: Date;
}

export interface TownReportSubmission {
  readonly corrections: unknown;
  readonly report: unknown;
  readonly note: string | null;
  readonly submittedAt: Date;
  readonly submittedBy: string;
  readonly late: boolean;
}

export function townReportsRepo(db: Kysely<Database>) {
  return {
    /** Stores the draft unless the month's report exists (a retry); returns the stored row. */
    async addDraft(report: NewTownReport) {
      await db
        .insertInto('town_reports')
        .values({
          town_id: report.townId,
          county_id: report.countyId,
          period: report.period,
          due_item_key: report.dueItemKey,
          due_at: report.dueAt,
          draft: JSON.stringify(report.draft),
          generated_at: report.generatedAt,
        })
        .onConflict((oc) => oc.columns(['town_id', 'period']).doNothing())
        .execute();
      return db.selectFrom('town_reports').selectAll().where('town_id', '=', report.townId).where('period', '=', report.period).executeTakeFirstOrThrow();
    },

    find(townId: string, period: string) {
      return db.selectFrom('town_reports').selectAll().where('town_id', '=', townId).where('period', '=', period).executeTakeFirst();
    },

    /** The report with its submitter's name, for reading. */
    findWithSubmitter(townId: string, period: string) {
      return db
        .selectFrom('town_reports as r')
        .leftJoin('users as u', 'u.id', 'r.submitted_by')
        .selectAll('r')
        .select('u.display_name as submitted_by_name')
        .where('r.town_id', '=', townId)
        .where('r.period', '=', period)
        .executeTakeFirst();
    },

    /** The row locked for a submission (in a transaction). */
    findForUpdate(townId: string, period: string) {
      return db.selectFrom('town_reports').selectAll().where('town_id', '=', townId).where('period', '=', period).forUpdate().executeTakeFirst();
    },

    /** Submits a draft; returns whether this call did (false when it was submitted already). */
    async submit(id: string, submission: TownReportSubmission): Promise<boolean> {
      const result = await db
        .updateTable('town_reports')
        .set({
          status: 'submitted',
          corrections: JSON.stringify(submission.corrections),
          report: JSON.stringify(submission.report),
          note: submission.note,
          submitted_at: submission.submittedAt,
          submitted_by: submission.submittedBy,
          late: submission.late,
        })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      return (result.numUpdatedRows ?? 0n) > 0n;
    },

    /**
     * The town's households that are or were ever monitoring objects, created
     * before `before`, with their village's name.
     */
    async reportHouseholds(townId: string, before: Date): Promise<ReportHouseholdRow[]> {
      const rows = await db
        .selectFrom('households as h')
        .innerJoin('jurisdictions as v', 'v.id', 'h.village_id')
        .select(['h.id', 'h.village_id', 'v.name as village_name', 'h.head_name', 'h.stage', 'h.created_at'])
        .where('h.town_id', '=', townId)
        .where('h.created_at', '<', before)
        .where((eb) =>
          eb.or([
            eb('h.stage', 'in', ['monitoring', 'eliminated']),
            eb.exists(eb.selectFrom('household_events as e').select(sql`1`.as('one')).whereRef('e.household_id', '=', 'h.id').where('e.kind', 'in', STAGE_EVENT_KINDS)),
          ]),
        )
        .execute();
      return rows.map((r) => ({ id: r.id, villageId: r.village_id, villageName: r.village_name, headName: r.head_name, stage: r.stage, createdAt: r.created_at.getTime() }));
    },

    /** The stage events of the town's households. */
    async stageEvents(townId: string): Promise<StageEventRow[]> {
      const rows = await db
        .selectFrom('household_events as e')
        .innerJoin('households as h', 'h.id', 'e.household_id')
        .select(['e.household_id', 'e.kind', 'e.occurred_at'])
        .where('h.town_id', '=', townId)
        .where('e.kind', 'in', STAGE_EVENT_KINDS)
        .orderBy('e.occurred_at')
        .orderBy('e.id')
        .execute();
      return rows.map((r) => ({ householdId: r.household_id, kind: r.kind as StageEventKind, occurredAt: r.occurred_at.getTime() }));
    },

    /** Households of the town by id, as a report lists them (for corrections that add one). */
    async townHouseholds(townId: string, ids: readonly string[]): Promise<Map<string, ReportHousehold>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('households as h')
        .innerJoin('jurisdictions as v', 'v.id', 'h.village_id')
        .select(['h.id', 'h.village_id', 'v.name as village_name', 'h.head_name'])
        .where('h.town_id', '=', townId)
        .where('h.id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, { householdId: r.id, villageId: r.village_id, villageName: r.village_name, headName: r.head_name }]));
    },

    /** What the town wrote when it completed an item; undefined when it has not. */
    findCompletion(itemKey: string) {
      return db.selectFrom('town_item_completions').selectAll().where('item_key', '=', itemKey).executeTakeFirst();
    },

    async addCompletion(completion: { itemKey: string; townId: string; kind: string; period: string; summary: string; completedBy: string; completedAt: Date; late: boolean }): Promise<void> {
      await db
        .insertInto('town_item_completions')
        .values({
          item_key: completion.itemKey,
          town_id: completion.townId,
          kind: completion.kind,
          period: completion.period,
          summary: completion.summary,
          completed_by: completion.completedBy,
          completed_at: completion.completedAt,
          late: completion.late,
        })
        .onConflict((oc) => oc.column('item_key').doNothing())
        .execute();
    },
  };
}
