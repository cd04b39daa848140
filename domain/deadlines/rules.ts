/**
 * Deadlines as policy data (DOMAIN.md §6): rules that name the due day of a
 * period or count from an event (the cadence of recurring items built on them
 * is in cadence.ts). Every deadline is an instant, the end of the due local day in
 * Shanghai — “by the 20th” (20日前) is on time until 24:00 on the 20th, as
 * `endOfDayInPeriod`.
 */
import { addDays, addMonths, daysInMonth, endOfLocalDay, parsePeriod, toLocalDate, type LocalDate, type Period } from '../calendar/dates.js';
import { addWorkingDays, coversYear, dayStatus, nextWorkingDay, previousWorkingDay, type WorkCalendar } from '../calendar/working-days.js';

/**
 * What happens when the due day is not a working day. The seeds never move a
 * deadline, so shipped items use `none`; a county whose rules follow 民法典
 * 第二百零三条 (a period ending on a rest day ends on the next working day) uses
 * `next_working_day`.
 */
export const SHIFTS = ['none', 'next_working_day', 'previous_working_day'] as const;
export type Shift = (typeof SHIFTS)[number];

/** 中旬 is the 11th–20th: an item due “in mid-month” (中旬, 中旬前) is on time to the end of the 20th. */
export const MID_MONTH_DAY = 20;

/** Day `day` of the period's month (每月N日前). A day the month lacks means its last day: 31 is month end. */
export interface DayOfMonthRule {
  readonly kind: 'day_of_month';
  readonly day: number;
  readonly shift?: Shift;
}

/** Day `day` of the month after the period (次月N日前) [001]. */
export interface DayOfNextMonthRule {
  readonly kind: 'day_of_next_month';
  readonly day: number;
  readonly shift?: Shift;
}

/** Day `day` of month 1, 2 or 3 of the quarter that holds the period (每季度首月中旬 [003]). */
export interface DayInQuarterRule {
  readonly kind: 'day_in_quarter';
  readonly monthOfQuarter: 1 | 2 | 3;
  readonly day: number;
  readonly shift?: Shift;
}

/** A fixed date in the period's year (6月30日前 [001], 12月中旬 [000]). */
export interface DateInYearRule {
  readonly kind: 'date_in_year';
  readonly month: number;
  readonly day: number;
  readonly shift?: Shift;
}

/**
 * `days` working days after an event (the township acts within 2 working days,
 * DOMAIN.md §9). As 民法典 第二百零一条 has it, the event's own day is not
 * counted: the count starts the next day.
 */
export interface WorkingDaysAfterRule {
  readonly kind: 'working_days_after';
  readonly days: number;
}

/** `days` calendar days after an event, its own day not counted (a 7-day public notice 公示). */
export interface DaysAfterRule {
  readonly kind: 'days_after';
  readonly days: number;
  readonly shift?: Shift;
}

/** Rules whose due day follows from a period. */
export type PeriodicRule = DayOfMonthRule | DayOfNextMonthRule | DayInQuarterRule | DateInYearRule;
/** Rules that count from an event's instant. */
export type RelativeRule = WorkingDaysAfterRule | DaysAfterRule;
export type DeadlineRule = PeriodicRule | RelativeRule;

export type RestReason = { readonly kind: 'weekend' } | { readonly kind: 'holiday'; readonly name: string };

/** A deadline as resolved, with what is needed to explain it. */
export interface Due {
  /** The day the rule names, before any shift. */
  readonly nominal: LocalDate;
  /** The due day. */
  readonly date: LocalDate;
  /** The deadline instant: the end of `date` in Shanghai (epoch ms). */
  readonly at: number;
  readonly shift: Shift;
  /** Present when `date` differs from `nominal`: why the nominal day was not a working day. */
  readonly movedBecause?: RestReason;
  /** For rules that count from an event: the event's local day. */
  readonly countedFrom?: LocalDate;
  /** The working-day calendar held no notice for a year the answer relied on (only with `weekends_only`). */
  readonly provisional: boolean;
}

export function isRelativeRule(rule: DeadlineRule): rule is RelativeRule {
  return rule.kind === 'working_days_after' || rule.kind === 'days_after';
}

/**
 * The deadline of a rule: for a periodic rule, of the occurrence that covers
 * `period` (the quarter or year that holds it for quarterly and yearly rules);
 * for a relative rule, counted from the event at `eventMs`. The calendar is
 * consulted only for working days and shifts, so a rule with no shift never
 * fails for want of a year's notice.
 */
export function resolveDue(rule: PeriodicRule, period: Period, calendar: WorkCalendar): Due;
export function resolveDue(rule: RelativeRule, eventMs: number, calendar: WorkCalendar): Due;
export function resolveDue(rule: DeadlineRule, anchor: Period | number, calendar: WorkCalendar): Due;
export function resolveDue(rule: DeadlineRule, anchor: Period | number, calendar: WorkCalendar): Due {
  if (isRelativeRule(rule)) {
    if (typeof anchor !== 'number') throw new TypeError(`a ${rule.kind} rule counts from an instant, not from the period ${anchor}`);
    const start = toLocalDate(anchor);
    if (rule.kind === 'days_after') return shifted(addDays(start, rule.days), rule.shift ?? 'none', calendar, start);
    const date = addWorkingDays(start, rule.days, calendar);
    const firstCounted = addDays(start, 1);
    return {
      nominal: date,
      date,
      at: endOfLocalDay(date),
      shift: 'none',
      countedFrom: start,
      provisional: !coversYear(calendar, firstCounted.year) || !coversYear(calendar, date.year),
    };
  }
  if (typeof anchor !== 'string') throw new TypeError(`a ${rule.kind} rule needs a period (YYYY-MM), not an instant`);
  return shifted(nominalDate(rule, anchor), rule.shift ?? 'none', calendar);
}

