import type { Kysely } from 'kysely';
import { formatLocalDate, periodOf, toLocalDate } from '../domain/calendar/dates.js';
import { resolveDue } from '../domain/deadlines/rules.js';
import { workCalendar } from './calendar.js';
import { dueItemKindNames, notificationMessages } from '../domain/messages/catalogue.js';
import type { Database } from '../db/database.js';
import { dueItemsRepo } from '../db/repositories/due-items.js';
import { RESPONSIBLE_ITEM_KINDS } from '../domain/access/roles.js';
import { notificationsRepo } from '../db/repositories/notifications.js';

/** A household's item in the deadline register, as the workflow describes it (no personal data). */
export interface HouseholdDueItem {
  readonly key: string;
  readonly kind: string;
  readonly householdId: string;
  readonly period: string;
  readonly dueAt: number;
}

export function createDeadlineActivities(deps: { db: Kysely<Database> }) {
  const { db } = deps;
  return {
    /** Opens household items in the register (once each, by key), placed in the household's village and town, with its 帮扶责任人. */
    async openHouseholdDueItems(input: { items: readonly HouseholdDueItem[]; openedAt: number }): Promise<void> {
      if (input.items.length === 0) return;
      const householdIds = [...new Set(input.items.map((i) => i.householdId))];
      const places = await db.selectFrom('households').select(['id', 'county_id', 'town_id', 'village_id', 'responsible_user_id']).where('id', 'in', householdIds).execute();
      const placeOf = new Map(places.map((p) => [p.id, p]));
      await dueItemsRepo(db).open(
        input.items.flatMap((i) => {
          const place = placeOf.get(i.householdId);
          if (!place) return [];
          return [
            {
              key: i.key,
              kind: i.kind,
              countyId: place.county_id,
              townId: place.town_id,
              villageId: place.village_id,
              householdId: i.householdId,
              // The household's 帮扶责任人 does its monthly items.
              responsibleUserId: (RESPONSIBLE_ITEM_KINDS as readonly string[]).includes(i.kind) ? place.responsible_user_id : null,
              period: i.period,
              dueAt: new Date(i.dueAt),
              openedAt: new Date(input.openedAt),
            },
          ];
        }),
      );
    },

    /** Closes an item; answers whether it was done after its deadline (null when it was not open). */
    async completeDueItem(input: { key: string; at: number; byUserId: string | null }): Promise<{ late: boolean } | null> {
      return (await dueItemsRepo(db).complete(input.key, new Date(input.at), input.byUserId)) ?? null;
    },

    async cancelDueItem(input: { key: string }): Promise<void> {
      await dueItemsRepo(db).cancel(input.key);
    },

    /**
     * A working-day clock on a review step or a whole case (DOMAIN.md §9): its
     * deadline counted on the official calendar from `startedAt` (that day not
     * counted), opened in the register (once, by key) in the household's village
     * and town. Answers the deadline, provisional when the calendar lacks a year.
     */
    async openCaseClock(input: { key: string; kind: string; householdId: string; startedAt: number; workingDays: number; calendarDays?: boolean }): Promise<{ dueAt: number; provisional: boolean }> {
      // The clue-to-decision clock counts calendar days (15日内), the others working days.
      const rule = input.calendarDays ? ({ kind: 'days_after', days: input.workingDays } as const) : ({ kind: 'working_days_after', days: input.workingDays } as const);
      const due = resolveDue(rule, input.startedAt, await workCalendar(db));
      const place = await db.selectFrom('households').select(['county_id', 'town_id', 'village_id']).where('id', '=', input.householdId).executeTakeFirstOrThrow();
      await dueItemsRepo(db).open([
        {
          key: input.key,
          kind: input.kind,
          countyId: place.county_id,
          townId: place.town_id,
          villageId: place.village_id,
          householdId: input.householdId,
          period: periodOf(input.startedAt),
          dueAt: new Date(due.at),
          openedAt: new Date(input.startedAt),
        },
      ]);
      return { dueAt: due.at, provisional: due.provisional };
    },

    /**
     * The deadline passed with the item open: marks it overdue and tells, once,
     * the household's village cadres and town officers — or, where given, those
     * of the levels named (the county: its bureau) with the item described as `what`.
     */
    async markHouseholdItemOverdue(input: { key: string; at: number; what?: string; notify?: readonly ('village' | 'town' | 'county')[] }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const items = dueItemsRepo(trx);
        await items.markOverdue(input.key, new Date(input.at));
        const item = await items.findByKey(input.key);
        if (!item?.household_id || item.status !== 'open') return;
        const household = await trx
          .selectFrom('households as h')
          .innerJoin('jurisdictions as v', 'v.id', 'h.village_id')
          .select(['h.head_name', 'v.name as village_name', 'h.village_id', 'h.town_id', 'h.county_id'])
          .where('h.id', '=', item.household_id)
          .executeTakeFirstOrThrow();
        const what = input.what ?? dueItemKindNames[item.kind] ?? item.kind;
        const due = formatLocalDate(toLocalDate(item.due_at.getTime() - 1));
        const title = notificationMessages.overdueTitle(what);
        const body = input.what
          ? notificationMessages.caseClockOverdue(household.village_name, household.head_name, what, due)
          : notificationMessages.householdItemOverdue(household.village_name, household.head_name, item.period ?? '', what, due);
        const common = { countyId: household.county_id, kind: 'due_item.overdue', title, body, householdId: item.household_id, dueItemKey: item.item_key, createdAt: new Date(input.at) };
        const recipients = {
          village: { jurisdictionId: household.village_id, role: 'village_cadre' },
          town: { jurisdictionId: household.town_id, role: 'town_officer' },
          county: { jurisdictionId: household.county_id, role: 'county_bureau' },
        } as const;
        await notificationsRepo(trx).add((input.notify ?? ['village', 'town']).map((level) => ({ ...common, key: `${input.key}:overdue:${level}`, recipient: recipients[level] })));
      });
    },
  };
}
