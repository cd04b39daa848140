/**
 * A county's policy profile 政策配置: its thresholds, income window,
 * identification steps and review rules, as data with effective dates. A
 * policy change is a new version with a later `effectiveFrom`, never a code
 * branch; a stored version is never edited, so a decision of 2021 can still be
 * explained in 2026 by the version it used.
 */
import type { Period } from '../calendar/dates.js';
import { clockProblems, type ProcedureClocks } from '../identification/clocks.js';
import { eliminationSteps } from '../identification/elimination.js';
import type { TaskPolicy } from '../measures/tasks.js';
import type { MeasureCatalogue } from '../measures/catalogue.js';
import { catalogueProblems } from '../measures/catalogue-problems.js';
import { type PeriodicRule } from '../deadlines/rules.js';
import { cadenceProblems, type Cadence } from '../deadlines/cadence.js';
import type { IdentificationStep } from '../identification/steps.js';
import { windowProblems, type IncomeWindow } from '../income/projection.js';
import type { TriggerRules } from '../assessment/triggers.js';
import { isPeriod, monthIndex } from '../calendar/months.js';
import { MONTHLY_VISIT, monthlyUpdateItem, townMonthlyReportItem } from './defaults.js';
import { versionProblems, type SeedId } from './versioned.js';
import { selfReportPolicyProblems, type SelfReportPolicy } from '../self-report/policy.js';
import type { PracticeNote } from '../measures/catalogue.js';
import { deriveYearlyLines, yearlyRuleProblems, type YearlyLineRule } from './yearly-lines.js';
import { seedTextProblems, type CategoryName, type DeadlineReading, type ProcedureStep } from './seed-text.js';
import { standingPracticeProblems, type StandingPractice } from './standing.js';
import { assessmentPolicyProblems, type AssessmentPolicy } from '../supervision/assessment.js';
import { riskColourRulesProblems, type RiskColourRules } from '../monitoring/risk-colour.js';
import { comparisonPolicyProblems, type ComparisonPolicy } from '../comparison/policy.js';
import type { SeedQuote } from '../identification/elimination-conditions.js';

export type { SeedId } from './versioned.js';
export type { TriggerRules } from '../assessment/triggers.js';

/** The seed document a rule comes from (DOMAIN.md: 000 Boluo … 004 Suyuan). */


/**
 * - monitoring 监测标准: the income line for inclusion in monitoring.
 * - warning 预警线: a higher line whose households are warned about and helped more [003].
 * - focus 重点分析线: below it a household gets a focus analysis [004].
 * - floor 底线: the least the monitoring line may be set at [002].
 */
export const THRESHOLD_KINDS = ['monitoring', 'warning', 'focus', 'floor'] as const;
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number];

/**
 * How income is compared with the line, following the seed's wording:
 * `below` for 低于 (strictly less); `at_or_below` for 以下, which in Chinese
 * law includes the number itself (民法典 第一千二百五十九条: “以下”包括本数).
 */
export type Comparison = 'below' | 'at_or_below';

export interface ThresholdRow {
  readonly kind: ThresholdKind;
  readonly from: Period;
  /** Inclusive; open-ended until a new version replaces the profile when absent. */
  readonly to?: Period;
  readonly yuanPerPersonYear: number;
  readonly comparison: Comparison;
  /** What the line is, in Chinese, as the seed puts it. */
  readonly meaning: string;
  /** The seed the line is from, or `county` for a line the county entered (no seed gives it). */
  readonly source: SeedId | 'county';
  /** The seed's own words. */
  readonly quote: string;
  /** A caveat shown with the line (e.g. a rounded figure the seed also mentions). */
  readonly note?: string;
}

/**
 * How the trigger and the income line combine into eligibility for monitoring:
 * - `trigger_and_below`: a trigger 风险情形 and income under the line [002].
 * - `trigger_or_below`: either one [001: 低于…的家庭，以及…的家庭].
 * - `below_only`: income under the line brings the household into scope [003].
 */
export type InclusionRule = 'trigger_and_below' | 'trigger_or_below' | 'below_only';


