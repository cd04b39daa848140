import type { Kysely } from 'kysely';
import { formatDateCn } from '../domain/deadlines/messages.js';
import {
  daysLeft,
  lastDayOf,
  measureName,
  overdueDays,
  type CompletionEvidence,
  type HandBackReason,
  type OpenRequiredTask,
  type OpenTaskStatus,
} from '../domain/measures/tasks.js';
import { handBackReasonNames, taskNotices } from '../domain/measures/task-messages.js';
import type { Database } from '../db/database.js';
import { dueItemsRepo } from '../db/repositories/due-items.js';
import { measureTasksRepo } from '../db/repositories/measure-tasks.js';
import { notificationsRepo } from '../db/repositories/notifications.js';
import { createNotificationActivities, type NotifyDepartmentResult } from './notifications.js';
import { createPlanActivities } from './plans.js';
import { createSuggestionActivities } from './suggestions.js';
import { continuingMeasuresOf } from './continuing-measures.js';

/** The deadline register's kind for a department task. */
export const MEASURE_TASK_ITEM_KIND = 'measure_task';

/** What a task workflow records when it starts (a plan or a reassignment wrote the row already; a retry writes nothing twice). */
export interface TaskAssignedInput {
  readonly taskKey: string;
  readonly householdId: string;
  readonly planNo: number;
  readonly measure: string;
  readonly departmentId: string;
  readonly required: boolean;
  readonly dueAt: number;
  readonly assignedAt: number;
  readonly assignedBy: string | null;
  readonly reassignedFrom: string | null;
}

/** The department notices of a task: assignment, reminder, overdue (to its head), escalated (to the supervisors). */
export type TaskNotice = 'assigned' | 'reminder' | 'overdue' | 'escalated';

const dueText = (dueAt: Date) => formatDateCn(lastDayOf(dueAt.getTime()));

