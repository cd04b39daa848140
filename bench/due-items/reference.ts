/**
 * The reference of bench/due-items.ts: the list query of GET /due-items as it
 * was before migration 012 (commit b5f91ab), kept here as a copy of the old
 * query on purpose. The product's answers are checked against it, so it must
 * not follow the repository's changes nor be folded into it: that it repeats
 * db/repositories/due-items.ts is the point (a change to the product's
 * conditions then shows as "as before: NO").
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DueItemFilter } from '../../db/repositories/due-items.js';
import type { PageIds } from '../support/compare.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The list's conditions as they were before the benchmark (commit b5f91ab: one OR over the
 * item's county, town and village and its household's group), answering the
 * page's ids and the total: the benchmark checks the product's answers
 * against it, so a faster query is also the same query.
 */
export async function referenceList(db: Kysely<Database>, filter: DueItemFilter): Promise<PageIds> {
  let query = db.selectFrom('due_items as d').leftJoin('households as h', 'h.id', 'd.household_id');
  const within = filter.withinJurisdiction;
  if (within) {
    query = query.where((eb) => eb.or([eb('d.county_id', '=', within), eb('d.town_id', '=', within), eb('d.village_id', '=', within), eb('h.group_id', '=', within)]));
  }
  if (filter.departmentId) query = query.where('d.department_id', '=', filter.departmentId);
  if (filter.kind) query = query.where('d.kind', '=', filter.kind);
  if (filter.townId) query = query.where('d.town_id', '=', filter.townId);
  if (filter.villageId) query = query.where('d.village_id', '=', filter.villageId);
  if (filter.householdId) query = query.where('d.household_id', '=', filter.householdId);
  if (filter.responsibleUserId) query = query.where('d.responsible_user_id', '=', filter.responsibleUserId);
  if (filter.state === 'done') query = query.where('d.status', '=', 'done');
  else query = query.where('d.status', '=', 'open');
  if (filter.state === 'overdue') query = query.where((eb) => eb.or([eb('d.overdue_at', 'is not', null), eb('d.due_at', '<', filter.now)]));
  if (filter.minOverdueDays !== undefined) query = query.where('d.due_at', '<=', new Date(filter.now.getTime() - filter.minOverdueDays * DAY_MS));
  const [rows, count] = await Promise.all([
    query.select('d.id').orderBy('d.due_at').orderBy('d.id').limit(filter.limit).offset(filter.offset).execute(),
    query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}
