/**
 * Household income and spending by month, and the projection of annual
 * disposable income 家庭可支配收入 over a county's income window:
 * `sum ÷ months × 12` [002, 004].
 *
 * Amounts are entered in yuan and computed in fen (see money.ts for the
 * rounding rule: to the fen, half up). Each figure shown is rounded from the
 * figure shown before it — the projection from the sum, the per-capita amount
 * from the projection — so a town officer can redo every step with a
 * calculator and get the same fen.
 */
import { addMonths, parsePeriod, toPeriod, type Period } from '../calendar/dates.js';
import { incomeMessages } from '../messages/catalogue.js';
import { divideRounded, formatFen, yuanToFen, type Fen } from './money.js';
import { inSpan, isPeriod, monthIndex, monthsBetween, periodsOf, type MonthSpan } from '../calendar/months.js';

/** 工资性收入 · 生产经营性净收入 · 财产性净收入 · 转移性收入 */
export const INCOME_KINDS = ['wages', 'production_net', 'property', 'transfer'] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

/** 医疗 · 教育 · 灾害 · 残疾 · 其他 */
export const SPENDING_KINDS = ['medical', 'schooling', 'disaster', 'disability', 'other'] as const;
export type SpendingKind = (typeof SPENDING_KINDS)[number];

export interface IncomeRecord {
  readonly period: Period;
  readonly kind: IncomeKind;
  /** Net income may be negative for production and property (a loss); wages and transfers may not. */
  readonly yuan: number;
}

export interface SpendingRecord {
  readonly period: Period;
  readonly kind: SpendingKind;
  /** What the household paid itself, after insurance and aid. */
  readonly yuan: number;
  /** Rigid spending 刚性支出: unavoidable (treatment, schooling, repairs after a disaster). */
  readonly rigid: boolean;
}

/**
 * Which months income is collected over, held in the policy profile.
 * - `since_previous_december`: from the previous December to the assessment
 *   month; the income year runs December to November [002]. In December a new
 *   income year begins, so the window is that December alone.
 * - `fixed`: the collected months `from`…`to`, projected as the income of
 *   `projectsYear` [004]. Before `to`, only the months up to the assessment are used.
 * - `trailing`: the last `months` months, ending with the assessment month.
 */
export type IncomeWindow =
  | { readonly kind: 'since_previous_december' }
  | { readonly kind: 'fixed'; readonly from: Period; readonly to: Period; readonly projectsYear: number }
  | { readonly kind: 'trailing'; readonly months: number };

export interface ResolvedWindow {
  /** The months whose records are summed. */
  readonly actual: MonthSpan;
  readonly months: number;
  /** The twelve months the projection stands for. */
  readonly projected: MonthSpan;
}

/**
 * Whether the window gives the income of an assessment in `period`. A fixed
 * window stands for one year's income [004: “2022年度收入以过去的9个月…作为全年预估收入”]
 * and says nothing of the years after it: an assessment in a later year has no
 * income window until the county sets one (the assessment says so, never
 * projecting the old year's months as this year's income).
 */
export function windowCovers(window: IncomeWindow, period: Period): boolean {
  return window.kind !== 'fixed' || parsePeriod(period).year <= window.projectsYear;
}

/** What is wrong with a window a profile holds (English, for the county's IT person; the draft screen says it in Chinese). */
export function windowProblems(window: IncomeWindow): string[] {
  switch (window.kind) {
    case 'since_previous_december':
      return [];
    case 'trailing':
      return Number.isInteger(window.months) && window.months >= 1 && window.months <= 12 ? [] : ['a trailing income window is 1 to 12 months'];
    case 'fixed': {
      if (!isPeriod(window.from) || !isPeriod(window.to) || monthIndex(window.to) < monthIndex(window.from)) return ['a fixed income window runs from a month to a month not before it (YYYY-MM)'];
      return Number.isInteger(window.projectsYear) && window.projectsYear >= parsePeriod(window.from).year ? [] : ['a fixed income window projects a year not before its first month'];
    }
    default:
      return ['an income window is since_previous_december, trailing or fixed'];
  }
}

export function resolveWindow(window: IncomeWindow, assessmentPeriod: Period): ResolvedWindow {
  const { year, month } = parsePeriod(assessmentPeriod);
  switch (window.kind) {
    case 'since_previous_december': {
      const from = month === 12 ? assessmentPeriod : toPeriod(year - 1, 12);
      return resolved({ from, to: assessmentPeriod }, { from, to: addMonths(from, 11) });
    }
    case 'fixed': {
      if (monthIndex(window.to) < monthIndex(window.from)) throw new RangeError(`income window ends before it starts: ${window.from}…${window.to}`);
      if (monthIndex(assessmentPeriod) < monthIndex(window.from)) {
        throw new RangeError(`assessment ${assessmentPeriod} is before the income window ${window.from}…${window.to}`);
      }
      if (!windowCovers(window, assessmentPeriod)) {
        throw new RangeError(`the income window ${window.from}…${window.to} projects ${window.projectsYear}, not the income of an assessment in ${assessmentPeriod}`);
      }
      const to = monthIndex(assessmentPeriod) < monthIndex(window.to) ? assessmentPeriod : window.to;
      return resolved({ from: window.from, to }, { from: toPeriod(window.projectsYear, 1), to: toPeriod(window.projectsYear, 12) });
    }
    case 'trailing': {
      if (!Number.isInteger(window.months) || window.months < 1 || window.months > 12) {
        throw new RangeError(`a trailing income window is 1 to 12 months, not ${window.months}`);
      }
      const from = addMonths(assessmentPeriod, 1 - window.months);
      return resolved({ from, to: assessmentPeriod }, { from, to: addMonths(from, 11) });
    }
  }
}