export function createTaskActivities(deps: { db: Kysely<Database> }) {
  const { db } = deps;
  const notifications = createNotificationActivities({ db });

  async function described(taskKey: string) {
    const task = await measureTasksRepo(db).describe(taskKey);
    if (!task) throw new Error(`measure task ${taskKey} is not recorded`);
    return { ...task, place: `${task.town_name}${task.village_name}`, name: measureName(task.measure) };
  }

  return {
    ...createSuggestionActivities(deps),
    ...createPlanActivities(deps),

    /** Writes the task (when no plan wrote it) and opens its item in the deadline register, for its department. */
    async recordTaskAssigned(input: TaskAssignedInput): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const household = await trx.selectFrom('households').select(['county_id', 'town_id', 'village_id']).where('id', '=', input.householdId).executeTakeFirstOrThrow();
        const place = { countyId: household.county_id, townId: household.town_id, villageId: household.village_id };
        await measureTasksRepo(trx).insert([
          {
            ...input,
            ...place,
            assignedAt: new Date(input.assignedAt),
            dueAt: new Date(input.dueAt),
          },
        ]);
        await dueItemsRepo(trx).open([
          {
            key: input.taskKey,
            kind: MEASURE_TASK_ITEM_KIND,
            ...place,
            householdId: input.householdId,
            departmentId: input.departmentId,
            dueAt: new Date(input.dueAt),
            openedAt: new Date(input.assignedAt),
          },
        ]);
      });
    },

    async recordTaskAccepted(input: { taskKey: string; byUserId: string; at: number }): Promise<void> {
      await measureTasksRepo(db).accept(input.taskKey, new Date(input.at), input.byUserId);
    },

    async recordTaskProgress(input: { taskKey: string; at: number; note: string }): Promise<void> {
      await measureTasksRepo(db).reportProgress(input.taskKey, new Date(input.at), input.note);
    },

    async recordTaskCompleted(input: { taskKey: string; byUserId: string; at: number; evidence: CompletionEvidence; late: boolean }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const at = new Date(input.at);
        await measureTasksRepo(trx).complete(input.taskKey, at, input.byUserId, input.evidence, input.late);
        await dueItemsRepo(trx).complete(input.taskKey, at, input.byUserId);
      });
    },

    /** Ends the task as handed back, closes its deadline item, and asks the household's town officers to reassign it, once. */
    async recordTaskHandedBack(input: { taskKey: string; byUserId: string; at: number; reason: HandBackReason; text: string }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const at = new Date(input.at);
        await measureTasksRepo(trx).handBack(input.taskKey, at, input.byUserId, input.reason, input.text);
        await dueItemsRepo(trx).cancel(input.taskKey);
      });
      const task = await described(input.taskKey);
      await notificationsRepo(db).add([
        {
          key: `${input.taskKey}:handed_back:town`,
          countyId: task.county_id,
          recipient: { jurisdictionId: task.town_id, role: 'town_officer' },
          kind: 'measure_task.handed_back',
          title: taskNotices.handedBackTitle(task.name),
          body: taskNotices.handedBack(task.department_name, task.place, task.head_name, task.name, handBackReasonNames[input.reason], input.text),
          householdId: task.household_id,
          dueItemKey: input.taskKey,
          createdAt: new Date(input.at),
        },
      ]);
    },

    /**
     * Level 1 at the deadline: the task and its deadline item are overdue.
     * Level 2 some days later: the county's supervisors are told, once.
     */
    async escalateTask(input: { taskKey: string; level: 1 | 2; at: number }): Promise<void> {
      const at = new Date(input.at);
      await db.transaction().execute(async (trx) => {
        await measureTasksRepo(trx).escalate(input.taskKey, input.level, at);
        if (input.level === 1) await dueItemsRepo(trx).markOverdue(input.taskKey, at);
      });
      const task = await described(input.taskKey);
      if (input.level === 1) {
        // The first rung: the department's head 部门负责人 is told, beside the department's own overdue notice.
        await notificationsRepo(db).add([
          {
            key: `${input.taskKey}:overdue:head`,
            countyId: task.county_id,
            recipient: { departmentId: task.department_id, role: 'department_head' },
            kind: 'measure_task.overdue_head',
            title: taskNotices.overdueTitle(task.name),
            body: taskNotices.overdue(task.place, task.head_name, task.name, dueText(task.due_at)),
            householdId: task.household_id,
            dueItemKey: input.taskKey,
            createdAt: at,
          },
        ]);
        return;
      }
      // The supervisors, and the top of the ladder: the county's leadership group 领导小组 learns of it with them.
      const title = taskNotices.supervisorsTitle(task.department_name, task.name);
      const body = taskNotices.supervisors(task.department_name, task.place, task.head_name, task.name, dueText(task.due_at), overdueDays(task.due_at.getTime(), input.at));
      await notificationsRepo(db).add(
        (['leadership', 'supervisors'] as const).map((who) => ({
          key: `${input.taskKey}:escalated:${who}`,
          countyId: task.county_id,
          recipient: { jurisdictionId: task.county_id, role: who === 'leadership' ? 'leadership_group' : 'supervisor' },
          kind: 'measure_task.escalated',
          title,
          body,
          householdId: task.household_id,
          dueItemKey: input.taskKey,
          createdAt: at,
        })),
      );
    },

    /**
     * A notice to the task's department through the outbox: its in-app inbox, and
     * a pending webhook delivery where the department has one (then call
     * deliverWebhook). The texts are composed here, so that names stay out of
     * workflow history. A retry (same key) writes nothing twice.
     */
    async notifyTaskDepartment(input: { key: string; taskKey: string; notice: TaskNotice; at: number }): Promise<NotifyDepartmentResult> {
      const task = await described(input.taskKey);
      const due = dueText(task.due_at);
      const dueAt = task.due_at.getTime();
      const texts: Record<TaskNotice, () => { title: string; body: string }> = {
        assigned: () => ({ title: taskNotices.assignedTitle(task.name), body: taskNotices.assigned(task.place, task.head_name, task.name, due) }),
        reminder: () => ({ title: taskNotices.reminderTitle(task.name), body: taskNotices.reminder(task.place, task.head_name, task.name, due, daysLeft(dueAt, input.at)) }),
        overdue: () => ({ title: taskNotices.overdueTitle(task.name), body: taskNotices.overdue(task.place, task.head_name, task.name, due) }),
        escalated: () => ({ title: taskNotices.escalatedTitle(task.name), body: taskNotices.escalatedDepartment(task.place, task.head_name, task.name, overdueDays(dueAt, input.at)) }),
      };
      return notifications.notifyDepartment({
        key: input.key,
        countyId: task.county_id,
        departmentId: task.department_id,
        kind: `measure_task.${input.notice}`,
        ...texts[input.notice](),
        householdId: task.household_id,
        dueItemKey: input.taskKey,
        at: input.at,
      });
    },

    /**
     * The household's required tasks still open and not waived by the county: risk elimination waits for them.
     * `at` is the moment they are asked about (the proposal's or the waiver's, in workflow time); a history
     * recorded before it was passed has none, and then the activity's clock stands in.
     */
    async openRequiredTasks(input: { householdId: string; at?: number }): Promise<OpenRequiredTask[]> {
      // Measures that go on after elimination (national practice: microcredit, public-welfare jobs, 雨露计划) do not hold it back,
      // by the profile version in force in the month asked about.
      const continuing = await continuingMeasuresOf(db, input.householdId, input.at ?? Date.now());
      const rows = (await measureTasksRepo(db).openRequired(input.householdId)).filter((r) => !continuing.has(r.measure));
      return rows.map((r) => ({
        taskKey: r.task_key,
        measure: r.measure,
        measureName: measureName(r.measure),
        departmentName: r.department_name,
        status: r.status as OpenTaskStatus,
        dueAt: r.due_at.getTime(),
      }));
    },
  };
}
