import type { Kysely } from 'kysely';
import { addMonths, formatLocalDate, periodOf, startOfPeriod, toLocalDate, type Period } from '../domain/calendar/dates.js';
import { cadenceOf } from '../domain/policy/profile.js';
import { townItemName, townMessages } from '../domain/town/messages.js';
import { applyCorrections, buildTownReport, townItemsLive, type ReportCorrection, type ReportCounts, type TownItemPlan, type TownReportBody } from '../domain/town/report.js';
import { workCalendar } from './calendar.js';
import type { Database } from '../db/database.js';
import { dueItemsRepo } from '../db/repositories/due-items.js';
import { notificationsRepo } from '../db/repositories/notifications.js';
import { townReportsRepo } from '../db/repositories/town-reports.js';
import { profileInForceIfAny } from './profiles.js';
import { REFUSALS, refuse } from '../domain/failures.js';
import { isLate } from '../domain/deadlines/lateness.js';

/** The town's items live in a span, by the county's profile in force for its first month. */
export interface TownPlan {
  readonly profileId: string | null;
  readonly profileVersion: number | null;
  readonly items: readonly TownItemPlan[];
}

/** A town item to open in the register (no personal data). */
export interface TownDueItem {
  readonly key: string;
  readonly kind: string;
  readonly periodKey: string;
  readonly dueAt: number;
}

