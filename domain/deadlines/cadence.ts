/**
 * The cadence 工作节奏 a county keeps (DOMAIN.md §6): its recurring items —
 * the monthly visit and update, the town's report, quarterly screenings, the
 * departments' data — each with who is responsible, how often and by which
 * deadline rule, and the occurrences they fall due at.
 */
import { addMonths, endOfLocalDay, parsePeriod, periodOf, toPeriod, type Period } from '../calendar/dates.js';
import { isPeriod, monthIndex } from '../calendar/months.js';
import type { WorkCalendar } from '../calendar/working-days.js';
import { nominalDate, resolveDue, ruleProblems, type Due, type PeriodicRule } from './rules.js';

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
 * - county_screening: at least one county-wide screening 集中排查 a year (national practice, DOMAIN.md §10)
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
  'county_screening',
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

/** Further than any shift to the next working day can reach (the longest run of rest days is 10). */
const MAX_FORWARD_SHIFT_MS = 31 * 24 * 60 * 60 * 1000;

function rangesOverlap(a: CadenceItem, b: CadenceItem): boolean {
  const start = (item: CadenceItem) => (item.from === undefined ? -Infinity : monthIndex(item.from));
  const end = (item: CadenceItem) => (item.to === undefined ? Infinity : monthIndex(item.to));
  return start(a) <= end(b) && start(b) <= end(a);
}
