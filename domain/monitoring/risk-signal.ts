/**
 * What a monthly re-assessment means for a household 动态监测: a warning when
 * its risk rises, a proposal to eliminate the risk when it looks gone, a
 * return to monitoring when a household marked risk-eliminated meets new risk.
 * Pure: the workflow acts on the answer.
 */
import type { Period } from '../calendar/dates.js';
import { monitoringMessages as m } from '../messages/catalogue.js';
import { formatFen, formatYuan } from '../income/money.js';

/** What the workflow keeps of an assessment; the whole of it is in the household file. */
export interface AssessmentSummary {
  readonly profileId: string | null;
  readonly profileVersion: number | null;
  readonly period: Period;
  /** The household size the assessment used. */
  readonly members: number;
  readonly conclusion: 'eligible' | 'not_eligible' | 'undetermined';
  readonly perCapitaFen: number | null;
  /** The monitoring line and the warning line in force, in yuan, where the profile has them. */
  readonly monitoringLine: number | null;
  readonly warningLine: number | null;
  readonly belowMonitoring: boolean | null;
  readonly belowWarning: boolean | null;
  /** The focus analysis flags 重点分析 [004] as data; null where the profile has no criteria; absent on assessments stored before them. */
  readonly focus?: FocusSummary | null;
  /** Last year's per-capita income the assessment used, in yuan (null: not given); absent on older assessments. */
  readonly lastYearIncomePerCapita?: number | null;
  /** The risk causes the assessment counted as triggers; absent on older assessments. */
  readonly riskCauses?: readonly string[];
  readonly explanation: readonly string[];
}

/**
 * Whether an assessment qualifies the household for monitoring on the income
 * calculation: eligible, or income under the monitoring line (joint
 * identification with 民政 compares its 低保 / 特困 marks with this; the roster's
 * SQL filter, db/repositories/assistance-marks.ts jointCondition, reads the same).
 */
export const qualifiesForMonitoring = (summary: AssessmentSummary): boolean => summary.conclusion === 'eligible' || summary.belowMonitoring === true;

export const FOCUS_FLAGS = ['incomeDown', 'belowMonitoring', 'belowFocusLine', 'transferShareHigh', 'noLabourLowIncome'] as const;
export type FocusFlag = (typeof FOCUS_FLAGS)[number];

/**
 * The focus analysis flags of an assessment (domain/assessment/focus.ts
 * computes them): each flag `null` where the criterion cannot be judged (no
 * data or no line), and whether any is set.
 */
export type FocusSummary = { readonly [F in FocusFlag]: boolean | null } & { readonly any: boolean };

/** Where the household stands in the mechanism. */
export type MonitoringStatus = 'not_monitored' | 'monitored' | 'eliminated';

export type RiskSignal =
  | { readonly kind: 'none' }
  | { readonly kind: 'warning'; readonly reasons: readonly string[] }
  | { readonly kind: 'elimination_suggested'; readonly reasons: readonly string[] }
  | { readonly kind: 'reentry'; readonly reasons: readonly string[] };

/** The reasons a summary shows risk: under a line, or eligible for monitoring by the county's rule. */
function riskReasons(s: AssessmentSummary, previous: AssessmentSummary | null): string[] {
  const reasons: string[] = [];
  const perCapita = s.perCapitaFen === null ? '—' : formatFen(s.perCapitaFen);
  const newly = (now: boolean | null, before: boolean | null | undefined) => now === true && before !== true;
  if (newly(s.belowWarning, previous?.belowWarning) && s.warningLine !== null) {
    const changed = previous?.warningLine != null && previous.warningLine !== s.warningLine ? formatYuan(previous.warningLine) : null;
    reasons.push(m.belowWarning(s.period, perCapita, formatYuan(s.warningLine), changed));
  }
  if (newly(s.belowMonitoring, previous?.belowMonitoring) && s.monitoringLine !== null) {
    reasons.push(m.belowMonitoring(s.period, perCapita, formatYuan(s.monitoringLine)));
  }
  if (s.conclusion === 'eligible' && previous?.conclusion !== 'eligible') reasons.push(m.eligibleAgain(s.period));
  return reasons;
}

/**
 * The signal of this month's assessment, compared with the previous one. A
 * warning is raised only when the risk rises — a line newly crossed (also when
 * the line itself rose, as Xinfeng's did in November 2023) or the household
 * newly eligible — not again every month it stays under the line.
 */
export function riskSignal(status: MonitoringStatus, current: AssessmentSummary, previous: AssessmentSummary | null): RiskSignal {
  if (current.conclusion === 'undetermined' && current.perCapitaFen === null) return { kind: 'none' };
  const rising = riskReasons(current, previous);
  if (status === 'eliminated') return rising.length > 0 || current.belowMonitoring === true ? { kind: 'reentry', reasons: rising.length > 0 ? rising : [m.stillBelow(current.period)] } : { kind: 'none' };
  if (rising.length > 0) return { kind: 'warning', reasons: rising };
  const clear = current.conclusion === 'not_eligible' && current.belowMonitoring === false && current.belowWarning !== true;
  if (status === 'monitored' && clear) {
    return { kind: 'elimination_suggested', reasons: [m.riskLooksGone(current.period, current.perCapitaFen === null ? '—' : formatFen(current.perCapitaFen), current.monitoringLine === null ? '—' : formatYuan(current.monitoringLine))] };
  }
  return { kind: 'none' };
}
