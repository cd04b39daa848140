/**
 * The measure task workflow's contract 帮扶任务: its input, updates and query.
 * The API imports this file and nothing else of the task workflow.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, HouseholdPlace } from '../../domain/access/roles.js';
import {
  taskKeyOf,
  type CompletionEvidence,
  type EscalationLevel,
  type HandBackReason,
  type PlannedTask,
  type TaskPolicy,
  type TaskStatus,
} from '../../domain/measures/tasks.js';

export type { CompletionEvidence, HandBackReason, TaskPolicy, TaskStatus } from '../../domain/measures/tasks.js';

export interface MeasureTaskInput {
  readonly version: 1;
  /** The task's key, which is also the workflow id. */
  readonly taskKey: string;
  readonly householdId: string;
  readonly planNo: number;
  readonly place: HouseholdPlace;
  /** The measure's code in the catalogue (`medical`, `employment` …). */
  readonly measure: string;
  /** Names as the plan had them, for the household file. */
  readonly measureName: string;
  readonly departmentId: string;
  readonly departmentName: string;
  readonly required: boolean;
  /** Epoch ms: on time until then. */
  readonly dueAt: number;
  readonly assignedAt: number;
  readonly assignedBy: string;
  /** The handed-back task this one replaces. */
  readonly reassignedFrom: string | null;
  /** Reminders and escalations, fixed when the task is given. */
  readonly policy: TaskPolicy;
}

/** Where and by whom a planned task is given (the household's plan, or a test starting one directly). */
export interface TaskContext {
  readonly householdId: string;
  readonly place: HouseholdPlace;
  readonly assignedBy: string;
  readonly at: number;
  readonly policy: TaskPolicy;
}

/** The task workflow's input for a task of a confirmed plan. */
export function measureTaskInput(task: PlannedTask, context: TaskContext): MeasureTaskInput {
  return {
    version: 1,
    taskKey: task.taskKey,
    householdId: context.householdId,
    planNo: task.planNo,
    place: context.place,
    measure: task.measure,
    measureName: task.measureName,
    departmentId: task.departmentId,
    departmentName: task.departmentName,
    required: task.required,
    dueAt: task.dueAt,
    assignedAt: context.at,
    assignedBy: context.assignedBy,
    reassignedFrom: task.reassignedFrom,
    policy: context.policy,
  };
}

export interface AcceptTaskInput {
  readonly actor: Actor;
}

export interface ReportProgressInput {
  readonly actor: Actor;
  readonly text: string;
}

export interface CompleteTaskInput {
  readonly actor: Actor;
  readonly evidence: CompletionEvidence;
}

export interface HandBackTaskInput {
  readonly actor: Actor;
  readonly reason: HandBackReason;
  readonly text: string;
}

export interface TaskView {
  readonly taskKey: string;
  readonly householdId: string;
  readonly planNo: number;
  readonly measure: string;
  readonly departmentId: string;
  readonly required: boolean;
  readonly status: TaskStatus;
  readonly assignedAt: number;
  readonly dueAt: number;
  readonly acceptedAt: number | null;
  readonly progressReports: number;
  readonly completedAt: number | null;
  readonly late: boolean;
  readonly escalationLevel: EscalationLevel;
  readonly evidence: CompletionEvidence | null;
  readonly handBack: { readonly reason: HandBackReason; readonly text: string; readonly at: number } | null;
  readonly reassignedFrom: string | null;
}

/** How the task ended, for its parent: completed (perhaps late) or handed back for the town to reassign. */
export interface TaskResult {
  readonly taskKey: string;
  readonly status: 'completed' | 'handed_back';
  readonly late: boolean;
  readonly handBack: TaskView['handBack'];
}

export const measureTaskWorkflowId = taskKeyOf;

export const acceptTask = defineUpdate<TaskView, [AcceptTaskInput]>('acceptTask');
export const reportProgress = defineUpdate<TaskView, [ReportProgressInput]>('reportProgress');
export const completeTask = defineUpdate<TaskView, [CompleteTaskInput]>('completeTask');
export const handBackTask = defineUpdate<TaskView, [HandBackTaskInput]>('handBackTask');
export const getTaskState = defineQuery<TaskView>('getTaskState');
