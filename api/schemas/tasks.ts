import { z } from 'zod';
import { formatLocalDate } from '../../domain/calendar/dates.js';
import { HAND_BACK_REASONS, isOpenStatus, lastDayOf, measureName, overdueDays, TASK_STATUSES } from '../../domain/measures/tasks.js';
import { escalationLevelNames, handBackReasonNames, taskStatusNames } from '../../domain/measures/task-messages.js';
import type { MeasureTaskListRow } from '../../db/repositories/measure-tasks.js';

export const taskKey = z.string().regex(/^task-[0-9a-f-]{36}-\d{1,6}-[a-z][a-z0-9_]{0,62}-\d{1,4}$/, '任务编号格式不正确');
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const page = { limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) };

const named = z.object({ id: z.string(), name: z.string() });

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
