/**
 * Deadlines as policy data (DOMAIN.md §6): rules that name the due day of a
 * period or count from an event, and the cadence of recurring items a county
 * keeps. Every deadline is an instant, the end of the due local day in
 * Shanghai — “by the 20th” (20日前) is on time until 24:00 on the 20th, as
 * `endOfDayInPeriod`.
 */
import { addDays, addMonths, daysInMonth, endOfLocalDay, parsePeriod, periodOf, toLocalDate, toPeriod, type LocalDate, type Period } from '../calendar/dates.js';
import { isPeriod, monthIndex } from '../calendar/months.js';
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

// ---- Cadence: the recurring items a county keeps ----

/**
 * - monthly_visit: visit every household, fill the visit form 走访服务信息采集表 [003, 004]
 * - monthly_update: members, income and spending, policies enjoyed, entered before the 20th [003]
 * - department_data_comparison: the county bureau compares data with 民政, 教育, 医保, 残联 [003]
 * - town_monthly_report: last month's risk and risk-eliminated households, by the 3rd [001]
 * - town_quarterly_screening: the town's quarterly screening 镇每季 [003]
 * - quarter_end_export: information officers export and analyse their area's data 每季度末 [003]
 * - employment_ledger: the ledger of lifted-out workers, fed back to 人社局 [003]
 * - hrss_quarter_summary: 人社局 sums up employment measures for the county bureau [003]
 * - medical_tally: the year's medical costs; over 10,000 yuan out of pocket → extra aid [000]
 * - measures_in_place: every object's measures in place (6月30日前) [001]
 * - assistance_count_report: counts of households and measures reported (9月中旬前) [004]
 */
export const DUE_ITEM_KINDS = [
  'monthly_visit',
  'monthly_update',
  'department_data_comparison',
  'town_monthly_report',
  'town_quarterly_screening',
  'quarter_end_export',
  'employment_ledger',
  'hrss_quarter_summary',
  'medical_tally',
  'measures_in_place',
  'assistance_count_report',
] as const;
export type DueItemKind = (typeof DUE_ITEM_KINDS)[number];

export const RESPONSIBLE = ['village', 'town', 'department', 'county'] as const;
export type Responsible = (typeof RESPONSIBLE)[number];

