/**
 * The baseline of bench/households.ts: the household search and the task list
 * as they were before migration 013 (commit dff0bdc), kept here as copies of
 * the old queries on purpose. They are what the product's queries in
 * db/repositories are measured and checked against, so they must not follow
 * the repository's changes nor be folded into it: that they repeat it is the
 * point (a change to the product then shows as a difference in the benchmark).
 */
import { sql, type Kysely } from 'kysely';
import { OPEN_TASK_STATUSES } from '../../domain/measures/tasks.js';
import type { Database } from '../../db/database.js';
import type { householdsRepo } from '../../db/repositories/households.js';
import type { TaskListFilter } from '../../db/repositories/measure-tasks.js';
import type { PageIds } from '../support/compare.js';

export type SearchFilter = Parameters<ReturnType<typeof householdsRepo>['search']>[0];

/**
 * The household search as it was before this benchmark (commit dff0bdc: one OR
 * over the household's county, town, village and group): the baseline, run on
 * the tables as they were before migration 013, and the answer the product's
 * page and total are checked against.
 */
export async function referenceSearch(db: Kysely<Database>, filter: SearchFilter): Promise<PageIds> {
  let query = db
    .selectFrom('households')
    .where((eb) =>
      eb.or([
        eb('county_id', '=', filter.withinJurisdiction),
        eb('town_id', '=', filter.withinJurisdiction),
        eb('village_id', '=', filter.withinJurisdiction),
        eb('group_id', '=', filter.withinJurisdiction),
      ]),
    );
  if (filter.townId) query = query.where('town_id', '=', filter.townId);
  if (filter.villageId) query = query.where('village_id', '=', filter.villageId);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.stage) query = query.where('stage', '=', filter.stage);
  if (filter.name) {
    const pattern = `%${filter.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('head_name', 'like', pattern),
        eb.exists(
          eb.selectFrom('household_members as m').select('m.id').whereRef('m.household_id', '=', 'households.id').where('m.name', 'like', pattern).where('m.left_at', 'is', null),
        ),
      ]),
    );
  }
  if (filter.idNumber) {
    const idNumber = filter.idNumber;
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('household_members as m').select('m.id').whereRef('m.household_id', '=', 'households.id').where('m.id_number', '=', idNumber).where('m.left_at', 'is', null),
      ),
    );
  }
  const [items, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: items.map((i) => i.id), total: Number(count.n) };
}

const OPEN = [...OPEN_TASK_STATUSES];

/**
 * The task list of a jurisdiction as it was before this benchmark (commit
 * dff0bdc: the tasks joined to their household, places and department, one OR
 * over the task's county, town and village and its household's group, and the
 * total counted over the joins).
 */
export async function referenceTaskList(db: Kysely<Database>, filter: TaskListFilter): Promise<PageIds> {
  let query = db
    .selectFrom('measure_tasks as k')
    .innerJoin('households as h', 'h.id', 'k.household_id')
    .innerJoin('jurisdictions as t', 't.id', 'k.town_id')
    .innerJoin('jurisdictions as v', 'v.id', 'k.village_id')
    .innerJoin('departments as d', 'd.id', 'k.department_id');
  if (filter.departmentId) query = query.where('k.department_id', '=', filter.departmentId);
  const within = filter.withinJurisdiction;
  if (within) {
    query = query.where((eb) => eb.or([eb('k.county_id', '=', within), eb('k.town_id', '=', within), eb('k.village_id', '=', within), eb('h.group_id', '=', within)]));
  }
  if (filter.status === 'open') query = query.where('k.status', 'in', OPEN);
  else if (filter.status === 'overdue') query = query.where('k.status', 'in', OPEN).where('k.due_at', '<=', filter.now);
  else if (filter.status) query = query.where('k.status', '=', filter.status);
  if (filter.dueFrom) query = query.where('k.due_at', '>=', filter.dueFrom);
  if (filter.dueBefore) query = query.where('k.due_at', '<=', filter.dueBefore);
  if (filter.townId) query = query.where('k.town_id', '=', filter.townId);
  if (filter.villageId) query = query.where('k.village_id', '=', filter.villageId);
  if (filter.measure) query = query.where('k.measure', '=', filter.measure);
  if (filter.householdId) query = query.where('k.household_id', '=', filter.householdId);
  const [items, count] = await Promise.all([
    query
      .selectAll('k')
      .select(['h.head_name', 't.name as town_name', 'v.name as village_name', 'd.name as department_name'])
      .orderBy('k.due_at')
      .orderBy('k.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: items.map((i) => i.id), total: Number(count.n) };
}
