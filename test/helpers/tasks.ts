import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { createTaskActivities } from '../../activities/tasks.js';
import type { Actor, HouseholdPlace } from '../../domain/access/roles.js';
import type { PlanMeasureChoice, PlannedTask } from '../../domain/measures/tasks.js';
import type { Database } from '../../db/database.js';
import { measureTaskInput, type TaskContext } from '../../workflows/measure-task/definitions.js';

export async function departmentId(db: Kysely<Database>, code: string): Promise<string> {
  const row = await db.selectFrom('departments').select('id').where('county_id', '=', '990101').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

/** A user of the demo county's department `code` (`bumen.<code>`), made when the demo has none. */
export async function departmentActor(db: Kysely<Database>, code: string): Promise<Actor> {
  const department = await departmentId(db, code);
  const username = `bumen.${code}`;
  await db
    .insertInto('users')
    .values({ username, display_name: code, password_hash: 'unused', role: 'department', jurisdiction_id: '990101', department_id: department })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  return { userId: user.id, role: 'department', jurisdictionId: user.jurisdiction_id!, departmentId: user.department_id };
}

/** Starts a task workflow as the household's plan handler does, from the outside. */
export function startTaskWorkflow(client: Client, taskQueue: string, task: PlannedTask, context: TaskContext) {
  const input = measureTaskInput(task, context);
  return client.workflow.start('measureTaskWorkflow', { taskQueue, workflowId: task.taskKey, args: [input] });
}

/** Records a plan through the activity and starts its tasks directly. */
export async function planAndStart(
  client: Client,
  db: Kysely<Database>,
  taskQueue: string,
  plan: { householdId: string; place: HouseholdPlace; drawnBy: string; at: number; measures: readonly PlanMeasureChoice[]; start?: boolean },
) {
  const recorded = await createTaskActivities({ db }).recordPlan({
    key: `test-plan-${randomUUID()}`,
    householdId: plan.householdId,
    drawnBy: plan.drawnBy,
    at: plan.at,
    note: null,
    measures: plan.measures,
  });
  const context = { householdId: plan.householdId, place: plan.place, assignedBy: plan.drawnBy, at: plan.at, policy: recorded.policy };
  const handles = plan.start === false ? [] : await Promise.all(recorded.tasks.map((task) => startTaskWorkflow(client, taskQueue, task, context)));
  return { ...recorded, context, handles };
}

export function notificationsOf(db: Kysely<Database>, dueItemKey: string) {
  return db.selectFrom('notifications').selectAll().where('due_item_key', '=', dueItemKey).orderBy('created_at').orderBy('id').execute();
}

export function taskRow(db: Kysely<Database>, key: string) {
  return db.selectFrom('measure_tasks').selectAll().where('task_key', '=', key).executeTakeFirstOrThrow();
}
