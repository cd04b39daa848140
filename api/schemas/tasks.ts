import { z } from 'zod';
import { endOfLocalDay, formatLocalDate, parseLocalDate } from '../../domain/calendar/dates.js';
import { HAND_BACK_REASONS, isOpenStatus, lastDayOf, measureName, overdueDays, TASK_STATUSES } from '../../domain/measures/tasks.js';
import { escalationLevelNames, handBackReasonNames, taskMessages, taskStatusNames } from '../../domain/measures/task-messages.js';
import { validationMessages as v } from '../../domain/messages/fields.js';
import type { MeasureTaskListRow } from '../../db/repositories/measure-tasks.js';
import type { TaskView } from '../../workflows/measure-task/definitions.js';
import { evidence, iso, jurisdictionId, labelledDate, localDateAs, measureCode, named, page, pageOf, queryCount, text, uuid } from './common.js';

export const taskKey = z.string().regex(/^task-[0-9a-f-]{36}-\d{1,6}-[a-z][a-z0-9_]{0,62}-\d{1,4}$/);
export const taskParams = z.object({ key: taskKey });

/** A day that exists, given as YYYY-MM-DD, read as the end of that day (Asia/Shanghai). */
const endOfDay = (key: string) =>
  labelledDate(key).transform((day) => new Date(endOfLocalDay(parseLocalDate(day))));

export const taskListQuery = z.object({
  status: z.enum([...TASK_STATUSES, 'open', 'overdue']).optional(),
  dueFrom: endOfDay('dueFrom').optional().describe('last day on or after this date'),
  dueTo: endOfDay('dueTo').optional().describe('last day on or before this date'),
  townId: jurisdictionId.optional(),
  villageId: jurisdictionId.optional(),
  measure: measureCode.optional(),
  householdId: uuid.optional(),
  ...page,
});

export const overdueTaskQuery = z.object({
  townId: jurisdictionId.optional(),
  departmentId: uuid.optional(),
  measure: measureCode.optional(),
  minOverdueDays: queryCount(0, 3650),
  maxOverdueDays: queryCount(0, 3650),
  ...page,
});

export const progressBody = z.object({ text: text(5000, taskMessages.progressRequired) });

export const completeTaskBody = z.object({
  whatWasDone: text(5000, taskMessages.whatWasDoneRequired),
  amountYuan: z.number().finite().min(0, v.amountNegative).max(100_000_000).optional(),
  date: localDateAs(taskMessages.completionDateInvalid),
  documents: evidence.min(1, taskMessages.documentsRequired),
});

export const handBackBody = z.object({ reason: z.enum(HAND_BACK_REASONS), text: text(5000, taskMessages.handBackTextRequired) });

export const taskState = z.object({
  key: z.string(),
  status: z.enum(TASK_STATUSES),
  statusName: z.string(),
  acceptedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  late: z.boolean(),
  escalationLevel: z.number(),
});

export const toTaskState = (view: TaskView): z.infer<typeof taskState> => ({
  key: view.taskKey,
  status: view.status,
  statusName: taskStatusNames[view.status],
  acceptedAt: view.acceptedAt === null ? null : iso(view.acceptedAt),
  completedAt: view.completedAt === null ? null : iso(view.completedAt),
  late: view.late,
  escalationLevel: view.escalationLevel,
});

export const taskItem = z.object({
  key: z.string(),
  planNo: z.number(),
  household: z.object({ id: z.string(), headName: z.string() }),
  town: named,
  village: named,
  department: named,
  measure: z.object({ code: z.string(), name: z.string() }),
  required: z.boolean(),
  status: z.enum(TASK_STATUSES),
  statusName: z.string(),
  assignedAt: z.string(),
  dueAt: z.string(),
  lastDay: z.string().describe('the last day on time, YYYY-MM-DD (Asia/Shanghai)'),
  overdue: z.boolean(),
  overdueDays: z.number(),
  escalationLevel: z.number(),
  escalationName: z.string(),
  acceptedAt: z.string().nullable(),
  progressNote: z.string().nullable(),
  completedAt: z.string().nullable(),
  late: z.boolean(),
  evidence: z.unknown(),
  handBack: z.object({ reason: z.enum(HAND_BACK_REASONS), reasonName: z.string(), text: z.string().nullable(), at: z.string() }).nullable(),
  reassignedFrom: z.string().nullable(),
  waiver: z.object({ reason: z.string(), at: z.string() }).nullable(),
});

export type TaskItem = z.infer<typeof taskItem>;
export const taskPage = pageOf(taskItem);

export function toTaskItem(row: MeasureTaskListRow, now: Date): TaskItem {
  const dueAt = row.due_at.getTime();
  const overdue = isOpenStatus(row.status) && now.getTime() >= dueAt;
  const level = Math.min(2, Math.max(0, row.escalation_level)) as 0 | 1 | 2;
  return {
    key: row.task_key,
    planNo: row.plan_no,
    household: { id: row.household_id, headName: row.head_name },
    town: { id: row.town_id, name: row.town_name },
    village: { id: row.village_id, name: row.village_name },
    department: { id: row.department_id, name: row.department_name },
    measure: { code: row.measure, name: measureName(row.measure) },
    required: row.required,
    status: row.status,
    statusName: taskStatusNames[row.status],
    assignedAt: row.assigned_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    lastDay: formatLocalDate(lastDayOf(dueAt)),
    overdue,
    overdueDays: overdue ? overdueDays(dueAt, now.getTime()) : 0,
    escalationLevel: level,
    escalationName: escalationLevelNames[level],
    acceptedAt: row.accepted_at?.toISOString() ?? null,
    progressNote: row.progress_note,
    completedAt: row.completed_at?.toISOString() ?? null,
    late: row.late,
    evidence: row.evidence ?? null,
    handBack:
      row.hand_back_reason && row.handed_back_at
        ? { reason: row.hand_back_reason, reasonName: handBackReasonNames[row.hand_back_reason], text: row.hand_back_text, at: row.handed_back_at.toISOString() }
        : null,
    reassignedFrom: row.reassigned_from,
    waiver: row.waiver_reason && row.waived_at ? { reason: row.waiver_reason, at: row.waived_at.toISOString() } : null,
  };
}
