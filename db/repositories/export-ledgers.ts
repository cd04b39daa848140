import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../database.js';
import { inPlace, type PlaceLevel } from './jurisdictions.js';
import { afterPlace, headIdNumber, latestAssessmentOf, latestRiskCauses, memberCount, type PlaceKey } from './household-cells.js';

export type { PlaceKey } from './household-cells.js';

export interface Within {
  readonly id: string;
  readonly level: PlaceLevel | undefined;
}

/** A household's tasks as the ledgers list them: measure code, department, status, dates and what was done. */
export interface TaskCell {
  readonly measure: string;
  readonly department: string;
  readonly status: string;
  readonly due: string;
  readonly completed: string | null;
}

export interface HouseholdLedgerRow {
  readonly id: string;
  readonly town_name: string;
  readonly village_name: string;
  readonly head_name: string;
  readonly head_id_number: string | null;
  readonly members: string;
  readonly category: string;
  readonly stage: string;
  readonly risk_causes: unknown;
  /** The latest assessment's summary (domain/monitoring/risk-signal.ts AssessmentSummary), null when never assessed. */
  readonly assessment: unknown;
  readonly tasks: readonly TaskCell[];
  readonly eliminated_at: Date | null;
}


const TASKS_OF = (household: string) => sql<TaskCell[]>`(select coalesce(json_agg(json_build_object(
    'measure', k.measure, 'department', dep.name, 'status', k.status,
    'due', to_char(k.due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'),
    'completed', to_char(k.completed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')) order by k.assigned_at, k.id), '[]'::json)
  from measure_tasks k join departments dep on dep.id = k.department_id
  where k.household_id = ${sql.ref(household)} and k.status <> 'cancelled')`;


/**
 * The ledgers read a place's households (or members, tasks, items) one page at
 * a time in keyset order, so that memory does not grow with the county.
 */
