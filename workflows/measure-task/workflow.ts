/**
 * One assistance measure as a department's task 帮扶任务, a child of the
 * household's workflow: assigned with a deadline, accepted, progress reported,
 * completed with evidence (late after the deadline) or handed back for the town
 * to reassign. Reminders before the deadline; at the deadline an open task is
 * overdue and its department's head is told; still open some days later, the
 * county's supervisors are. Notices go out in the background: a department's
 * failing webhook never holds the task's own steps back.
 */
import { allHandlersFinished, condition, log, proxyActivities, setHandler } from '@temporalio/workflow';
import { AnsweredUpdates } from '../shared/answered-updates.js';
import type { Activities } from '../../activities/index.js';
import type { TaskNotice } from '../../activities/tasks.js';
import { taskSchedule } from '../../domain/measures/tasks.js';
import { RECORDS_RETRY, WEBHOOK_DELIVERY_OPTIONS } from '../shared/retry.js';
import {
  acceptTask,
  completeTask,
  getTaskState,
  handBackTask,
  reportProgress,
  type AcceptTaskInput,
  type CompleteTaskInput,
  type HandBackTaskInput,
  type MeasureTaskInput,
  type ReportProgressInput,
  type TaskResult,
  type TaskView,
} from './definitions.js';
import { TaskState } from './state.js';

const records = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: RECORDS_RETRY,
});
const webhooks = proxyActivities<Activities>(WEBHOOK_DELIVERY_OPTIONS);

const now = () => Date.now();

export async function measureTaskWorkflow(input: MeasureTaskInput): Promise<TaskResult> {
  const task = new TaskState(input);
  const outbox = new Outbox(input.taskKey);

  setHandler(getTaskState, () => task.view());
  // The task runs within its household's deadline and never continues as new: nothing to carry.
  const answered = new AnsweredUpdates(undefined);
  answered.setHandler(acceptTask, (update) => onAccept(task, update), (update) => task.validateAccept(update));
  answered.setHandler(reportProgress, (update) => onProgress(task, update), (update) => task.validateProgress(update));
  answered.setHandler(completeTask, (update) => onComplete(task, update), (update) => task.validateComplete(update, now()));
  answered.setHandler(handBackTask, (update) => onHandBack(task, update), (update) => task.validateHandBack(update));

  await records.recordTaskAssigned({
    taskKey: input.taskKey,
    householdId: input.householdId,
    planNo: input.planNo,
    measure: input.measure,
    departmentId: input.departmentId,
    required: input.required,
    dueAt: input.dueAt,
    assignedAt: input.assignedAt,
    assignedBy: input.assignedBy,
    reassignedFrom: input.reassignedFrom,
  });
  await fileEntry(task, 'assigned', 'assigned', input.assignedBy, input.assignedAt, {
    dueAt: new Date(input.dueAt).toISOString(),
    required: input.required,
    reassignedFrom: input.reassignedFrom,
  });
  task.recorded = true;
  outbox.send('assigned', 'assigned', input.assignedAt);

  await watchDeadline(task, outbox);
  await condition(() => task.closed && allHandlersFinished());
  await outbox.drained();
  return task.result();
}

async function onAccept(task: TaskState, update: AcceptTaskInput): Promise<TaskView> {
  const at = now();
  task.accept(at);
  await task.ready();
  await records.recordTaskAccepted({ taskKey: task.key, byUserId: update.actor.userId, at });
  await fileEntry(task, 'accepted', 'accepted', update.actor.userId, at, {});
  return task.view();
}

async function onProgress(task: TaskState, update: ReportProgressInput): Promise<TaskView> {
  const at = now();
  const n = task.reportProgress();
  await task.ready();
  await records.recordTaskProgress({ taskKey: task.key, at, note: update.text });
  await fileEntry(task, 'progress_reported', `progress:${n}`, update.actor.userId, at, { text: update.text });
  return task.view();
}

