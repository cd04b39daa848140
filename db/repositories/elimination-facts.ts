import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../database.js';
import { toLocalDate } from '../../domain/calendar/dates.js';
import { eliminationFactsOf } from '../../domain/identification/elimination-conditions.js';
import type { EliminationFacts } from '../../domain/policy/standing.js';

const ASSESSED = ['identification.assessed', 'monitoring.assessed'] as const;
/** The entries that begin (or begin again) a household's monitoring. */
const ENTERED = ['identification.approved', 'monitoring.reentered'] as const;

/** What the risk-elimination conditions count for one household: its assessments, when its monitoring began, the measures received. */
export function eliminationFactsRepo(db: Kysely<Database>) {
  return {
    /** Each assessment's month and whether income was under the monitoring line (household_events_household_idx). */
    async assessedMonths(householdId: string): Promise<{ period: string; below: string | null }[]> {
      return db
        .selectFrom('household_events')
        .select([sql<string>`payload -> 'summary' ->> 'period'`.as('period'), sql<string | null>`payload -> 'summary' ->> 'belowMonitoring'`.as('below')])
        .where('household_id', '=', householdId)
        .where('kind', 'in', ASSESSED)
        .orderBy('occurred_at')
        .orderBy('id')
        .execute();
    },

    /** When the household's latest spell of monitoring began: the county's decision or a re-entry (household_events_household_idx). */
    async monitoredSince(householdId: string): Promise<Date | undefined> {
      const row = await db
        .selectFrom('household_events')
        .select('occurred_at')
        .where('household_id', '=', householdId)
        .where('kind', 'in', ENTERED)
        .orderBy('occurred_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.occurred_at;
    },

    /** Measures carried out for the household: its completed tasks (measure_tasks_household_plan_idx). */
    async measuresCompleted(householdId: string): Promise<number> {
      const row = await db
        .selectFrom('measure_tasks')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('household_id', '=', householdId)
        .where('status', '=', 'completed')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The household's tasks of the measures named, with their department (measure_tasks_household_plan_idx). */
    tasksOf(householdId: string, measures: readonly string[]) {
      if (measures.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('measure_tasks as k')
        .innerJoin('departments as d', 'd.id', 'k.department_id')
        .select(['k.task_key', 'k.measure', 'k.status', 'd.name as department_name'])
        .where('k.household_id', '=', householdId)
        .where('k.measure', 'in', measures)
        .where('k.status', 'not in', ['cancelled', 'handed_back'])
        .orderBy('k.plan_no')
        .orderBy('k.id')
        .execute();
    },
  };
}

/** The household's counted elimination facts as of `at` (the activity and the console count alike). */
export async function householdEliminationFacts(db: Kysely<Database>, householdId: string, at: number): Promise<EliminationFacts> {
  const repo = eliminationFactsRepo(db);
  const [assessed, since, completed] = await Promise.all([repo.assessedMonths(householdId), repo.monitoredSince(householdId), repo.measuresCompleted(householdId)]);
  return eliminationFactsOf({ assessed, monitoredSince: since ? toLocalDate(since.getTime()) : null, measuresCompleted: completed, today: toLocalDate(at) });
}
