import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import { inPlace, jurisdictionsRepo } from './jurisdictions.js';
import { overdueAtLeastSince, overdueAtMostAfter } from '../../domain/supervision/aging.js';
import { isLate } from '../../domain/deadlines/lateness.js';

export interface NewDueItem {
  readonly key: string;
  readonly kind: string;
  readonly countyId: string;
  readonly townId?: string | null;
  readonly villageId?: string | null;
  readonly householdId?: string | null;
  readonly departmentId?: string | null;
  readonly responsibleUserId?: string | null;
  readonly period?: string | null;
  readonly dueAt: Date;
  readonly openedAt: Date;
}

export type DueItemState = 'open' | 'overdue' | 'done' | 'done_late';

export interface DueItemFilter {
  /** The user's jurisdiction: the county, a town, a village or a village group. */
  readonly withinJurisdiction?: string;
  readonly departmentId?: string;
  readonly state?: 'open' | 'overdue' | 'done';
  readonly kind?: string;
  readonly townId?: string;
  readonly villageId?: string;
  readonly householdId?: string;
  readonly responsibleUserId?: string;
  /** Only the items of no town (the county's own), of no department: the board's rows without a name. */
  readonly noTown?: 'true';
  readonly noDepartment?: 'true';
  /** Overdue by at least this many days. */
  readonly minOverdueDays?: number;
  /** Overdue by at most this many days (with state overdue). */
  readonly maxOverdueDays?: number;
  readonly now: Date;
  readonly limit: number;
  readonly offset: number;
}


export function dueItemsRepo(db: Kysely<Database>) {
  return {
    /** Opens the items not opened yet; an item already there (a retry, a replay) is left as it is. */
    async open(items: readonly NewDueItem[]): Promise<void> {
      if (items.length === 0) return;
      await db
        .insertInto('due_items')
        .values(
          items.map((i) => ({
            item_key: i.key,
            kind: i.kind,
            county_id: i.countyId,
            town_id: i.townId ?? null,
            village_id: i.villageId ?? null,
            household_id: i.householdId ?? null,
            department_id: i.departmentId ?? null,
            responsible_user_id: i.responsibleUserId ?? null,
            period: i.period ?? null,
            due_at: i.dueAt,
            opened_at: i.openedAt,
          })),
        )
        .onConflict((oc) => oc.column('item_key').doNothing())
        .execute();
    },

    /** Marks an open item done; returns whether it was late, or undefined when it was not open. */
    async complete(key: string, at: Date, by: string | null): Promise<{ late: boolean } | undefined> {
      const row = await db
        .updateTable('due_items')
        .set({ status: 'done', done_at: at, done_by: by })
        .where('item_key', '=', key)
        .where('status', '=', 'open')
        .returning(['due_at'])
        .executeTakeFirst();
      return row ? { late: isLate(at.getTime(), row.due_at.getTime()) } : undefined;
    },

    /** Records that the deadline passed with the item open; returns whether this call recorded it. */
    async markOverdue(key: string, at: Date): Promise<boolean> {
      const result = await db
        .updateTable('due_items')
        .set({ overdue_at: at })
        .where('item_key', '=', key)
        .where('status', '=', 'open')
        .where('overdue_at', 'is', null)
        .executeTakeFirst();
      return (result.numUpdatedRows ?? 0n) > 0n;
    },

    async cancel(key: string): Promise<void> {
      await db.updateTable('due_items').set({ status: 'cancelled' }).where('item_key', '=', key).where('status', '=', 'open').execute();
    },

    findByKey(key: string) {
      return db.selectFrom('due_items').selectAll().where('item_key', '=', key).executeTakeFirst();
    },

    /** One page of items, soonest deadline first, with the household's head and the place names. */
    async list(filter: DueItemFilter) {
      const within = filter.withinJurisdiction;
      // An item lies in a county, town or village through the column of that level, and in a
      // village group through its household: one condition that the register's indexes serve
      // in deadline order, where an OR over the four columns would read every open item.
      const level = within ? await jurisdictionsRepo(db).placeLevel(within) : undefined;
      // The conditions name due_items only, so that the count is read from an index alone.
      let query = db.selectFrom('due_items as d');
      if (within) query = query.where(inPlace(within, level, { county: 'd.county_id', town: 'd.town_id', village: 'd.village_id', group: { household: 'd.household_id' } }));
      // A user without a place (the system administrator) lies in no jurisdiction: none of its items, never every county's.
      else if (within === '') query = query.where(sql<boolean>`false`);
      if (filter.departmentId) query = query.where('d.department_id', '=', filter.departmentId);
      if (filter.kind) query = query.where('d.kind', '=', filter.kind);
      if (filter.townId) query = query.where('d.town_id', '=', filter.townId);
      if (filter.noTown) query = query.where('d.town_id', 'is', null);
      if (filter.noDepartment) query = query.where('d.department_id', 'is', null);
      if (filter.villageId) query = query.where('d.village_id', '=', filter.villageId);
      if (filter.householdId) query = query.where('d.household_id', '=', filter.householdId);
      if (filter.responsibleUserId) query = query.where('d.responsible_user_id', '=', filter.responsibleUserId);
      if (filter.state === 'done') query = query.where('d.status', '=', 'done');
      else query = query.where('d.status', '=', 'open');
      // Overdue: recorded so at its deadline by the workflow, or past its deadline now.
      if (filter.state === 'overdue') query = query.where((eb) => eb.or([eb('d.overdue_at', 'is not', null), eb('d.due_at', '<=', filter.now)]));
      if (filter.minOverdueDays !== undefined) query = query.where('d.due_at', '<=', overdueAtLeastSince(filter.now, filter.minOverdueDays));
      if (filter.maxOverdueDays !== undefined) query = query.where('d.due_at', '>', overdueAtMostAfter(filter.now, filter.maxOverdueDays));

      const [items, count] = await Promise.all([
        query
          .leftJoin('households as h', 'h.id', 'd.household_id')
          .leftJoin('jurisdictions as t', 't.id', 'd.town_id')
          .leftJoin('jurisdictions as v', 'v.id', 'd.village_id')
          .leftJoin('departments as dep', 'dep.id', 'd.department_id')
          .leftJoin('users as u', 'u.id', 'd.responsible_user_id')
          .select([
            'd.id',
            'd.item_key',
            'd.kind',
            'd.county_id',
            'd.town_id',
            'd.village_id',
            'd.household_id',
            'd.department_id',
            'd.responsible_user_id',
            'd.period',
            'd.due_at',
            'd.opened_at',
            'd.overdue_at',
            'd.done_at',
            'd.status',
            'h.head_name',
            't.name as town_name',
            'v.name as village_name',
            'dep.name as department_name',
            'u.display_name as responsible_name',
          ])
          .orderBy('d.due_at')
          .orderBy('d.id')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },
  };
}