/** The focus analysis 重点分析 of [004]: which criteria flag a household. */
export interface FocusCriteria {
  readonly source: SeedId;
  /** 收入下降: income down on last year. */
  readonly incomeDown: boolean;
  /** 低于监测标准: under the monitoring line. */
  readonly belowMonitoring: boolean;
  /** 低于全国脱贫人口平均水平: under the `focus` line. */
  readonly belowFocusLine: boolean;
  /** 转移性收入占比过高: transfer income above this percentage of all income. */
  readonly transferSharePercentAbove?: number;
  /** 整户无劳力且收入较低: no member able to work, and income under this line. */
  readonly noLabourLowIncomeBelow?: ThresholdKind;
}

export interface PolicyProfile {
  /** Stable per county (`xinfeng`); versions share it. */
  readonly id: string;
  readonly version: number;
  readonly countyName: string;
  /** The first month this version governs. */
  readonly effectiveFrom: Period;
  /** The document, as cited on paper. */
  readonly document: string;
  readonly sources: readonly SeedId[];
  /** 人均可支配收入 (disposable) or the older 人均纯收入 (net) the seed speaks of. */
  readonly incomeMeasure: 'disposable' | 'net';
  readonly thresholds: readonly ThresholdRow[];
  readonly incomeWindow: IncomeWindow;
  readonly inclusionRule: InclusionRule;
  readonly triggerRules: TriggerRules;
  readonly identificationSteps: readonly IdentificationStep[];
  /** Days of the public notice 公示, present exactly when the steps include it. */
  readonly publicNoticeDays?: number;
  /** Working-day clocks on the identification's steps and on the whole case (DOMAIN.md §9); absent: none. */
  readonly identificationClocks?: ProcedureClocks;
  /** The same for risk elimination, whose steps are the proposal, the notice where there is one, the town and the county. */
  readonly eliminationClocks?: ProcedureClocks;
  readonly focusCriteria?: FocusCriteria;
  /** Whether a household with no member able to work may be marked risk-eliminated. */
  readonly eliminationAllowsNoLabour: boolean;
  /** The seed's words on when the risk counts as eliminated (a judgment people make); absent: the document says nothing. */
  readonly eliminationBasis?: readonly SeedQuote[];
  /** The county's assistance measures with their departments, deadlines and rules; absent: the design's catalogue. */
  readonly measureCatalogue?: MeasureCatalogue;
  /** When department tasks are reminded and escalated; absent: the design's (3 days before, supervisors 7 days after). */
  readonly measureTasks?: Partial<TaskPolicy>;
  /** The monthly items a household marked risk-eliminated still has (light monitoring); the design's: the visit. */
  readonly lightMonitoring?: readonly ('monthly_update' | 'monthly_visit')[];
  /** The monthly update is due by the end of this day (每月20日前) [003]. */
  readonly monthlyUpdateDay: number;
  /** The town reports last month's risk and risk-eliminated households by this day of the next month [001]. */
  readonly townReportDayOfNextMonth?: number;
  /**
   * The recurring items the county keeps and their deadlines (DOMAIN.md §6).
   * Its monthly update and town report agree with the two fields above, which
   * older code reads; a stored version without it has the cadence `cadenceOf` derives.
   */
  readonly cadence?: Cadence;
  /** Household self-report 农户自主申报: the township's visit clock and the hotline; absent or without a field: 未配置 (no seed gives them). */
  readonly selfReport?: SelfReportPolicy;
  /** Lines set each year by a rule over yearly data [002]; a year whose input no document gives has no line. */
  readonly yearlyLines?: readonly YearlyLineRule[];
  /** The categories as the county names them; absent: the three national categories (national practice). */
  readonly categories?: readonly CategoryName[];
  /** The procedure in the county's own words, each step carried by one of `identificationSteps`. */
  readonly procedure?: readonly ProcedureStep[];
  /** How a deadline's wording is read (每月20日前), with the seed's words. */
  readonly readings?: readonly DeadlineReading[];
  /** The rules the seed does not give, which the profile takes from national practice (see seed-text.ts). */
  readonly practice?: readonly PracticeNote[];
  /** National practice as of 2026 (常态化帮扶), for a profile a new county starts from. */
  readonly standingPractice?: StandingPractice;
  /** The monthly assessment 考核 of towns and departments: weights and days; absent or without a field: 未配置 (no seed gives them). */
  readonly assessment?: AssessmentPolicy;
  /** Risk colours 红黄绿 per household: which conditions make red and yellow; absent: 未配置 (no seed gives them). */
  readonly riskColours?: RiskColourRules;
  /** Department data comparison 部门数据比对: follow-up days, lines, feeds; absent or without a field: 未配置 / the design's feeds. */
  readonly comparison?: ComparisonPolicy;
}

