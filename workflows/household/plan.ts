/**
 * The assistance plan 帮扶措施表: after the county decision, and at any later
 * time, the village or the town draws up the household's measures — suggested
 * from its risk causes, members and eligibility, confirmed or changed by a
 * person. Each measure becomes a task of its lead department, run as a child
 * workflow that outlives this run (a continue-as-new never ends a task). The
 * town reassigns a handed-back task; the county may state why an open required
 * measure need not hold risk elimination back.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, startChild } from '@temporalio/workflow';
import { formatDateCn } from '../../domain/deadlines/messages.js';
import { lastDayOf, MAX_DEADLINE_DAYS, parseTaskKey, type PlannedTask, type TaskPolicy } from '../../domain/measures/tasks.js';
import { planMessages as m } from '../../domain/measures/task-messages.js';
import { measureTaskInput } from '../measure-task/definitions.js';
import { measureTaskWorkflow } from '../measure-task/workflow.js';
import { records } from './activities.js';
import { type ConfirmPlanInput, type DraftPlanInput, type OpenRequiredTask, type PlanDraft, type PlanResult, type ReassignTaskInput, type WaiveRequirementInput } from './definitions.js';
import { eventBase } from './review-case.js';
import { type HouseholdState } from './state.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { isBlank } from '../../domain/text.js';
import { refusedByActivity } from '../shared/refused-by-activity.js';
import { PLAN_CHANGE_KINDS, planChangeMessages, planChangeProblem } from '../../domain/measures/plan-changes.js';

const MAX_MEASURES = 30;
const MAX_NOTE = 2000;
const MAX_CHANGES = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const validDays = (days: number | undefined) => days === undefined || (Number.isInteger(days) && days >= 1 && days <= MAX_DEADLINE_DAYS);

export function validateDraftPlan(state: HouseholdState, input: DraftPlanInput, action: 'draftPlan' | 'confirmPlan' = 'draftPlan'): void {
  state.checkAction(input.actor, action);
  if (state.stage !== 'monitoring') refuse(REFUSALS.wrongStep, m.notMonitored);
}

/** The suggestions as of today; nothing is recorded until a person confirms. */
export function onDraftPlan(state: HouseholdState, _input: DraftPlanInput, now: () => number): Promise<PlanDraft> {
  return records.suggestPlan({ householdId: state.householdId, asOf: now(), riskCauses: [...state.riskCauses] });
}

export function validateConfirmPlan(state: HouseholdState, input: ConfirmPlanInput): void {
  validateDraftPlan(state, input, 'confirmPlan');
  if (!Array.isArray(input.measures) || input.measures.length === 0 || input.measures.length > MAX_MEASURES) refuse(REFUSALS.invalidInput, m.measuresRequired);
  // Whether a code is in the county's own catalogue, and its name, only the activity knows: it refuses the rest.
  for (const choice of input.measures) {
    if (typeof choice.code !== 'string' || choice.code.trim() === '') refuse(REFUSALS.invalidInput, m.unknownMeasure(String(choice.code)));
    if (choice.departmentId !== undefined && !UUID.test(choice.departmentId)) refuse(REFUSALS.invalidInput, m.departmentInvalid);
    if (!validDays(choice.deadlineDays)) refuse(REFUSALS.invalidInput, m.deadlineDaysInvalid(MAX_DEADLINE_DAYS));
  }
  if ((input.note ?? '').length > MAX_NOTE) refuse(REFUSALS.invalidInput, m.noteTooLong);
  if (input.changes !== undefined) {
    if (!Array.isArray(input.changes) || input.changes.length > MAX_CHANGES) refuse(REFUSALS.invalidInput, m.measuresRequired);
    for (const c of input.changes) if (typeof c?.reason !== 'string' || typeof c.measure !== 'string' || !PLAN_CHANGE_KINDS.includes(c.change)) refuse(REFUSALS.invalidInput, m.reasonRequired);
    const problem = planChangeProblem(input.measures, input.changes);
    if (problem) refuse(REFUSALS.invalidInput, planChangeMessages.problem(problem));
  }
}

/** Records the plan and starts one task per measure. */
export async function onConfirmPlan(state: HouseholdState, input: ConfirmPlanInput, now: () => number): Promise<PlanResult> {
  const at = now();
  const entry = eventBase(state, 'assistance_plan.confirmed', input.actor.userId, at);
  const plan = await refusedByActivity(
    records.recordPlan({ key: entry.eventKey, householdId: state.householdId, drawnBy: input.actor.userId, at, note: input.note ?? null, measures: input.measures }),
  );
  await records.recordHouseholdEvent({
    ...entry,
    // The changes only when there are any: a plan confirmed as suggested is recorded as before.
    payload: { planNo: plan.planNo, note: input.note ?? null, measures: plan.tasks.map(summary), ...(input.changes?.length ? { changes: input.changes } : {}) },
  });
  await Promise.all(plan.tasks.map((task) => startTask(state, task, plan.policy, input.actor.userId, at)));
  return { planNo: plan.planNo, tasks: plan.tasks };
}

