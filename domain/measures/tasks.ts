/**
 * Assistance measures as department tasks 帮扶措施任务: a confirmed plan gives
 * each measure to its lead department with a deadline; the department accepts,
 * reports progress, completes with evidence or hands the task back. Reminders
 * come before the deadline; at the deadline an open task is overdue and
 * escalates to the department's head, and some days later to the county's
 * supervisors. Pure: time is always an argument.
 */
import { addDays, DAY_MS, endOfLocalDay, HOUR_MS, startOfLocalDay, toLocalDate, type LocalDate } from '../calendar/dates.js';
import { measureByCode, type MeasureCatalogue } from './catalogue.js';
import { SHIPPED_CATALOGUES } from './catalogues/index.js';


export const TASK_STATUSES = ['assigned', 'accepted', 'in_progress', 'completed', 'handed_back', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A task still waiting for its department. */
export const OPEN_TASK_STATUSES = ['assigned', 'accepted', 'in_progress'] as const satisfies readonly TaskStatus[];
export type OpenTaskStatus = (typeof OPEN_TASK_STATUSES)[number];

export const isOpenStatus = (status: TaskStatus): status is OpenTaskStatus => (OPEN_TASK_STATUSES as readonly TaskStatus[]).includes(status);

/** not_eligible 不符合条件 · wrong_department 不属于本部门职责 · other 其他. */
export const HAND_BACK_REASONS = ['not_eligible', 'wrong_department', 'other'] as const;
export type HandBackReason = (typeof HAND_BACK_REASONS)[number];

/** 0 on time · 1 overdue, the department's head told · 2 still open, the county's supervisors told. */
export type EscalationLevel = 0 | 1 | 2;

/**
 * When a task's reminders and escalations come, as policy data; a county's
 * profile may hold its own under `measureTasks`.
 */
export interface TaskPolicy {
  /** Reminders this many days before the task's last day, each at `reminderHour`. */
  readonly remindDaysBefore: readonly number[];
  /** Local hour (Asia/Shanghai) at which a reminder is sent. */
  readonly reminderHour: number;
  /** Days after the deadline at which a task still open goes to the county's supervisors. */
  readonly supervisorsAfterDays: number;
}

export const DEFAULT_TASK_POLICY: TaskPolicy = { remindDaysBefore: [3], reminderHour: 9, supervisorsAfterDays: 7 };

const wholeIn = (value: unknown, min: number, max: number): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/** What is wrong with a profile's own task policy (each field optional); empty when sound. */
export function taskPolicyProblems(own: Partial<Record<keyof TaskPolicy, unknown>>): string[] {
  const problems: string[] = [];
  const days = own.remindDaysBefore;
  if (days !== undefined && !(Array.isArray(days) && days.length > 0 && days.every((d) => wholeIn(d, 1, 365)))) {
    problems.push('measureTasks.remindDaysBefore must be whole days from 1 to 365');
  }
  if (own.reminderHour !== undefined && !wholeIn(own.reminderHour, 0, 23)) problems.push('measureTasks.reminderHour must be an hour from 0 to 23');
  if (own.supervisorsAfterDays !== undefined && !wholeIn(own.supervisorsAfterDays, 1, 365)) {
    problems.push('measureTasks.supervisorsAfterDays must be whole days from 1 to 365');
  }
  return problems;
}

export const MAX_DEADLINE_DAYS = 365;

/**
 * A task given on `assignedAt` with `deadlineDays` calendar days is on time
 * until the end of that many days after the day of assignment (Asia/Shanghai).
 */
export function taskDueAt(assignedAt: number, deadlineDays: number): number {
  if (!wholeIn(deadlineDays, 1, MAX_DEADLINE_DAYS)) throw new RangeError(`a deadline is 1 to ${MAX_DEADLINE_DAYS} days, not ${deadlineDays}`);
  return endOfLocalDay(addDays(toLocalDate(assignedAt), deadlineDays));
}

/** The last day a task is on time. */
export function lastDayOf(dueAt: number): LocalDate {
  return toLocalDate(dueAt - 1);
}

export interface TaskSchedule {
  /** Reminder instants after the assignment, soonest first. */
  readonly reminders: readonly number[];
  /** Escalation to the department's head: the deadline itself. */
  readonly overdueAt: number;
  /** Escalation to the county's supervisors. */
  readonly supervisorsAt: number;
}

export function taskSchedule(policy: TaskPolicy, assignedAt: number, dueAt: number): TaskSchedule {
  const lastDay = lastDayOf(dueAt);
  const reminders = [...new Set(policy.remindDaysBefore)]
    .map((days) => startOfLocalDay(addDays(lastDay, -days)) + policy.reminderHour * HOUR_MS)
    .filter((at) => at > assignedAt && at < dueAt)
    .sort((a, b) => a - b);
  return { reminders, overdueAt: dueAt, supervisorsAt: dueAt + policy.supervisorsAfterDays * DAY_MS };
}

/**
 * A measure's name in the county's catalogue when given, else in the first
 * shipped catalogue (the design's, then the seed counties') that has the code,
 * else the code itself.
 */
export function measureName(code: string, catalogue?: MeasureCatalogue): string {
  const own = catalogue && measureByCode(catalogue, code);
  if (own) return own.name;
  for (const shipped of SHIPPED_CATALOGUES) {
    const found = measureByCode(shipped, code);
    if (found) return found.name;
  }
  return code;
}

export { isLate, overdueDays } from '../deadlines/lateness.js';

/** Calendar days from `now`'s day to the task's last day (3 on the day a 3-days-before reminder goes out). */
export const daysLeft = (dueAt: number, now: number): number =>
  Math.max(0, Math.round((startOfLocalDay(lastDayOf(dueAt)) - startOfLocalDay(toLocalDate(now))) / DAY_MS));

/**
 * A task's key and the workflow id of its task workflow: the household, the
 * plan, the measure and the n-th assignment of that measure in the plan (a
 * reassignment after a hand-back is n + 1).
 */
export function taskKeyOf(householdId: string, planNo: number, measure: string, n: number): string {
  return `task-${householdId}-${planNo}-${measure}-${n}`;
}

const TASK_KEY = /^task-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(\d{1,6})-([a-z][a-z0-9_]{0,62})-(\d{1,4})$/;

export function parseTaskKey(key: string): { householdId: string; planNo: number; measure: string; n: number } | undefined {
  const match = TASK_KEY.exec(key);
  if (!match) return undefined;
  return { householdId: match[1]!, planNo: Number(match[2]), measure: match[3]!, n: Number(match[4]) };
}

/** One measure of a plan as the village or town confirms it; absent fields take the catalogue's defaults. */
export interface PlanMeasureChoice {
  readonly code: string;
  /** Another department of the county than the catalogue's lead. */
  readonly departmentId?: string;
  readonly deadlineDays?: number;
  /** A required measure must be done (or waived by the county) before the risk is marked eliminated; default true. */
  readonly required?: boolean;
}

/** A task as a plan or a reassignment gives it, ready for its task workflow. */
export interface PlannedTask {
  readonly taskKey: string;
  readonly planNo: number;
  readonly measure: string;
  readonly measureName: string;
  readonly departmentId: string;
  readonly departmentName: string;
  readonly deadlineDays: number;
  readonly dueAt: number;
  readonly required: boolean;
  readonly reassignedFrom: string | null;
}

export interface RecordedPlan {
  readonly planNo: number;
  readonly policy: TaskPolicy;
  readonly tasks: readonly PlannedTask[];
}

/** One suggested measure of a draft plan, with the department it would go to. */
export interface DraftMeasure {
  readonly code: string;
  readonly name: string;
  readonly nature: 'developmental' | 'safety_net';
  readonly lead: { readonly code: string; readonly departmentId: string | null; readonly name: string };
  /** Further lead units named with the lead (absent in drafts made before they were carried). */
  readonly coLeads?: readonly string[];
  readonly cooperating: readonly string[];
  readonly deadlineDays: number;
  readonly required: boolean;
  readonly reasons: readonly string[];
}

/** The suggestions a person confirms or changes 帮扶措施表（草案）. */
export interface PlanDraft {
  readonly asOf: string;
  readonly catalogueId: string;
  readonly catalogueVersion: number;
  readonly labour: 'capable' | 'weak_only' | 'none' | 'unknown';
  readonly measures: readonly DraftMeasure[];
  readonly withheld: readonly { readonly code: string; readonly name: string; readonly why: string }[];
  readonly toVerify: readonly { readonly measure: string | null; readonly text: string }[];
  /** Measures with a task still open from an earlier plan: not suggested again. */
  readonly alreadyOpen: readonly string[];
}

/** A required task still open, as the risk-elimination check reports it. */
export interface OpenRequiredTask {
  readonly taskKey: string;
  readonly measure: string;
  readonly measureName: string;
  readonly departmentName: string;
  readonly status: OpenTaskStatus;
  readonly dueAt: number;
}

/** A document that proves the work: a file reference or a description of it. */
export interface TaskDocument {
  readonly title: string;
  readonly reference?: string;
}

/** What a department reports when it completes a task. */
export interface CompletionEvidence {
  /** What was done 落实情况. */
  readonly whatWasDone: string;
  /** Money paid or granted, in fen; null when the measure pays nothing. */
  readonly amountFen: number | null;
  /** The day the measure was in place, `YYYY-MM-DD` (Asia/Shanghai). */
  readonly date: string;
  readonly documents: readonly TaskDocument[];
}
