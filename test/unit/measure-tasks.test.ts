import { describe, expect, it } from 'vitest';
import { formatLocalDate, startOfLocalDay, toLocalDate } from '../../domain/calendar/dates.js';
import {
  daysLeft,
  DEFAULT_TASK_POLICY,
  isLate,
  overdueDays,
  parseTaskKey,
  taskDueAt,
  taskKeyOf,
  taskSchedule,
} from '../../domain/measures/tasks.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';
import { parseProfile, taskPolicyOf } from '../../domain/policy/parse.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** 2026-11-23 14:30 in Shanghai. */
const assignedAt = startOfLocalDay({ year: 2026, month: 11, day: 23 }) + 14.5 * HOUR;
const local = (at: number) => `${formatLocalDate(toLocalDate(at))} ${String(Math.floor(((at + 8 * HOUR) % DAY) / HOUR)).padStart(2, '0')}h`;

describe('task deadlines 办理期限', () => {
  it('is on time until the end of the n-th day after the day of assignment (Asia/Shanghai)', () => {
    const dueAt = taskDueAt(assignedAt, 30);
    expect(dueAt).toBe(startOfLocalDay({ year: 2026, month: 12, day: 24 }));
    expect(isLate(dueAt - 1, dueAt)).toBe(false);
    expect(isLate(dueAt, dueAt)).toBe(true);
    expect(() => taskDueAt(assignedAt, 0)).toThrow(RangeError);
  });

  it('reminds at 09:00 three days before the last day, escalates at the deadline and to the supervisors 7 days later', () => {
    const dueAt = taskDueAt(assignedAt, 30);
    const schedule = taskSchedule(DEFAULT_TASK_POLICY, assignedAt, dueAt);
    expect(schedule.reminders.map(local)).toEqual(['2026-12-20 09h']);
    expect(local(schedule.overdueAt)).toBe('2026-12-24 00h');
    expect(local(schedule.supervisorsAt)).toBe('2026-12-31 00h');
    expect(daysLeft(dueAt, schedule.reminders[0]!)).toBe(3);
    expect(overdueDays(dueAt, schedule.supervisorsAt)).toBe(7);
    expect(overdueDays(dueAt, dueAt - 1)).toBe(0);
  });

  it('leaves out reminders that would come before the assignment', () => {
    const dueAt = taskDueAt(assignedAt, 2);
    expect(taskSchedule({ ...DEFAULT_TASK_POLICY, remindDaysBefore: [7, 3, 1] }, assignedAt, dueAt).reminders.map(local)).toEqual(['2026-11-24 09h']);
  });

  it('reads a county profile’s task policy, each field defaulting, and refuses a profile whose task policy is impossible', () => {
    expect(taskPolicyOf(shifanV1)).toEqual(DEFAULT_TASK_POLICY);
    expect(taskPolicyOf({ ...shifanV1, measureTasks: { remindDaysBefore: [1, 5], supervisorsAfterDays: 3 } })).toEqual({ remindDaysBefore: [5, 1], reminderHour: 9, supervisorsAfterDays: 3 });
    const parsed = parseProfile({ ...shifanV1, measureTasks: { remindDaysBefore: [0], reminderHour: 25 } });
    expect(parsed).toEqual({
      ok: false,
      problems: ['measureTasks.remindDaysBefore must be whole days from 1 to 365', 'measureTasks.reminderHour must be an hour from 0 to 23'],
    });
  });

  it('keys a task by household, plan, measure and assignment', () => {
    const key = taskKeyOf('2f1c6f5e-3b7a-4d2e-9a41-0c8e5b7d9f10', 2, 'dibao_pension', 1);
    expect(key).toBe('task-2f1c6f5e-3b7a-4d2e-9a41-0c8e5b7d9f10-2-dibao_pension-1');
    expect(parseTaskKey(key)).toEqual({ householdId: '2f1c6f5e-3b7a-4d2e-9a41-0c8e5b7d9f10', planNo: 2, measure: 'dibao_pension', n: 1 });
    expect(parseTaskKey('household-1')).toBeUndefined();
  });
});