/** A threshold as applied: always with the profile version it came from. */
export interface ThresholdInForce {
  readonly profileId: string;
  readonly profileVersion: number;
  readonly countyName: string;
  readonly period: Period;
  readonly row: ThresholdRow;
}

export type ProfileRegistry = Readonly<Record<string, readonly PolicyProfile[]>>;

/**
 * The threshold row of `kind` in force for `period`, or undefined when the
 * profile has none for that month. Of overlapping rows the one that starts
 * latest wins (`profileProblems` reports overlaps).
 */
export function thresholdFor(profile: PolicyProfile, kind: ThresholdKind, period: Period): ThresholdInForce | undefined {
  const at = monthIndex(period);
  let best: ThresholdRow | undefined;
  for (const row of thresholdRows(profile)) {
    if (row.kind !== kind || at < monthIndex(row.from)) continue;
    if (row.to !== undefined && at > monthIndex(row.to)) continue;
    if (!best || monthIndex(row.from) > monthIndex(best.from)) best = row;
  }
  if (!best) return undefined;
  return { profileId: profile.id, profileVersion: profile.version, countyName: profile.countyName, period, row: best };
}

/** The profile's lines: those it states and those its yearly rules derive from the inputs it holds. */
export function thresholdRows(profile: PolicyProfile): readonly ThresholdRow[] {
  if (!profile.yearlyLines?.length) return profile.thresholds;
  const floorOf = (year: number) => {
    const at = monthIndex(`${year}-01`);
    return profile.thresholds.find((r) => r.kind === 'floor' && at >= monthIndex(r.from) && (r.to === undefined || at <= monthIndex(r.to)))?.yuanPerPersonYear;
  };
  const derived = profile.yearlyLines.flatMap((rule) => deriveYearlyLines(rule, floorOf)).flatMap((y) => (y.status === 'derived' ? [y.line] : []));
  return [...profile.thresholds, ...derived];
}

/**
 * The profile's cadence; for a version stored before cadences existed, the
 * design's monthly visit with the update and town report its fields give.
 */
export function cadenceOf(profile: PolicyProfile): Cadence {
  if (profile.cadence) return profile.cadence;
  const report = profile.townReportDayOfNextMonth;
  return [MONTHLY_VISIT, monthlyUpdateItem(profile.monthlyUpdateDay), ...(report === undefined ? [] : [townMonthlyReportItem(report)])];
}

/** Whether income (per person per year, in fen) is under the line by the row's own comparison. */
export function isUnder(perCapitaFen: number, row: ThresholdRow): boolean {
  const lineFen = Math.round(row.yuanPerPersonYear * 100);
  return row.comparison === 'below' ? perCapitaFen < lineFen : perCapitaFen <= lineFen;
}

/** The version of profile `id` in force for `period`: the latest `effectiveFrom` not after it. */
export function versionInForce(registry: ProfileRegistry, id: string, period: Period): PolicyProfile | undefined {
  const at = monthIndex(period);
  let best: PolicyProfile | undefined;
  for (const profile of registry[id] ?? []) {
    if (monthIndex(profile.effectiveFrom) > at) continue;
    if (!best || monthIndex(profile.effectiveFrom) > monthIndex(best.effectiveFrom)) best = profile;
  }
  return best;
}

/** One exact version, to explain or replay a past decision. */
export function exactVersion(registry: ProfileRegistry, id: string, version: number): PolicyProfile | undefined {
  return (registry[id] ?? []).find((p) => p.version === version);
}

