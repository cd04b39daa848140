/**
 * Deadlines of the register's items as the lists show them, and the deadline
 * of an immediate screening 突发情况排查. Pure: time is always an argument.
 */
import { DAY_MS } from '../calendar/dates.js';
import { isOverdue, overdueDays } from './lateness.js';

/** An open item is overdue once marked so, or from its deadline on (lateness.ts). */
export function registerItemOverdue(item: { readonly status: string; readonly dueAt: number; readonly overdueAt: number | null }, now: number) {
  const overdue = item.status === 'open' && (item.overdueAt !== null || isOverdue(item.dueAt, now));
  return { overdue, overdueDays: overdue ? overdueDays(item.dueAt, now) : 0 };
}

/** A screening is ordered with a number of days for the visits [002]: from one day to two months. */
export const SCREENING_DUE_DAYS = { min: 1, max: 60 } as const;

/** The moment an immediate screening's visits are due: `dueDays` whole days after it is ordered. */
export const screeningDueAt = (orderedAt: number, dueDays: number): number => orderedAt + dueDays * DAY_MS;
