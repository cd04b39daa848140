/**
 * The overdue board's trend by month 逾期趋势: for each of the last months, the
 * open work overdue at the month's end (the current month: now) in the aging
 * buckets of aging.ts — so an item overdue across a month boundary moves from
 * one bucket to the next from one month to the next, and one done leaves the
 * months after it. Pure: the instants are computed here, counted in SQL.
 */
import { addMonths, periodOf, startOfPeriod, type Period } from '../calendar/dates.js';

export const TREND_MONTHS = { default: 6, min: 2, max: 24 } as const;

export interface TrendInstant {
  readonly period: Period;
  /** Epoch ms: the end of the month (the next month's first instant), or `now` for the current month. */
  readonly at: number;
}

/** The last `months` months up to the current one, oldest first, each with the instant its figures are taken at. */
export function trendInstants(now: number, months: number): TrendInstant[] {
  const current = periodOf(now);
  return Array.from({ length: months }, (_, i) => {
    const period = addMonths(current, i - months + 1);
    return { period, at: Math.min(now, startOfPeriod(addMonths(period, 1))) };
  });
}
