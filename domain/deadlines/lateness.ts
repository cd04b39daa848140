/**
 * When work is late and an item overdue — one definition for the register, the
 * workflows, the task inbox and the API. A deadline is an instant: the end of
 * the due local day (Asia/Shanghai), which is the first instant of the next
 * day. Work done at or after it is late; an item still open is overdue from it on
 * (in SQL, the same rule reads `due_at <= now`).
 */
import { DAY_MS } from '../calendar/dates.js';

/** Work done at `doneAt` for a deadline `dueAt` is late. */
export const isLate = (doneAt: number, dueAt: number): boolean => doneAt >= dueAt;

/** An item still open at `now` is overdue. */
export const isOverdue = (dueAt: number, now: number): boolean => now >= dueAt;

/** Whole days an open item has been overdue at `now`; 0 before its deadline and on its first overdue day. */
export const overdueDays = (dueAt: number, now: number): number => (isOverdue(dueAt, now) ? Math.floor((now - dueAt) / DAY_MS) : 0);
