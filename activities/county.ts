import type { Kysely } from 'kysely';
import { formatLocalDate, periodOf, toLocalDate } from '../domain/calendar/dates.js';
import { countyItemMessages as m, dueItemKindNames } from '../domain/messages/catalogue.js';
import { cadenceOf } from '../domain/policy/profile.js';
import { DEFAULT_MEASURE_CATALOGUE } from '../domain/measures/catalogues/design.js';
import { cadenceItemsLive } from '../domain/town/report.js';
import type { Database } from '../db/database.js';
import { departmentsRepo } from '../db/repositories/departments.js';
import { dueItemsRepo } from '../db/repositories/due-items.js';
import { notificationsRepo } from '../db/repositories/notifications.js';
import { profileInForceIfAny } from './profiles.js';
import { workCalendar } from './calendar.js';

/** An item of the county bureau or of one department, as the county's workflow tracks it (no personal data). */
export interface CountyItemPlan {
  /** The register's key: `county:<countyId>:<occurrence key>[:<departmentId>]`. */
  readonly key: string;
  readonly kind: string;
  readonly periodKey: string;
  readonly dueAt: number;
  /** Null for the county bureau's own items. */
  readonly departmentId: string | null;
}

export function createCountyActivities(deps: { db: Kysely<Database> }) {
  const { db } = deps;
  return {
    /**
     * The county's and its departments' items of the cadence in force that are
     * open in [fromMs, toMs) — the monthly data comparison, the quarter-end
     * export, 人社局's quarterly summary, 医保局's mid-December tally … — each
     * department item for the department the seed names (all of the county's
     * departments when it names none), opened in the register once each.
     */
    async openCountyItems(input: { countyId: string; fromMs: number; toMs: number; at: number }): Promise<CountyItemPlan[]> {
      const profile = await profileInForceIfAny(db, input.countyId, periodOf(input.fromMs));
      if (!profile) return [];
      const live = cadenceItemsLive(cadenceOf(profile), ['county', 'department'], input.fromMs, input.toMs, await workCalendar(db));
      const departments = await departmentsRepo(db).ofCounty(input.countyId);
      // The seed names a department by its name; the catalogue gives its code, which a renaming does not change.
      const catalogue = (profile.measureCatalogue ?? DEFAULT_MEASURE_CATALOGUE).departments;
      const codes = (name: string) => new Set(catalogue.filter((d) => d.name === name || d.name.slice(1) === name).map((d) => d.code));
      const plans = live.flatMap((item): CountyItemPlan[] => {
        const base = `county:${input.countyId}:${item.key}`;
        if (item.who !== 'department') return [{ key: base, kind: item.kind, periodKey: item.periodKey, dueAt: item.dueAt, departmentId: null }];
        const named = item.department ? departments.filter((d) => codes(item.department!).has(d.code) || d.name === item.department || d.name === `县${item.department}`) : departments;
        return named.map((d) => ({ key: `${base}:${d.id}`, kind: item.kind, periodKey: item.periodKey, dueAt: item.dueAt, departmentId: d.id }));
      });
      await dueItemsRepo(db).open(
        plans.map((p) => ({ key: p.key, kind: p.kind, countyId: input.countyId, departmentId: p.departmentId, period: p.periodKey, dueAt: new Date(p.dueAt), openedAt: new Date(input.at) })),
      );
      return plans;
    },

    /** Closes a county or department item; answers whether it was late (null when it was not open). */
    async completeCountyItem(input: { key: string; at: number; byUserId: string }): Promise<{ late: boolean } | null> {
      return (await dueItemsRepo(db).complete(input.key, new Date(input.at), input.byUserId)) ?? null;
    },

    /** The deadline passed with the item open: overdue in the register, and a message to the department or the county bureau, once. */
    async markCountyItemOverdue(input: { countyId: string; key: string; at: number }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const items = dueItemsRepo(trx);
        await items.markOverdue(input.key, new Date(input.at));
        const item = await items.findByKey(input.key);
        if (!item || item.status !== 'open') return;
        const what = dueItemKindNames[item.kind] ?? item.kind;
        const due = formatLocalDate(toLocalDate(item.due_at.getTime() - 1));
        await notificationsRepo(trx).add([
          {
            key: `${input.key}:overdue`,
            countyId: input.countyId,
            recipient: item.department_id ? { departmentId: item.department_id } : { jurisdictionId: input.countyId, role: 'county_bureau' },
            kind: 'due_item.overdue',
            title: m.overdueTitle(what),
            body: m.overdue(item.period ?? '', what, due),
            dueItemKey: item.item_key,
            createdAt: new Date(input.at),
          },
        ]);
      });
    },
  };
}
