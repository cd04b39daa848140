/**
 * Spans of reporting months (`YYYY-MM`, both ends inclusive), on top of the
 * calendar's period helpers.
 */
import { addMonths, parsePeriod, type Period } from './dates.js';

export interface MonthSpan {
  readonly from: Period;
  readonly to: Period;
}

/** Months since year 0: periods compare and subtract as integers. */
export function monthIndex(period: Period): number {
  const { year, month } = parsePeriod(period);
  return year * 12 + month - 1;
}

export function isPeriod(text: string): text is Period {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

export function monthsBetween(span: MonthSpan): number {
  return monthIndex(span.to) - monthIndex(span.from) + 1;
}

export function inSpan(period: Period, span: MonthSpan): boolean {
  const i = monthIndex(period);
  return i >= monthIndex(span.from) && i <= monthIndex(span.to);
}

export function periodsOf(span: MonthSpan): Period[] {
  const out: Period[] = [];
  for (let p = span.from; monthIndex(p) <= monthIndex(span.to); p = addMonths(p, 1)) out.push(p);
  return out;
}
