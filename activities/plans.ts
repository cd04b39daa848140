import type { Kysely } from 'kysely';
import { periodOf } from '../domain/calendar/dates.js';
import {
  isOpenStatus,
  MAX_DEADLINE_DAYS,
  parseTaskKey,
  taskDueAt,
  taskKeyOf,
  type PlanMeasureChoice,
  type PlannedTask,
  type RecordedPlan,
  type TaskPolicy,
} from '../domain/measures/tasks.js';
import { departmentName, measureByCode, type MeasureCatalogue } from '../domain/measures/index.js';
import { catalogueOf, taskPolicyOf } from '../domain/policy/parse.js';
import { planMessages as m, taskStatusNames } from '../domain/measures/task-messages.js';
import type { Database } from '../db/database.js';
import { assistancePlansRepo } from '../db/repositories/assistance-plans.js';
import { departmentsRepo } from '../db/repositories/departments.js';
import { measureTasksRepo } from '../db/repositories/measure-tasks.js';
import { REFUSALS, refuse } from '../domain/failures.js';
import { profileInForce } from './profiles.js';

/** For a measure the catalogue no longer has. */
const DEFAULT_DEADLINE_DAYS = 30;

export function createPlanActivities(deps: { db: Kysely<Database> }) {
  const { db } = deps;

  async function countyDepartments(trx: Kysely<Database>, countyId: string) {
    const rows = await departmentsRepo(trx).ofCounty(countyId);
    return { byCode: new Map(rows.map((d) => [d.code, d])), byId: new Map(rows.map((d) => [d.id, d])) };
  }

  /** The county's task policy and measure catalogue in force at `at`. */
  async function countyRules(trx: Kysely<Database>, countyId: string, at: number): Promise<{ policy: TaskPolicy; catalogue: MeasureCatalogue }> {
    const profile = await profileInForce(trx, countyId, periodOf(at));
    return { policy: taskPolicyOf(profile), catalogue: catalogueOf(profile) };
  }

  return {
    /**
     * Records a confirmed plan with the next plan number and writes one task
     * per measure (department, due date, required), in one transaction. Refused
     * (not retried) for a measure not in the catalogue, a department not of the
     * county, or a measure that still has an open task. A retry with the same
     * key answers what the first call wrote.
     */
    async recordPlan(input: {
      key: string;
      householdId: string;
      drawnBy: string;
      at: number;
      note: string | null;
      measures: readonly PlanMeasureChoice[];
    }): Promise<RecordedPlan> {
      return db.transaction().execute(async (trx) => {
        const household = await trx
          .selectFrom('households')
          .select(['id', 'county_id', 'town_id', 'village_id'])
          .where('id', '=', input.householdId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const { policy, catalogue } = await countyRules(trx, household.county_id, input.at);
        const stored = await assistancePlansRepo(trx).findByKey(input.key);
        if (stored) return { planNo: stored.plan_no, policy, tasks: stored.measures as PlannedTask[] };

        const departments = await countyDepartments(trx, household.county_id);
        const planNo = await assistancePlansRepo(trx).nextPlanNo(household.id);
        const seen = new Set<string>();
        const tasks: PlannedTask[] = input.measures.map((choice) => {
          const definition = measureByCode(catalogue, choice.code);
          if (!definition) refuse(REFUSALS.invalidInput, m.unknownMeasure(choice.code));
          if (seen.has(definition.code)) refuse(REFUSALS.invalidInput, m.duplicateMeasure(definition.name));
          seen.add(definition.code);
          const department = choice.departmentId ? departments.byId.get(choice.departmentId) : departments.byCode.get(definition.lead);
          if (!department) {
            refuse(
              REFUSALS.invalidInput,
              choice.departmentId ? m.departmentNotInCounty : m.leadMissing(departmentName(catalogue, definition.lead) ?? definition.lead, definition.name),
            );
          }
          const deadlineDays = choice.deadlineDays ?? definition.defaultDeadlineDays;
          if (!Number.isInteger(deadlineDays) || deadlineDays < 1 || deadlineDays > MAX_DEADLINE_DAYS) refuse(REFUSALS.invalidInput, m.deadlineDaysInvalid(MAX_DEADLINE_DAYS));
          return {
            taskKey: taskKeyOf(household.id, planNo, definition.code, 1),
            planNo,
            measure: definition.code,
            measureName: definition.name,
            departmentId: department.id,
            departmentName: department.name,
            deadlineDays,
            dueAt: taskDueAt(input.at, deadlineDays),
            required: choice.required ?? true,
            reassignedFrom: null,
          };
        });
        const open = await measureTasksRepo(trx).openMeasures(household.id);
        const again = tasks.filter((t) => open.includes(t.measure));
        if (again.length > 0) refuse(REFUSALS.invalidInput, m.stillOpen(again.map((t) => t.measureName).join('、')));

        await assistancePlansRepo(trx).insert({
          key: input.key,
          householdId: household.id,
          planNo,
          drawnBy: input.drawnBy,
          confirmedAt: new Date(input.at),
          note: input.note,
          measures: tasks,
        });
        await measureTasksRepo(trx).insert(
          tasks.map((t) => ({
            taskKey: t.taskKey,
            householdId: household.id,
            planNo,
            countyId: household.county_id,
            townId: household.town_id,
            villageId: household.village_id,
            measure: t.measure,
            departmentId: t.departmentId,
            required: t.required,
            assignedAt: new Date(input.at),
            assignedBy: input.drawnBy,
            dueAt: new Date(t.dueAt),
            reassignedFrom: null,
          })),
        );
        return { planNo, policy, tasks };
      });
    },

    /**
     * Gives a handed-back task to another department as a new task of the same
     * plan and measure (n + 1), written at once so that a second reassignment is
     * refused. A retry answers the task the first call wrote.
     */
    async reassignTask(input: {
      householdId: string;
      taskKey: string;
      departmentId: string;
      deadlineDays: number | null;
      byUserId: string;
      at: number;
    }): Promise<{ task: PlannedTask; policy: TaskPolicy }> {
      return db.transaction().execute(async (trx) => {
        const tasks = measureTasksRepo(trx);
        const old = await tasks.findByKey(input.taskKey);
        const parsed = parseTaskKey(input.taskKey);
        if (!old || !parsed) refuse(REFUSALS.invalidInput, m.taskKeyInvalid);
        if (old.household_id !== input.householdId) refuse(REFUSALS.invalidInput, m.taskNotOfHousehold);
        const { policy, catalogue } = await countyRules(trx, old.county_id, input.at);
        const deadlineDaysFor = (days: number | null) => days ?? measureByCode(catalogue, old.measure)?.defaultDeadlineDays ?? DEFAULT_DEADLINE_DAYS;
        const toPlanned = (row: NonNullable<Awaited<ReturnType<typeof tasks.findByKey>>>, departmentName: string, deadlineDays: number): PlannedTask => ({
          taskKey: row.task_key,
          planNo: row.plan_no,
          measure: row.measure,
          measureName: measureByCode(catalogue, row.measure)?.name ?? row.measure,
          departmentId: row.department_id,
          departmentName,
          deadlineDays,
          dueAt: row.due_at.getTime(),
          required: row.required,
          reassignedFrom: row.reassigned_from,
        });
        const existing = await tasks.findReassignmentOf(old.task_key);
        if (existing) {
          if (existing.assigned_by !== input.byUserId || existing.assigned_at.getTime() !== input.at) refuse(REFUSALS.wrongStep, m.alreadyReassigned);
          const department = await departmentsRepo(trx).findById(existing.department_id);
          return { task: toPlanned(existing, department?.name ?? '', deadlineDaysFor(input.deadlineDays)), policy };
        }
        if (old.status !== 'handed_back') refuse(REFUSALS.wrongStep, m.notHandedBack(taskStatusNames[old.status]));
        const department = await departmentsRepo(trx).findById(input.departmentId);
        if (!department || department.county_id !== old.county_id) refuse(REFUSALS.invalidInput, m.departmentNotInCounty);
        const definition = measureByCode(catalogue, old.measure);
        const deadlineDays = deadlineDaysFor(input.deadlineDays);
        const task: PlannedTask = {
          taskKey: taskKeyOf(old.household_id, old.plan_no, old.measure, parsed.n + 1),
          planNo: old.plan_no,
          measure: old.measure,
          measureName: definition?.name ?? old.measure,
          departmentId: department.id,
          departmentName: department.name,
          deadlineDays,
          dueAt: taskDueAt(input.at, deadlineDays),
          required: old.required,
          reassignedFrom: old.task_key,
        };
        await tasks.insert([
          {
            taskKey: task.taskKey,
            householdId: old.household_id,
            planNo: old.plan_no,
            countyId: old.county_id,
            townId: old.town_id,
            villageId: old.village_id,
            measure: old.measure,
            departmentId: department.id,
            required: old.required,
            assignedAt: new Date(input.at),
            assignedBy: input.byUserId,
            dueAt: new Date(task.dueAt),
            reassignedFrom: old.task_key,
          },
        ]);
        return { task, policy };
      });
    },

    /**
     * The county's recorded reason for not holding risk elimination back on a
     * required task still open 县级说明理由. Refused for a task that is not
     * required, not open, or already waived by someone else.
     */
    async waiveTaskRequirement(input: { householdId: string; taskKey: string; byUserId: string; reason: string; at: number }): Promise<{ measure: string; measureName: string }> {
      return db.transaction().execute(async (trx) => {
        const tasks = measureTasksRepo(trx);
        const task = await tasks.findByKey(input.taskKey);
        if (!task) refuse(REFUSALS.invalidInput, m.taskKeyInvalid);
        if (task.household_id !== input.householdId) refuse(REFUSALS.invalidInput, m.taskNotOfHousehold);
        const { catalogue } = await countyRules(trx, task.county_id, input.at);
        const answer = { measure: task.measure, measureName: measureByCode(catalogue, task.measure)?.name ?? task.measure };
        if (task.waived_at) {
          if (task.waived_by === input.byUserId && task.waived_at.getTime() === input.at) return answer;
          refuse(REFUSALS.wrongStep, m.alreadyWaived);
        }
        if (!task.required) refuse(REFUSALS.wrongStep, m.notRequired);
        if (!isOpenStatus(task.status)) refuse(REFUSALS.wrongStep, m.notOpen(taskStatusNames[task.status]));
        await tasks.waive(input.taskKey, new Date(input.at), input.byUserId, input.reason);
        return answer;
      });
    },
  };
}
