import { describe, expect, it } from 'vitest';
import { DAY_MS, endOfLocalDay } from '../../domain/calendar/dates.js';
import { isLate, isOverdue, overdueDays } from '../../domain/deadlines/lateness.js';

describe('late and overdue, one definition', () => {
  // Due by the end of 20 November 2026 (Asia/Shanghai): the deadline is 21 November 00:00.
  const dueAt = endOfLocalDay({ year: 2026, month: 11, day: 20 });

  it('counts work on the due day as on time, and from the deadline instant on as late', () => {
    expect(isLate(dueAt - 1, dueAt)).toBe(false);
    expect(isLate(dueAt, dueAt)).toBe(true);
    expect(isLate(dueAt + 1, dueAt)).toBe(true);
  });

  it('makes an open item overdue at the same instant, with whole days counted after it', () => {
    expect(isOverdue(dueAt, dueAt - 1)).toBe(false);
    expect(isOverdue(dueAt, dueAt)).toBe(true);
    expect(overdueDays(dueAt, dueAt - 1)).toBe(0);
    expect(overdueDays(dueAt, dueAt + DAY_MS - 1)).toBe(0);
    expect(overdueDays(dueAt, dueAt + DAY_MS)).toBe(1);
    expect(overdueDays(dueAt, dueAt + 30 * DAY_MS + 5)).toBe(30);
  });
});
