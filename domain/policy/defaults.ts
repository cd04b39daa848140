/**
 * What a profile holds where its seed is silent. Each is a design decision
 * (DOMAIN.md §9 or our reading), kept as data so a county can override it in
 * a new version of its profile.
 */
import type { Cadence, CadenceItem } from '../deadlines/cadence.js';
import { DEFAULT_IDENTIFICATION_STEPS } from '../identification/steps.js';
import type { TriggerRules } from '../assessment/triggers.js';
import type { PracticeNote } from '../measures/catalogue.js';

/** application → village review 村组评议 → public notice 公示 → town audit 乡镇审核 → county decision 县级确定. */
export const DESIGN_IDENTIFICATION_STEPS = DEFAULT_IDENTIFICATION_STEPS;

/** “7 days is common” (DOMAIN.md §9). */
export const DEFAULT_PUBLIC_NOTICE_DAYS = 7;

/**
 * The seeds say “刚性支出明显超过上年度收入和收入大幅缩减” [001, 002] without
 * numbers. We flag rigid spending above last year's income (100 %) and a drop
 * of 30 % or more; the village review 村组评议 still judges the case.
 */
export const DEFAULT_TRIGGER_RULES: TriggerRules = {
  rigidSpendingAbovePercentOfLastYearIncome: 100,
  sharpIncomeDropPercent: 30,
};

/** The note of a profile whose seed gives no numbers for the triggers: they are DEFAULT_TRIGGER_RULES. */
export const PRACTICE_TRIGGER_RULES: PracticeNote = { field: 'triggerRules', note: '文件未给刚性支出、收入下降的判断数值；按通行做法：刚性支出超过上年收入、收入下降30%' };

/** The note of a profile whose seed is silent on eliminating a household without labour (eliminationAllowsNoLabour false). */
export const PRACTICE_NO_LABOUR: PracticeNote = { field: 'eliminationAllowsNoLabour', note: '文件未规定；按通行做法，无劳动能力户一般不标注风险消除' };

/** 每月20日前 [003]; the other seeds give no day, so the design uses the same. */
export const DEFAULT_MONTHLY_UPDATE_DAY = 20;

/**
 * A visit to every household each month: the seeds that set a visiting
 * cadence make it monthly (村每月 [003], 月走访 [004]) and name no day, so it is
 * due by the month's last day.
 */
export const MONTHLY_VISIT: CadenceItem = {
  kind: 'monthly_visit',
  who: 'village',
  every: 'month',
  rule: { kind: 'day_of_month', day: 31, shift: 'none' },
};

/** The monthly update by the end of `day` (每月N日前), never moved off a weekend: no seed moves it. */
export function monthlyUpdateItem(day: number): CadenceItem {
  return { kind: 'monthly_update', who: 'village', every: 'month', rule: { kind: 'day_of_month', day, shift: 'none' } };
}

/** The town's report of last month's risk and risk-eliminated households by `day` of the next month [001]. */
export function townMonthlyReportItem(day: number): CadenceItem {
  return { kind: 'town_monthly_report', who: 'town', every: 'month', rule: { kind: 'day_of_next_month', day, shift: 'none' } };
}

/** The design's cadence where a seed is silent: the monthly visit, and the monthly update by the 20th. */
export const DEFAULT_CADENCE: Cadence = [MONTHLY_VISIT, monthlyUpdateItem(DEFAULT_MONTHLY_UPDATE_DAY)];
