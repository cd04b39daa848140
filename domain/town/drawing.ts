/**
 * Drawing a month's report now 立即生成: the town's workflow draws last month's
 * draft when the month's items open (the 1st); a town whose cadence began after
 * its deadline, or a month the plan never reached, has its draft drawn when the
 * officer asks — once the month has ended, and for the last year's months only.
 */
import { monthIndex } from '../calendar/months.js';
import { periodOf, type Period } from '../calendar/dates.js';

/** How far back a report may still be drawn. */
export const DRAW_MONTHS_BACK = 12;

export type DrawRefusal = 'not_ended' | 'too_old';

/** Why the report of `period` may not be drawn at `now`, or null when it may. */
export function drawRefusal(period: Period, now: number): DrawRefusal | null {
  const age = monthIndex(periodOf(now)) - monthIndex(period);
  if (age < 1) return 'not_ended';
  if (age > DRAW_MONTHS_BACK) return 'too_old';
  return null;
}