/**
 * What is wrong with a profile (or a registry's versions of it), in English for
 * whoever maintains the data; empty when it is sound.
 */
export function profileProblems(profile: PolicyProfile): string[] {
  const { where, problems } = versionProblems(profile);
  problems.push(...windowProblems(profile.incomeWindow).map((p) => `${where}: ${p}`));

  for (const row of profile.thresholds) {
    const label = `${where}: ${row.kind} ${row.from}…${row.to ?? ''}`;
    if (!isPeriod(row.from) || (row.to !== undefined && !isPeriod(row.to))) {
      problems.push(`${label}: months must be YYYY-MM`);
      continue;
    }
    if (row.to !== undefined && monthIndex(row.to) < monthIndex(row.from)) problems.push(`${label}: ends before it starts`);
    if (!(row.yuanPerPersonYear > 0) || Math.round(row.yuanPerPersonYear * 100) !== row.yuanPerPersonYear * 100) {
      problems.push(`${label}: the line must be a positive amount to the fen`);
    }
    if (row.comparison !== 'below' && row.comparison !== 'at_or_below') problems.push(`${label}: the comparison must be 'below' or 'at_or_below'`);
    if (typeof row.meaning !== 'string' || typeof row.quote !== 'string' || row.meaning.trim() === '' || row.quote.trim() === '') problems.push(`${label}: meaning and quote are required`);
  }
  for (const rule of profile.yearlyLines ?? []) problems.push(...yearlyRuleProblems(rule, where));
  for (const kind of THRESHOLD_KINDS) {
    const rows = thresholdRows(profile).filter((r) => r.kind === kind && isPeriod(r.from) && (r.to === undefined || isPeriod(r.to)));
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        if (overlap(rows[i]!, rows[j]!)) problems.push(`${where}: two ${kind} lines overlap (${rows[i]!.from} and ${rows[j]!.from})`);
      }
    }
  }

  const steps = profile.identificationSteps;
  if (steps[0] !== 'application') problems.push(`${where}: identification must begin with the application`);
  if (new Set(steps).size !== steps.length) problems.push(`${where}: an identification step appears twice`);
  const notice = profile.publicNoticeDays;
  if (steps.includes('public_notice') !== (notice !== undefined)) {
    problems.push(`${where}: publicNoticeDays must be set exactly when the steps include the public notice`);
  }
  if (notice !== undefined && (!Number.isInteger(notice) || notice < 1)) problems.push(`${where}: publicNoticeDays must be a positive integer`);
  if (profile.identificationClocks) problems.push(...clockProblems(profile.identificationClocks, steps, where));
  if (profile.eliminationClocks) problems.push(...clockProblems(profile.eliminationClocks, eliminationSteps(notice), `${where} (elimination)`));

  const { rigidSpendingAbovePercentOfLastYearIncome: rigid, sharpIncomeDropPercent: drop } = profile.triggerRules;
  if (!(rigid > 0)) problems.push(`${where}: the rigid-spending trigger needs a positive percentage`);
  if (!(drop > 0 && drop <= 100)) problems.push(`${where}: the income-drop trigger needs a percentage in (0, 100]`);
  if (!Number.isInteger(profile.monthlyUpdateDay) || profile.monthlyUpdateDay < 1 || profile.monthlyUpdateDay > 28) {
    problems.push(`${where}: monthlyUpdateDay must be a day that every month has (1–28)`);
  }
  const report = profile.townReportDayOfNextMonth;
  if (report !== undefined && (!Number.isInteger(report) || report < 1 || report > 28)) {
    problems.push(`${where}: townReportDayOfNextMonth must be a day that every month has (1–28)`);
  }
  if (profile.cadence !== undefined) {
    problems.push(...cadenceProblems(profile.cadence).map((p) => `${where}: cadence ${p}`));
    problems.push(...cadenceAgreementProblems(profile).map((p) => `${where}: ${p}`));
  }
  if (profile.selfReport) problems.push(...selfReportPolicyProblems(profile.selfReport, where));
  problems.push(...seedTextProblems(profile, steps, profile.monthlyUpdateDay, where));
  if (profile.standingPractice) problems.push(...standingPracticeProblems(profile.standingPractice, profile.publicNoticeDays, where));
  if (profile.assessment) problems.push(...assessmentPolicyProblems(profile.assessment, where));
  if (profile.riskColours) problems.push(...riskColourRulesProblems(profile.riskColours, where));
  if (profile.comparison) problems.push(...comparisonPolicyProblems(profile.comparison, where));
  if (profile.measureCatalogue) problems.push(...catalogueProblems(profile.measureCatalogue).map((p) => `${where}: measure catalogue: ${p}`));
  const share = profile.focusCriteria?.transferSharePercentAbove;
  if (share !== undefined && !isTransferSharePercent(share)) problems.push(`${where}: the transfer share must be a percentage in (0, 100)`);
  if (profile.focusCriteria?.belowFocusLine && !profile.thresholds.some((r) => r.kind === 'focus')) {
    problems.push(`${where}: the focus criteria use a focus line the profile does not have`);
  }
  return problems;
}