export interface IncomeTotal {
  readonly totalFen: Fen;
  readonly byKindFen: Readonly<Record<IncomeKind, Fen>>;
  /** Months of the span with no income record at all (counted as zero). */
  readonly monthsWithoutRecords: readonly Period[];
}

/** Household disposable income over a span of months: the sum of its records. */
export function householdIncome(records: readonly IncomeRecord[], span: MonthSpan): IncomeTotal {
  const byKindFen: Record<IncomeKind, Fen> = { wages: 0, production_net: 0, property: 0, transfer: 0 };
  const recorded = new Set<string>();
  for (const record of records) {
    checkIncomeRecord(record);
    if (!inSpan(record.period, span)) continue;
    byKindFen[record.kind] += yuanToFen(record.yuan);
    recorded.add(record.period);
  }
  const totalFen = INCOME_KINDS.reduce((sum, kind) => sum + byKindFen[kind], 0);
  return { totalFen, byKindFen, monthsWithoutRecords: periodsOf(span).filter((p) => !recorded.has(p)) };
}

export interface SpendingTotal {
  readonly totalFen: Fen;
  readonly byKindFen: Readonly<Record<SpendingKind, Fen>>;
}

/** Rigid spending 刚性支出 over a span of months (non-rigid records are left out). */
export function rigidSpending(records: readonly SpendingRecord[], span: MonthSpan): SpendingTotal {
  const byKindFen: Record<SpendingKind, Fen> = { medical: 0, schooling: 0, disaster: 0, disability: 0, other: 0 };
  for (const record of records) {
    checkSpendingRecord(record);
    if (record.rigid && inSpan(record.period, span)) byKindFen[record.kind] += yuanToFen(record.yuan);
  }
  return { totalFen: SPENDING_KINDS.reduce((sum, kind) => sum + byKindFen[kind], 0), byKindFen };
}

export interface IncomeProjection {
  readonly window: ResolvedWindow;
  readonly income: IncomeTotal;
  /** The actual sum over the window's months. */
  readonly sumFen: Fen;
  /** `sum ÷ months × 12`, rounded to the fen. */
  readonly annualFen: Fen;
  /** One line of Simplified Chinese: months, sum, formula, projection. */
  readonly explanation: string;
}

export function projectAnnualIncome(records: readonly IncomeRecord[], window: IncomeWindow, assessmentPeriod: Period): IncomeProjection {
  const resolvedWindow = resolveWindow(window, assessmentPeriod);
  const income = householdIncome(records, resolvedWindow.actual);
  const annualFen = divideRounded(income.totalFen * 12, resolvedWindow.months);
  return {
    window: resolvedWindow,
    income,
    sumFen: income.totalFen,
    annualFen,
    explanation: incomeMessages.projection({
      from: resolvedWindow.actual.from,
      to: resolvedWindow.actual.to,
      months: resolvedWindow.months,
      sum: formatFen(income.totalFen),
      projectedFrom: resolvedWindow.projected.from,
      projectedTo: resolvedWindow.projected.to,
      annual: formatFen(annualFen),
    }),
  };
}

/** An amount for the whole household shared over its members, to the fen. */
export function perCapitaFen(householdFen: Fen, members: number): Fen {
  checkMembers(members);
  return divideRounded(householdFen, members);
}

function checkMembers(members: number): void {
  if (!Number.isInteger(members) || members < 1) throw new RangeError(`a household has at least one member, not ${members}`);
}

function checkIncomeRecord(record: IncomeRecord): void {
  parsePeriod(record.period);
  if (!Number.isFinite(record.yuan)) throw new RangeError(`income of ${record.period} is not a number`);
  if (record.yuan < 0 && (record.kind === 'wages' || record.kind === 'transfer')) {
    throw new RangeError(`${record.kind} income of ${record.period} cannot be negative`);
  }
}

function checkSpendingRecord(record: SpendingRecord): void {
  parsePeriod(record.period);
  if (!Number.isFinite(record.yuan) || record.yuan < 0) throw new RangeError(`spending of ${record.period} must be a non-negative number`);
}

function resolved(actual: MonthSpan, projected: MonthSpan): ResolvedWindow {
  return { actual, months: monthsBetween(actual), projected };
}