export function validateReassign(state: HouseholdState, input: ReassignTaskInput): void {
  state.checkAction(input.actor, 'reassignTask');
  checkTaskKey(state, input.taskKey);
  if (typeof input.departmentId !== 'string' || !UUID.test(input.departmentId)) refuse(REFUSALS.invalidInput, m.departmentInvalid);
  if (!validDays(input.deadlineDays)) refuse(REFUSALS.invalidInput, m.deadlineDaysInvalid(MAX_DEADLINE_DAYS));
  if ((input.note ?? '').length > MAX_NOTE) refuse(REFUSALS.invalidInput, m.noteTooLong);
}

/** A handed-back task goes to another department as a new task (n + 1) of the same plan and measure. */
export async function onReassign(state: HouseholdState, input: ReassignTaskInput, now: () => number): Promise<PlannedTask> {
  const at = now();
  const { task, policy } = await refusedByActivity(
    records.reassignTask({
      householdId: state.householdId,
      taskKey: input.taskKey,
      departmentId: input.departmentId,
      deadlineDays: input.deadlineDays ?? null,
      byUserId: input.actor.userId,
      at,
    }),
  );
  await records.recordHouseholdEvent({
    ...eventBase(state, 'measure_task.reassigned', input.actor.userId, at),
    payload: { from: input.taskKey, note: input.note ?? null, ...summary(task) },
  });
  await startTask(state, task, policy, input.actor.userId, at);
  return task;
}

export function validateWaiveRequirement(state: HouseholdState, input: WaiveRequirementInput): void {
  state.checkAction(input.actor, 'waiveRequirement');
  checkTaskKey(state, input.taskKey);
  if (isBlank(input.reason) || input.reason.length > MAX_NOTE) refuse(REFUSALS.invalidInput, m.reasonRequired);
}

/** The county's reason is recorded on the task and in the file; answers the required tasks still holding elimination back. */
export async function onWaiveRequirement(
  state: HouseholdState,
  input: WaiveRequirementInput,
  now: () => number,
): Promise<{ measure: string; open: readonly OpenRequiredTask[] }> {
  const at = now();
  const waived = await refusedByActivity(
    records.waiveTaskRequirement({ householdId: state.householdId, taskKey: input.taskKey, byUserId: input.actor.userId, reason: input.reason, at }),
  );
  await records.recordHouseholdEvent({
    ...eventBase(state, 'measure_task.requirement_waived', input.actor.userId, at),
    payload: { taskKey: input.taskKey, measure: waived.measure, measureName: waived.measureName, reason: input.reason },
  });
  return { measure: waived.measure, open: await records.openRequiredTasks({ householdId: state.householdId, at }) };
}

/**
 * The plan's check for risk elimination at `at` (the proposal's time, in
 * workflow time): refused with the open required measures named, unless the
 * county has recorded its reason for each. Which measures go on after
 * elimination follows the profile version in force in that month, not the
 * activity's clock's.
 */
export async function requireMeasuresDone(state: HouseholdState, at: number): Promise<void> {
  const open = await records.openRequiredTasks({ householdId: state.householdId, at });
  if (open.length === 0) return;
  refuse(REFUSALS.wrongStep, m.eliminationBlocked(open.map((t) => m.openItem(t.measureName, t.departmentName, formatDateCn(lastDayOf(t.dueAt)))).join('；')));
}

function checkTaskKey(state: HouseholdState, taskKey: string): void {
  const parsed = typeof taskKey === 'string' ? parseTaskKey(taskKey) : undefined;
  if (!parsed) refuse(REFUSALS.invalidInput, m.taskKeyInvalid);
  if (parsed.householdId !== state.householdId) refuse(REFUSALS.invalidInput, m.taskNotOfHousehold);
}

async function startTask(state: HouseholdState, task: PlannedTask, policy: TaskPolicy, assignedBy: string, at: number): Promise<void> {
  const input = measureTaskInput(task, { householdId: state.householdId, place: state.input.place, assignedBy, at, policy });
  try {
    await startChild(measureTaskWorkflow, { workflowId: task.taskKey, args: [input], parentClosePolicy: ParentClosePolicy.ABANDON });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}

function summary(task: PlannedTask) {
  return {
    taskKey: task.taskKey,
    measure: task.measure,
    measureName: task.measureName,
    departmentId: task.departmentId,
    departmentName: task.departmentName,
    deadlineDays: task.deadlineDays,
    dueAt: new Date(task.dueAt).toISOString(),
    required: task.required,
  };
}

