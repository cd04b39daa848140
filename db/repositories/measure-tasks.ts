import { sql, type Kysely } from 'kysely';
import { OPEN_TASK_STATUSES, type HandBackReason, type TaskStatus } from '../../domain/measures/tasks.js';
import { overdueAtLeastSince, overdueAtMostAfter } from '../../domain/supervision/aging.js';
import type { Database } from '../database.js';
import { inPlace, jurisdictionsRepo } from './jurisdictions.js';

export interface NewMeasureTask {
  readonly taskKey: string;
  readonly householdId: string;
  readonly planNo: number;
  readonly countyId: string;
  readonly townId: string;
  readonly villageId: string;
  readonly measure: string;
  readonly departmentId: string;
  readonly required: boolean;
  readonly assignedAt: Date;
  readonly assignedBy: string | null;
  readonly dueAt: Date;
  readonly reassignedFrom: string | null;
}

export interface TaskListFilter {
  /** A department's tasks (its inbox); otherwise the tasks placed in a jurisdiction. */
  readonly departmentId?: string;
  readonly withinJurisdiction?: string;
  readonly status?: TaskStatus | 'open' | 'overdue';
  readonly dueFrom?: Date;
  readonly dueBefore?: Date;
  readonly townId?: string;
  readonly villageId?: string;
  readonly measure?: string;
  readonly householdId?: string;
  /** Soonest deadline first (the default) or latest first. */
  readonly sort?: 'due_asc' | 'due_desc';
  readonly now: Date;
  readonly limit: number;
  readonly offset: number;
}

export interface OverdueFilter {
  readonly countyId: string;
  readonly townId?: string;
  readonly departmentId?: string;
  readonly measure?: string;
  /** Overdue by at least, at most this many days (overdueDays, lateness.ts). */
  readonly minOverdueDays?: number;
  readonly maxOverdueDays?: number;
  readonly now: Date;
  readonly limit: number;
  readonly offset: number;
}

const OPEN = [...OPEN_TASK_STATUSES];