/** A transfer-income share 转移性收入占比 a focus criterion may name: a percentage strictly between 0 and 100. */
export const isTransferSharePercent = (share: unknown): share is number => typeof share === 'number' && share > 0 && share < 100;

/** Problems across all versions of every county: each version sound, versions distinct in number and start. */
export function registryProblems(registry: ProfileRegistry): string[] {
  const problems: string[] = [];
  for (const [id, versions] of Object.entries(registry)) {
    for (const profile of versions) {
      if (profile.id !== id) problems.push(`${id}: holds a profile with id ${profile.id}`);
      problems.push(...profileProblems(profile));
    }
    if (new Set(versions.map((p) => p.version)).size !== versions.length) problems.push(`${id}: a version number appears twice`);
    if (new Set(versions.map((p) => p.effectiveFrom)).size !== versions.length) problems.push(`${id}: two versions start in the same month`);
  }
  return problems;
}

/**
 * The cadence must give the monthly update and the town report the days
 * `monthlyUpdateDay` and `townReportDayOfNextMonth` name; the cadence alone may
 * move them off non-working days (the deadline register follows the cadence).
 */
function cadenceAgreementProblems(profile: PolicyProfile): string[] {
  const problems: string[] = [];
  const cadence = profile.cadence ?? [];
  const updates = cadence.filter((item) => item.kind === 'monthly_update');
  if (updates.length === 0) problems.push(`the cadence has no monthly_update, but monthlyUpdateDay is ${profile.monthlyUpdateDay}`);
  for (const { rule } of updates) {
    if (rule.kind !== 'day_of_month' || rule.day !== profile.monthlyUpdateDay) {
      problems.push(`the cadence's monthly_update (${describe(rule)}) disagrees with monthlyUpdateDay ${profile.monthlyUpdateDay} (day_of_month)`);
    }
  }
  const reportDay = profile.townReportDayOfNextMonth;
  const reports = cadence.filter((item) => item.kind === 'town_monthly_report');
  if (reportDay === undefined && reports.length > 0) problems.push('the cadence has a town_monthly_report, but townReportDayOfNextMonth is not set');
  if (reportDay !== undefined && reports.length === 0) problems.push(`the cadence has no town_monthly_report, but townReportDayOfNextMonth is ${reportDay}`);
  for (const { rule } of reportDay === undefined ? [] : reports) {
    if (rule.kind !== 'day_of_next_month' || rule.day !== reportDay) {
      problems.push(`the cadence's town_monthly_report (${describe(rule)}) disagrees with townReportDayOfNextMonth ${reportDay} (day_of_next_month)`);
    }
  }
  return problems;
}

function describe(rule: PeriodicRule): string {
  return `${rule.kind} ${rule.day}, shift ${rule.shift ?? 'none'}`;
}

function overlap(a: ThresholdRow, b: ThresholdRow): boolean {
  const aEnd = a.to === undefined ? Infinity : monthIndex(a.to);
  const bEnd = b.to === undefined ? Infinity : monthIndex(b.to);
  return monthIndex(a.from) <= bEnd && monthIndex(b.from) <= aEnd;
}