export const RECURRENCES = ['month', 'quarter', 'year'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

export interface CadenceItem {
  readonly kind: DueItemKind;
  readonly who: Responsible;
  /** The department in charge as the seed names it (人社局), when `who` is a department. */
  readonly department?: string;
  readonly every: Recurrence;
  readonly rule: PeriodicRule;
  /** The first month the item applies to; an occurrence is kept when its month, quarter or year reaches into the range. */
  readonly from?: Period;
  /** The last month, inclusive. */
  readonly to?: Period;
}

export type Cadence = readonly CadenceItem[];

/** One occurrence of a cadence item, e.g. the May 2023 monthly update. */
export interface Occurrence extends Due {
  /** Stable and unique within a sound cadence: `kind:who[:department]:periodKey`, for idempotent records. */
  readonly key: string;
  readonly item: CadenceItem;
  /** The month the occurrence is for; a quarter's first month; a year's January. */
  readonly period: Period;
  /** The period as people and the deadline register name it: `2026-11`, `2026-Q4`, `2026`. */
  readonly periodKey: string;
}

/** The deadline instant and every occurrence due at it. */
export interface NextDeadline {
  readonly at: number;
  readonly due: readonly Occurrence[];
}

const STEP_MONTHS: Record<Recurrence, number> = { month: 1, quarter: 3, year: 12 };

/** Which rule kinds fit which recurrence. */
export const RULES_FOR: Record<Recurrence, readonly PeriodicRule['kind'][]> = {
  month: ['day_of_month', 'day_of_next_month'],
  quarter: ['day_in_quarter'],
  year: ['date_in_year'],
};

/** The period that names the occurrence holding `period`: itself, its quarter's first month, its year's January. */
export function occurrencePeriod(every: Recurrence, period: Period): Period {
  const { year, month } = parsePeriod(period);
  if (every === 'month') return toPeriod(year, month);
  if (every === 'quarter') return toPeriod(year, month - ((month - 1) % 3));
  return toPeriod(year, 1);
}

/** `2026-11` for a month, `2026-Q4` for the quarter that holds it, `2026` for its year. */
export function periodKeyOf(every: Recurrence, period: Period): string {
  const { year, month } = parsePeriod(period);
  if (every === 'month') return toPeriod(year, month);
  if (every === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return String(year);
}

/** The occurrence of `item` that covers `period`, whether or not the item's range includes it. */
export function occurrenceFor(item: CadenceItem, period: Period, calendar: WorkCalendar): Occurrence {
  const own = occurrencePeriod(item.every, period);
  const periodKey = periodKeyOf(item.every, own);
  const due = resolveDue(item.rule, own, calendar);
  const department = item.department === undefined ? '' : `:${item.department}`;
  return { ...due, key: `${item.kind}:${item.who}${department}:${periodKey}`, item, period: own, periodKey };
}

/**
 * The first occurrence of `item` due strictly after `afterMs`, or undefined when
 * the item's range has ended. A workflow sleeps until `at`, handles the
 * occurrence, and asks again with `afterMs = at`: each occurrence is met once.
 */
export function nextDue(item: CadenceItem, afterMs: number, calendar: WorkCalendar): Occurrence | undefined {
  const step = STEP_MONTHS[item.every];
  // Three months back reaches every occurrence whose deadline, shifted or in the next month, can still be ahead.
  let period = occurrencePeriod(item.every, addMonths(periodOf(afterMs), -3));
  if (item.from !== undefined) {
    const first = occurrencePeriod(item.every, item.from);
    if (monthIndex(first) > monthIndex(period)) period = first;
  }
  const shift = item.rule.shift ?? 'none';
  for (let i = 0; i < 60; i++, period = addMonths(period, step)) {
    if (item.to !== undefined && monthIndex(period) > monthIndex(item.to)) return undefined;
    const nominalAt = endOfLocalDay(nominalDate(item.rule, period));
    const latest = shift === 'next_working_day' ? nominalAt + MAX_FORWARD_SHIFT_MS : nominalAt;
    if (latest <= afterMs) continue;
    const occurrence = occurrenceFor(item, period, calendar);
    if (occurrence.at > afterMs) return occurrence;
  }
  throw new RangeError(`cadence item ${item.kind}: no occurrence found after ${new Date(afterMs).toISOString()}`);
}

/** What the cadence has due next after `afterMs`, all items sharing the earliest instant; undefined when every item has ended. */
export function nextDeadline(cadence: Cadence, afterMs: number, calendar: WorkCalendar): NextDeadline | undefined {
  let next: NextDeadline | undefined;
  for (const item of cadence) {
    const occurrence = nextDue(item, afterMs, calendar);
    if (!occurrence) continue;
    if (!next || occurrence.at < next.at) next = { at: occurrence.at, due: [occurrence] };
    else if (occurrence.at === next.at) next = { at: next.at, due: [...next.due, occurrence] };
  }
  return next;
}

/** Every occurrence due in (fromMs, toMs], by deadline, then in cadence order. */
export function occurrencesBetween(cadence: Cadence, fromMs: number, toMs: number, calendar: WorkCalendar): Occurrence[] {
  const found: Array<{ occurrence: Occurrence; order: number }> = [];
  cadence.forEach((item, order) => {
    let occurrence = nextDue(item, fromMs, calendar);
    while (occurrence && occurrence.at <= toMs) {
      found.push({ occurrence, order });
      occurrence = nextDue(item, occurrence.at, calendar);
    }
  });
  return found.sort((a, b) => a.occurrence.at - b.occurrence.at || a.order - b.order).map((f) => f.occurrence);
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

/** What is wrong with a cadence, in English; empty when it is sound. */
export function cadenceProblems(cadence: Cadence): string[] {
  const problems: string[] = [];
  cadence.forEach((item, i) => {
    const label = `item ${i + 1} (${item.kind} by ${item.who})`;
    if (!DUE_ITEM_KINDS.includes(item.kind)) problems.push(`${label}: unknown kind`);
    if (!RESPONSIBLE.includes(item.who)) problems.push(`${label}: who must be one of ${RESPONSIBLE.join(', ')}`);
    if (item.department !== undefined && (item.who !== 'department' || item.department.trim() === '')) {
      problems.push(`${label}: a department is named only for an item a department is responsible for`);
    }
    if (!RECURRENCES.includes(item.every)) {
      problems.push(`${label}: every must be one of ${RECURRENCES.join(', ')}`);
    } else if (!RULES_FOR[item.every].includes(item.rule.kind as PeriodicRule['kind'])) {
      problems.push(`${label}: a ${item.rule.kind} rule does not fit an item due every ${item.every}`);
    }
    problems.push(...ruleProblems(item.rule).map((p) => `${label}: ${p}`));
    if ((item.from !== undefined && !isPeriod(item.from)) || (item.to !== undefined && !isPeriod(item.to))) {
      problems.push(`${label}: from and to must be YYYY-MM`);
    } else if (item.from !== undefined && item.to !== undefined && monthIndex(item.to) < monthIndex(item.from)) {
      problems.push(`${label}: ends before it starts`);
    }
  });
  for (let i = 0; i < cadence.length; i++) {
    for (let j = i + 1; j < cadence.length; j++) {
      const a = cadence[i]!;
      const b = cadence[j]!;
      if (a.kind === b.kind && a.who === b.who && a.department === b.department && rangesOverlap(a, b)) {
        problems.push(`items ${i + 1} and ${j + 1}: ${a.kind} by ${a.who} appears twice for the same months`);
      }
    }
  }
  return problems;
}

// ---- Internals ----

/** Further than any shift to the next working day can reach (the longest run of rest days is 10). */
const MAX_FORWARD_SHIFT_MS = 31 * 24 * 60 * 60 * 1000;

function nominalDate(rule: PeriodicRule, period: Period): LocalDate {
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

function rangesOverlap(a: CadenceItem, b: CadenceItem): boolean {
  const start = (item: CadenceItem) => (item.from === undefined ? -Infinity : monthIndex(item.from));
  const end = (item: CadenceItem) => (item.to === undefined ? Infinity : monthIndex(item.to));
  return start(a) <= end(b) && start(b) <= end(a);
}