export function exportLedgersRepo(db: Kysely<Database>) {
  return {
    /**
     * Households of the place (of `categories`, all when absent) in town, village,
     * household order with what the analysis ledgers show: the latest assessment
     * (identification or monthly), the risk causes of the latest decision or
     * import, the tasks of their plans, and when the risk was marked eliminated.
     */
    households(within: Within, categories: readonly string[] | null, after: PlaceKey | null, limit: number): Promise<HouseholdLedgerRow[]> {
      let query = db
        .selectFrom('households as h')
        .innerJoin('jurisdictions as t', 't.id', 'h.town_id')
        .innerJoin('jurisdictions as v', 'v.id', 'h.village_id')
        .select([
          'h.id',
          't.name as town_name',
          'v.name as village_name',
          'h.head_name',
          'h.category',
          'h.stage',
          headIdNumber.as('head_id_number'),
          memberCount.as('members'),
          latestRiskCauses.as('risk_causes'),
          latestAssessmentOf('h.id').as('assessment'),
          TASKS_OF('h.id').as('tasks'),
          sql<Date | null>`(select max(e.occurred_at) from household_events e where e.household_id = h.id and e.kind = 'elimination.confirmed')`.as('eliminated_at'),
        ])
        .where(inPlace(within.id, within.level, { county: 'h.county_id', town: 'h.town_id', village: 'h.village_id', group: { column: 'h.group_id' } }))
        .where(afterPlace(after, 'h.id'));
      if (categories) query = query.where('h.category', 'in', [...categories] as never);
      return query.orderBy('t.name').orderBy('v.name').orderBy('h.id').limit(limit).execute() as Promise<HouseholdLedgerRow[]>;
    },

    /** A place's assistance tasks 帮扶措施 (not cancelled), by town, village, household and task. */
    tasks(within: Within, after: (PlaceKey & { taskId: string }) | null, limit: number) {
      return db
        .selectFrom('measure_tasks as k')
        .innerJoin('households as h', 'h.id', 'k.household_id')
        .innerJoin('jurisdictions as t', 't.id', 'k.town_id')
        .innerJoin('jurisdictions as v', 'v.id', 'k.village_id')
        .innerJoin('departments as dep', 'dep.id', 'k.department_id')
        .select(['k.id', 'k.household_id', 't.name as town_name', 'v.name as village_name', 'h.head_name', 'k.measure', 'dep.name as department_name', 'k.required', 'k.status', 'k.assigned_at', 'k.due_at', 'k.completed_at', 'k.progress_note', 'k.evidence', 'k.waiver_reason'])
        .where(inPlace(within.id, within.level, { county: 'k.county_id', town: 'k.town_id', village: 'k.village_id', group: { household: 'k.household_id' } }))
        .where('k.status', '<>', 'cancelled')
        .where(after ? sql<SqlBool>`(t.name, v.name, k.household_id, k.id) > (${after.townName}, ${after.villageName}, ${after.id}::uuid, ${after.taskId}::bigint)` : sql<SqlBool>`true`)
        .orderBy('t.name')
        .orderBy('v.name')
        .orderBy('k.household_id')
        .orderBy('k.id')
        .limit(limit)
        .execute();
    },

    /** One household's tasks, in the order they were assigned. */
    householdTasks(householdId: string) {
      return db
        .selectFrom('measure_tasks as k')
        .innerJoin('departments as dep', 'dep.id', 'k.department_id')
        .select(['k.id', 'k.measure', 'dep.name as department_name', 'k.required', 'k.status', 'k.assigned_at', 'k.due_at', 'k.completed_at', 'k.progress_note', 'k.evidence', 'k.waiver_reason'])
        .where('k.household_id', '=', householdId)
        .where('k.status', '<>', 'cancelled')
        .orderBy('k.assigned_at')
        .orderBy('k.id')
        .execute();
    },

    /**
     * The labour force 劳动力 of a place's households (members still in the
     * household, with labour ability, not in school), with the employment fact in
     * force on `lastDay` and the household's employment tasks.
     */
    labourers(within: Within, lastDay: string, after: (PlaceKey & { memberId: string }) | null, limit: number) {
      return db
        .selectFrom('household_members as m')
        .innerJoin('households as h', 'h.id', 'm.household_id')
        .innerJoin('jurisdictions as t', 't.id', 'h.town_id')
        .innerJoin('jurisdictions as v', 'v.id', 'h.village_id')
        .select([
          'm.id',
          'm.household_id',
          't.name as town_name',
          'v.name as village_name',
          'h.head_name',
          'h.category',
          'm.name',
          'm.id_number',
          'm.sex',
          'm.birth_date',
          'm.labour_ability',
          sql<string | null>`(select f.value ->> 'employed' from household_facts f where f.member_id = m.id and f.kind = 'employment' and f.as_of <= ${lastDay}::date order by f.as_of desc, f.recorded_at desc limit 1)`.as('employed'),
          sql<string | null>`(select to_char(f.as_of, 'YYYY-MM-DD') from household_facts f where f.member_id = m.id and f.kind = 'employment' and f.as_of <= ${lastDay}::date order by f.as_of desc, f.recorded_at desc limit 1)`.as('employed_as_of'),
          sql<TaskCell[]>`(select coalesce(json_agg(json_build_object('measure', k.measure, 'department', dep.name, 'status', k.status,
              'due', to_char(k.due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), 'completed', to_char(k.completed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')) order by k.assigned_at, k.id), '[]'::json)
            from measure_tasks k join departments dep on dep.id = k.department_id
            where k.household_id = h.id and k.status <> 'cancelled' and k.measure like 'employment%')`.as('tasks'),
        ])
        .where(inPlace(within.id, within.level, { county: 'h.county_id', town: 'h.town_id', village: 'h.village_id', group: { column: 'h.group_id' } }))
        .where('m.left_at', 'is', null)
        .where('m.labour_ability', '<>', 'none')
        .where('m.is_student', '=', false)
        .where(after ? sql<SqlBool>`(t.name, v.name, h.id, m.id) > (${after.townName}, ${after.villageName}, ${after.id}::uuid, ${after.memberId}::uuid)` : sql<SqlBool>`true`)
        .orderBy('t.name')
        .orderBy('v.name')
        .orderBy('h.id')
        .orderBy('m.id')
        .limit(limit)
        .execute();
    },

    /**
     * Open items of the register (overdue ones only when asked) in a place or of a
     * department, soonest deadline first (keyset on deadline and id).
     */
    items(scope: { within: Within } | { departmentId: string }, overdueOnly: boolean, now: Date, after: { dueKey: string; id: string } | null, limit: number) {
      let query = db
        .selectFrom('due_items as d')
        .leftJoin('households as h', 'h.id', 'd.household_id')
        .leftJoin('jurisdictions as t', 't.id', 'd.town_id')
        .leftJoin('jurisdictions as v', 'v.id', 'd.village_id')
        .leftJoin('departments as dep', 'dep.id', 'd.department_id')
        .leftJoin('users as u', 'u.id', 'd.responsible_user_id')
        .select(['d.id', 'd.kind', 'd.period', 'd.due_at', 'd.overdue_at', 'd.status', 'h.head_name', 't.name as town_name', 'v.name as village_name', 'dep.name as department_name', 'u.display_name as responsible_name'])
        // The deadline to the microsecond, for the next page's key: a Date keeps milliseconds, and a deadline with
        // microseconds (one set in SQL) read back as a Date sorted before itself and came again on every page, for ever.
        .select(sql<string>`d.due_at::text`.as('due_key'))
        .where('d.status', '=', 'open');
      query =
        'departmentId' in scope
          ? query.where('d.department_id', '=', scope.departmentId)
          : query.where(inPlace(scope.within.id, scope.within.level, { county: 'd.county_id', town: 'd.town_id', village: 'd.village_id', group: { household: 'd.household_id' } }));
      if (overdueOnly) query = query.where((eb) => eb.or([eb('d.overdue_at', 'is not', null), eb('d.due_at', '<=', now)]));
      if (after) query = query.where(sql<SqlBool>`(d.due_at, d.id) > (${after.dueKey}::timestamptz, ${after.id}::bigint)`);
      return query.orderBy('d.due_at').orderBy('d.id').limit(limit).execute();
    },
  };
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof exportLedgersRepo>['householdTasks']>>[number];
export type PlaceTaskRow = Awaited<ReturnType<ReturnType<typeof exportLedgersRepo>['tasks']>>[number];
export type LabourerRow = Awaited<ReturnType<ReturnType<typeof exportLedgersRepo>['labourers']>>[number];
export type ItemRow = Awaited<ReturnType<ReturnType<typeof exportLedgersRepo>['items']>>[number];