/** The deadline instant (epoch ms): the end of the due local day. */
export function dueAt(rule: PeriodicRule, period: Period, calendar: WorkCalendar): number;
export function dueAt(rule: RelativeRule, eventMs: number, calendar: WorkCalendar): number;
export function dueAt(rule: DeadlineRule, anchor: Period | number, calendar: WorkCalendar): number;
export function dueAt(rule: DeadlineRule, anchor: Period | number, calendar: WorkCalendar): number {
  return resolveDue(rule, anchor, calendar).at;
}

/** The due local day. */
export function dueDate(rule: PeriodicRule, period: Period, calendar: WorkCalendar): LocalDate;
export function dueDate(rule: RelativeRule, eventMs: number, calendar: WorkCalendar): LocalDate;
export function dueDate(rule: DeadlineRule, anchor: Period | number, calendar: WorkCalendar): LocalDate;
export function dueDate(rule: DeadlineRule, anchor: Period | number, calendar: WorkCalendar): LocalDate {
  return resolveDue(rule, anchor, calendar).date;
}

// ---- Checks ----

/** What is wrong with a rule, in English for whoever maintains the data; empty when it is sound. */
export function ruleProblems(rule: DeadlineRule): string[] {
  const problems: string[] = [];
  const shift = 'shift' in rule ? rule.shift : undefined;
  if (shift !== undefined && !SHIFTS.includes(shift)) problems.push(`${rule.kind}: shift must be one of ${SHIFTS.join(', ')}`);
  switch (rule.kind) {
    case 'day_of_month':
    case 'day_of_next_month':
      if (!isDayNumber(rule.day)) problems.push(`${rule.kind}: day must be 1–31 (31 is the month's last day)`);
      break;
    case 'day_in_quarter':
      if (![1, 2, 3].includes(rule.monthOfQuarter)) problems.push(`${rule.kind}: monthOfQuarter must be 1, 2 or 3`);
      if (!isDayNumber(rule.day)) problems.push(`${rule.kind}: day must be 1–31 (31 is the month's last day)`);
      break;
    case 'date_in_year':
      // 2001 is not a leap year: 29 February is refused, the date must exist every year.
      if (!Number.isInteger(rule.month) || rule.month < 1 || rule.month > 12 || !Number.isInteger(rule.day) || rule.day < 1 || rule.day > daysInMonth(2001, rule.month)) {
        problems.push(`${rule.kind}: ${rule.month}-${rule.day} is not a date every year has`);
      }
      break;
    case 'working_days_after':
    case 'days_after':
      if (!Number.isInteger(rule.days) || rule.days < 1 || rule.days > 366) problems.push(`${rule.kind}: days must be a whole number from 1 to 366`);
      break;
    default:
      problems.push(`unknown rule kind ${(rule as { kind: unknown }).kind}`);
  }
  return problems;
}

// ---- Internals ----


/** The day a periodic rule names for a period, before any shift off a rest day. */
export function nominalDate(rule: PeriodicRule, period: Period): LocalDate {
  const { year, month } = parsePeriod(period);
  switch (rule.kind) {
    case 'day_of_month':
      return clampedDate(year, month, rule.day);
    case 'day_of_next_month': {
      const next = parsePeriod(addMonths(period, 1));
      return clampedDate(next.year, next.month, rule.day);
    }
    case 'day_in_quarter':
      return clampedDate(year, month - ((month - 1) % 3) + rule.monthOfQuarter - 1, rule.day);
    case 'date_in_year':
      return clampedDate(year, rule.month, rule.day);
  }
}

function clampedDate(year: number, month: number, day: number): LocalDate {
  return { year, month, day: Math.min(day, daysInMonth(year, month)) };
}

function shifted(nominal: LocalDate, shift: Shift, calendar: WorkCalendar, countedFrom?: LocalDate): Due {
  const base = countedFrom === undefined ? {} : { countedFrom };
  if (shift === 'none') return { ...base, nominal, date: nominal, at: endOfLocalDay(nominal), shift, provisional: false };
  const status = dayStatus(nominal, calendar);
  if (status.working) return { ...base, nominal, date: nominal, at: endOfLocalDay(nominal), shift, provisional: status.provisional };
  const date = shift === 'next_working_day' ? nextWorkingDay(nominal, calendar) : previousWorkingDay(nominal, calendar);
  const movedBecause: RestReason = status.holiday === undefined ? { kind: 'weekend' } : { kind: 'holiday', name: status.holiday };
  return { ...base, nominal, date, at: endOfLocalDay(date), shift, movedBecause, provisional: status.provisional || !coversYear(calendar, date.year) };
}

function isDayNumber(day: number): boolean {
  return Number.isInteger(day) && day >= 1 && day <= 31;
}