export function createTownActivities(deps: { db: Kysely<Database> }) {
  const { db } = deps;
  return {
    /**
     * The town's items (who = town) of the county's cadence that are open at some
     * time in [fromMs, toMs), with their deadlines by the official calendar. A
     * county without a profile has none.
     */
    async planTownItems(input: { countyId: string; fromMs: number; toMs: number }): Promise<TownPlan> {
      const profile = await profileInForceIfAny(db, input.countyId, periodOf(input.fromMs));
      if (!profile) return { profileId: null, profileVersion: null, items: [] };
      return { profileId: profile.id, profileVersion: profile.version, items: townItemsLive(cadenceOf(profile), input.fromMs, input.toMs, await workCalendar(db)) };
    },

    /** Opens the town's items in the register (once each, by key): town set, no village or household. */
    async openTownItems(input: { countyId: string; townId: string; items: readonly TownDueItem[]; openedAt: number }): Promise<void> {
      await dueItemsRepo(db).open(
        input.items.map((i) => ({
          key: i.key,
          kind: i.kind,
          countyId: input.countyId,
          townId: input.townId,
          villageId: null,
          householdId: null,
          period: i.periodKey,
          dueAt: new Date(i.dueAt),
          openedAt: new Date(input.openedAt),
        })),
      );
    },

    /**
     * Generates the draft of the month's report from the town's households and
     * their stage events and stores it, once: a retry answers what was stored.
     * Answers the counts only; the names stay in PostgreSQL.
     */
    async generateTownReportDraft(input: { countyId: string; townId: string; period: Period; itemKey: string; dueAt: number; at: number }): Promise<{ generatedAt: number; counts: ReportCounts }> {
      const reports = townReportsRepo(db);
      const stored = await reports.find(input.townId, input.period);
      if (stored) return { generatedAt: stored.generated_at.getTime(), counts: (stored.draft as TownReportBody).counts };
      const end = new Date(startOfPeriod(addMonths(input.period, 1)));
      const [households, events] = await Promise.all([reports.reportHouseholds(input.townId, end), reports.stageEvents(input.townId)]);
      const draft = buildTownReport({ period: input.period, households, events });
      const row = await reports.addDraft({
        townId: input.townId,
        countyId: input.countyId,
        period: input.period,
        dueItemKey: input.itemKey,
        dueAt: new Date(input.dueAt),
        draft,
        generatedAt: new Date(input.at),
      });
      return { generatedAt: row.generated_at.getTime(), counts: (row.draft as TownReportBody).counts };
    },

    /**
     * Submits the month's report: the draft with the officer's corrections,
     * recorded late when after the deadline, and closes its register item. A
     * retry answers what the first call recorded. Corrections that do not fit
     * the draft are refused (InvalidInput).
     */
    async recordTownReportSubmission(input: {
      townId: string;
      period: Period;
      byUserId: string;
      at: number;
      note: string | null;
      corrections: readonly ReportCorrection[];
    }): Promise<{ submittedAt: number; late: boolean; counts: ReportCounts }> {
      return db.transaction().execute(async (trx) => {
        const reports = townReportsRepo(trx);
        const row = await reports.findForUpdate(input.townId, input.period);
        if (!row) refuse(REFUSALS.wrongStep, townMessages.reportNotGenerated(input.period));
        if (row.status === 'submitted') {
          return { submittedAt: row.submitted_at!.getTime(), late: row.late === true, counts: (row.report as TownReportBody).counts };
        }
        const added = input.corrections.filter((c) => c.change === 'add').map((c) => c.householdId);
        const town = await reports.townHouseholds(input.townId, [...new Set(added)]);
        const corrected = applyCorrections(row.draft as TownReportBody, input.corrections, town);
        if ('problem' in corrected) refuse(REFUSALS.invalidInput, townMessages.correction(corrected.problem));
        const late = isLate(input.at, row.due_at.getTime());
        await reports.submit(row.id, {
          corrections: corrected.report.corrections,
          report: corrected.report,
          note: input.note,
          submittedAt: new Date(input.at),
          submittedBy: input.byUserId,
          late,
        });
        await dueItemsRepo(trx).complete(row.due_item_key, new Date(input.at), input.byUserId);
        return { submittedAt: input.at, late, counts: corrected.report.counts };
      });
    },

    /** Records what the town did for an item and closes it, once; answers whether it came after the deadline. */
    async recordTownItemDone(input: { key: string; townId: string; kind: string; periodKey: string; byUserId: string; at: number; summary: string }): Promise<{ doneAt: number; late: boolean }> {
      return db.transaction().execute(async (trx) => {
        const reports = townReportsRepo(trx);
        const done = await reports.findCompletion(input.key);
        if (done) return { doneAt: done.completed_at.getTime(), late: done.late };
        const item = await dueItemsRepo(trx).findByKey(input.key);
        if (!item) refuse(REFUSALS.wrongStep, townMessages.itemNotOpen(input.kind, input.periodKey));
        const late = isLate(input.at, item.due_at.getTime());
        await reports.addCompletion({
          itemKey: input.key,
          townId: input.townId,
          kind: input.kind,
          period: input.periodKey,
          summary: input.summary.trim(),
          completedBy: input.byUserId,
          completedAt: new Date(input.at),
          late,
        });
        await dueItemsRepo(trx).complete(input.key, new Date(input.at), input.byUserId);
        return { doneAt: input.at, late };
      });
    },

    /**
     * The deadline passed with the town's item open: marks it overdue and tells
     * the town's officers and the county bureau, once.
     */
    async markTownItemOverdue(input: { key: string; at: number }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const items = dueItemsRepo(trx);
        await items.markOverdue(input.key, new Date(input.at));
        const item = await items.findByKey(input.key);
        if (!item?.town_id || item.status !== 'open') return;
        const town = await trx.selectFrom('jurisdictions').select('name').where('id', '=', item.town_id).executeTakeFirstOrThrow();
        const what = townItemName(item.kind);
        const due = formatLocalDate(toLocalDate(item.due_at.getTime() - 1));
        const common = {
          countyId: item.county_id,
          kind: 'due_item.overdue',
          title: townMessages.overdueTitle(what),
          body: townMessages.townItemOverdue(town.name, item.period ?? '', what, due),
          householdId: null,
          dueItemKey: item.item_key,
          createdAt: new Date(input.at),
        };
        await notificationsRepo(trx).add([
          { ...common, key: `${input.key}:overdue:town`, recipient: { jurisdictionId: item.town_id, role: 'town_officer' } },
          { ...common, key: `${input.key}:overdue:county`, recipient: { jurisdictionId: item.county_id, role: 'county_bureau' } },
        ]);
      });
    },
  };
}