/** Department tasks 帮扶任务: written by the task workflows' activities, read by inboxes and checks. Rows are never deleted. */
export function measureTasksRepo(db: Kysely<Database>) {
  const tasks = () => db.selectFrom('measure_tasks as k');
  const withPlaces = (query: ReturnType<typeof tasks>) =>
    query
      .innerJoin('households as h', 'h.id', 'k.household_id')
      .innerJoin('jurisdictions as t', 't.id', 'k.town_id')
      .innerJoin('jurisdictions as v', 'v.id', 'k.village_id')
      .innerJoin('departments as d', 'd.id', 'k.department_id');
  /**
   * One page of a task query, soonest deadline first, with the names lists show, and its total.
   * The query's conditions name measure_tasks only: every task has its household, places and
   * department (foreign keys, not null), so the total is counted without the joins, from an index.
   */
  async function page(query: ReturnType<typeof tasks>, at: { limit: number; offset: number; sort?: 'due_asc' | 'due_desc' }) {
    const direction = at.sort === 'due_desc' ? 'desc' : 'asc';
    const [items, count] = await Promise.all([
      withPlaces(query)
        .selectAll('k')
        .select(['h.head_name', 't.name as town_name', 'v.name as village_name', 'd.name as department_name'])
        .orderBy('k.due_at', direction)
        .orderBy('k.id', direction)
        .limit(at.limit)
        .offset(at.offset)
        .execute(),
      query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }

  const open = (key: string) => db.updateTable('measure_tasks').where('task_key', '=', key).where('status', 'in', OPEN);

  return {
    /** Writes the tasks not written yet (by key). */
    async insert(tasks: readonly NewMeasureTask[]): Promise<void> {
      if (tasks.length === 0) return;
      await db
        .insertInto('measure_tasks')
        .values(
          tasks.map((t) => ({
            task_key: t.taskKey,
            household_id: t.householdId,
            plan_no: t.planNo,
            county_id: t.countyId,
            town_id: t.townId,
            village_id: t.villageId,
            measure: t.measure,
            department_id: t.departmentId,
            required: t.required,
            assigned_at: t.assignedAt,
            assigned_by: t.assignedBy,
            due_at: t.dueAt,
            reassigned_from: t.reassignedFrom,
          })),
        )
        .onConflict((oc) => oc.column('task_key').doNothing())
        .execute();
    },

    findByKey(key: string) {
      return db.selectFrom('measure_tasks').selectAll().where('task_key', '=', key).executeTakeFirst();
    },

    /** A task with the names its notices and lists show. */
    describe(key: string) {
      return withPlaces(tasks())
        .selectAll('k')
        .select(['h.head_name', 't.name as town_name', 'v.name as village_name', 'd.name as department_name'])
        .where('k.task_key', '=', key)
        .executeTakeFirst();
    },

    /** The task that replaced a handed-back one, if any. */
    findReassignmentOf(key: string) {
      return db.selectFrom('measure_tasks').selectAll().where('reassigned_from', '=', key).executeTakeFirst();
    },

    async accept(key: string, at: Date, by: string): Promise<void> {
      await db.updateTable('measure_tasks').set({ status: 'accepted', accepted_at: at, accepted_by: by, updated_at: at }).where('task_key', '=', key).where('status', '=', 'assigned').execute();
    },

    async reportProgress(key: string, at: Date, note: string): Promise<void> {
      await db
        .updateTable('measure_tasks')
        .set({ status: 'in_progress', progress_note: note, progress_at: at, updated_at: at })
        .where('task_key', '=', key)
        .where('status', 'in', ['accepted', 'in_progress'])
        .where((eb) => eb.or([eb('progress_at', 'is', null), eb('progress_at', '<=', at)]))
        .execute();
    },

    async complete(key: string, at: Date, by: string, evidence: unknown, late: boolean): Promise<void> {
      await open(key).set({ status: 'completed', completed_at: at, completed_by: by, evidence: JSON.stringify(evidence), late, updated_at: at }).execute();
    },

    async handBack(key: string, at: Date, by: string, reason: HandBackReason, text: string): Promise<void> {
      await open(key).set({ status: 'handed_back', handed_back_at: at, handed_back_by: by, hand_back_reason: reason, hand_back_text: text, updated_at: at }).execute();
    },

    /** Raises an open task's escalation level (never lowers it); the first escalation marks it overdue. */
    async escalate(key: string, level: 1 | 2, at: Date): Promise<void> {
      await open(key)
        .set((eb) => ({ escalation_level: level, overdue_at: eb.fn.coalesce('overdue_at', eb.val(at)), updated_at: at }))
        .where('escalation_level', '<', level)
        .execute();
    },

    async waive(key: string, at: Date, by: string, reason: string): Promise<void> {
      await db.updateTable('measure_tasks').set({ waived_at: at, waived_by: by, waiver_reason: reason, updated_at: at }).where('task_key', '=', key).where('waived_at', 'is', null).execute();
    },

    /** The household's required tasks still open and not waived by the county: what holds risk elimination back. */
    openRequired(householdId: string) {
      return db
        .selectFrom('measure_tasks as k')
        .innerJoin('departments as d', 'd.id', 'k.department_id')
        .select(['k.task_key', 'k.measure', 'k.status', 'k.due_at', 'd.name as department_name'])
        .where('k.household_id', '=', householdId)
        .where('k.required', '=', true)
        .where('k.status', 'in', OPEN)
        .where('k.waived_at', 'is', null)
        .orderBy('k.due_at')
        .orderBy('k.id')
        .execute();
    },

    /** Measure codes with a task still open for the household. */
    async openMeasures(householdId: string): Promise<string[]> {
      const rows = await db.selectFrom('measure_tasks').select('measure').distinct().where('household_id', '=', householdId).where('status', 'in', OPEN).execute();
      return rows.map((r) => r.measure);
    },

    /** One page of tasks, soonest deadline first, with the household's head and the place and department names. */
    async list(filter: TaskListFilter) {
      let query = tasks();
      if (filter.departmentId) query = query.where('k.department_id', '=', filter.departmentId);
      const within = filter.withinJurisdiction;
      if (within) {
        // A task lies in a county, town or village through the column of that level, and in a
        // village group through its household: one condition that an index serves in deadline order.
        const level = await jurisdictionsRepo(db).placeLevel(within);
        query = query.where(inPlace(within, level, { county: 'k.county_id', town: 'k.town_id', village: 'k.village_id', group: { household: 'k.household_id' } }));
      } else if (within === '') {
        // A user without a place (the system administrator) lies in no jurisdiction: none of its tasks, never every county's.
        query = query.where(sql<boolean>`false`);
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
      return page(query, filter);
    },

    /** Every open task of a county past its deadline, longest overdue first. */
    async listOverdue(filter: OverdueFilter) {
      let query = tasks().where('k.county_id', '=', filter.countyId).where('k.status', 'in', OPEN).where('k.due_at', '<=', filter.now);
      if (filter.townId) query = query.where('k.town_id', '=', filter.townId);
      if (filter.departmentId) query = query.where('k.department_id', '=', filter.departmentId);
      if (filter.measure) query = query.where('k.measure', '=', filter.measure);
      if (filter.minOverdueDays !== undefined) query = query.where('k.due_at', '<=', overdueAtLeastSince(filter.now, filter.minOverdueDays));
      if (filter.maxOverdueDays !== undefined) query = query.where('k.due_at', '>', overdueAtMostAfter(filter.now, filter.maxOverdueDays));
      return page(query, filter);
    },
  };
}

export type MeasureTaskListRow = Awaited<ReturnType<ReturnType<typeof measureTasksRepo>['list']>>['items'][number];