async function onComplete(task: TaskState, update: CompleteTaskInput): Promise<TaskView> {
  const at = now();
  task.complete(update, at);
  await task.ready();
  await records.recordTaskCompleted({ taskKey: task.key, byUserId: update.actor.userId, at, evidence: update.evidence, late: task.late });
  await fileEntry(task, 'completed', 'completed', update.actor.userId, at, { late: task.late, evidence: update.evidence });
  return task.view();
}

async function onHandBack(task: TaskState, update: HandBackTaskInput): Promise<TaskView> {
  const at = now();
  task.giveBack(update, at);
  await task.ready();
  await records.recordTaskHandedBack({ taskKey: task.key, byUserId: update.actor.userId, at, reason: update.reason, text: update.text });
  await fileEntry(task, 'handed_back', 'handed_back', update.actor.userId, at, { reason: update.reason, text: update.text });
  return task.view();
}

/** Reminders, then the deadline (level 1, the department's head), then the supervisors (level 2), while the task is open. */
async function watchDeadline(task: TaskState, outbox: Outbox): Promise<void> {
  const { input } = task;
  const schedule = taskSchedule(input.policy, input.assignedAt, input.dueAt);
  const closedBy = async (at: number) => task.closed || (at > now() && (await condition(() => task.closed, at - now())));

  for (const [i, at] of schedule.reminders.entries()) {
    if (at <= now()) continue;
    if (await closedBy(at)) return;
    outbox.send('reminder', `reminder:${i + 1}`, at);
  }
  if (await closedBy(schedule.overdueAt)) return;
  task.escalationLevel = 1;
  await records.escalateTask({ taskKey: task.key, level: 1, at: schedule.overdueAt });
  await fileEntry(task, 'overdue', 'overdue', null, schedule.overdueAt, { escalationLevel: 1, dueAt: new Date(input.dueAt).toISOString() });
  outbox.send('overdue', 'overdue', schedule.overdueAt);

  if (await closedBy(schedule.supervisorsAt)) return;
  task.escalationLevel = 2;
  await records.escalateTask({ taskKey: task.key, level: 2, at: schedule.supervisorsAt });
  await fileEntry(task, 'escalated', 'escalated', null, schedule.supervisorsAt, { escalationLevel: 2, dueAt: new Date(input.dueAt).toISOString() });
  outbox.send('escalated', 'escalated', schedule.supervisorsAt);
}

/** An entry of the household file, keyed by the task: `<task key>:<suffix>`. */
function fileEntry(task: TaskState, kind: string, suffix: string, actorUserId: string | null, at: number, details: Record<string, unknown>): Promise<void> {
  const { input } = task;
  return records.recordHouseholdEvent({
    householdId: input.householdId,
    eventKey: `${input.taskKey}:${suffix}`,
    kind: `measure_task.${kind}`,
    actorUserId,
    occurredAt: at,
    payload: {
      taskKey: input.taskKey,
      planNo: input.planNo,
      measure: input.measure,
      measureName: input.measureName,
      departmentId: input.departmentId,
      departmentName: input.departmentName,
      ...details,
    },
  });
}

/** The task's notices to its department, each written to the outbox and then delivered to its webhook, in the background. */
class Outbox {
  private readonly sending: Promise<void>[] = [];

  constructor(private readonly taskKey: string) {}

  send(notice: TaskNotice, suffix: string, at: number): void {
    this.sending.push(this.deliver(notice, `${this.taskKey}:${suffix}`, at));
  }

  drained(): Promise<unknown> {
    return Promise.all(this.sending);
  }

  private async deliver(notice: TaskNotice, key: string, at: number): Promise<void> {
    try {
      const sent = await records.notifyTaskDepartment({ key, taskKey: this.taskKey, notice, at });
      if (sent.webhook) await webhooks.deliverWebhook({ notificationId: sent.notificationId });
    } catch (error) {
      log.warn('a task notice was not delivered', { notice, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
