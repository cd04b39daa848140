/**
 * The focus analysis 重点分析 of [004]: which of the county's criteria flag a
 * household (income down on last year, under the monitoring or focus line, a
 * high share of transfer income, no labour and low income), and the sentence
 * the assessment's explanation gives them.
 */
import type { Period } from '../calendar/dates.js';
import { divideRounded, formatFen, formatYuan, type Fen } from '../income/money.js';
import type { IncomeProjection } from '../income/projection.js';
import { assessmentMessages as m, thresholdKindNames } from '../messages/catalogue.js';
import type { LabourAbility } from '../people/labour.js';
import type { FocusSummary } from '../monitoring/risk-signal.js';
import { isUnder, thresholdFor, type PolicyProfile, type ThresholdInForce } from '../policy/profile.js';

/** A line in force and where the household stands against it. */
export interface LineCheck {
  readonly threshold: ThresholdInForce;
  readonly under: boolean;
}

/** The focus analysis flags of [004], as the file keeps them (one type: FOCUS_FLAGS in domain/monitoring/risk-signal.ts). */
export type FocusFlags = FocusSummary;

/** What the focus analysis reads of the assessment's input. */
export interface FocusSubject {
  readonly profile: PolicyProfile;
  readonly period: Period;
  readonly members: { readonly labour: readonly LabourAbility[] };
}

export interface TransferShare {
  /** One decimal; null when the window's income is not positive. */
  readonly percent: number | null;
  readonly transferFen: Fen;
  readonly totalFen: Fen;
}

export function transferShareOf(projection: IncomeProjection): TransferShare {
  const transferFen = projection.income.byKindFen.transfer;
  const totalFen = projection.income.totalFen;
  return { transferFen, totalFen, percent: totalFen > 0 ? divideRounded(transferFen * 1000, totalFen) / 10 : null };
}

export interface FocusFacts {
  readonly perCapita: Fen;
  readonly lastYearPerCapita: Fen | undefined;
  readonly transferShare: TransferShare;
  readonly monitoring: LineCheck | null;
  readonly focusLine: LineCheck | null;
}

export function focusFlags(input: FocusSubject, facts: FocusFacts): FocusFlags | null {
  const criteria = input.profile.focusCriteria;
  if (!criteria) return null;
  const { transferFen, totalFen } = facts.transferShare;
  const limit = criteria.transferSharePercentAbove;
  const lowLine = criteria.noLabourLowIncomeBelow === undefined ? undefined : thresholdFor(input.profile, criteria.noLabourLowIncomeBelow, input.period);
  const noLabour = input.members.labour.every((a) => a === 'none');

  const flags = {
    incomeDown: criteria.incomeDown && facts.lastYearPerCapita !== undefined ? facts.perCapita < facts.lastYearPerCapita : null,
    belowMonitoring: criteria.belowMonitoring && facts.monitoring ? facts.monitoring.under : null,
    belowFocusLine: criteria.belowFocusLine && facts.focusLine ? facts.focusLine.under : null,
    transferShareHigh:
      limit === undefined ? null : totalFen > 0 ? transferFen * 100 > limit * totalFen : transferFen > 0 ? true : null,
    noLabourLowIncome: lowLine ? noLabour && isUnder(facts.perCapita, lowLine.row) : null,
  };
  return { ...flags, any: Object.values(flags).some((flag) => flag === true) };
}

export function focusSentence(focus: FocusFlags, input: FocusSubject, facts: FocusFacts): string {
  const { profile, period } = input;
  const items: string[] = [];
  if (focus.incomeDown && facts.lastYearPerCapita !== undefined) items.push(m.focusIncomeDown(formatFen(facts.lastYearPerCapita), formatFen(facts.perCapita)));
  if (focus.belowMonitoring && facts.monitoring) items.push(m.focusBelowLine(thresholdKindNames.monitoring, formatYuan(facts.monitoring.threshold.row.yuanPerPersonYear)));
  if (focus.belowFocusLine && facts.focusLine) items.push(m.focusBelowLine(facts.focusLine.threshold.row.meaning, formatYuan(facts.focusLine.threshold.row.yuanPerPersonYear)));
  if (focus.transferShareHigh) {
    const limit = profile.focusCriteria?.transferSharePercentAbove ?? 0;
    items.push(facts.transferShare.percent === null ? m.focusTransferNoIncome : m.focusTransferShare(facts.transferShare.percent.toFixed(1), limit));
  }
  const lowKind = profile.focusCriteria?.noLabourLowIncomeBelow;
  const lowLine = lowKind === undefined ? undefined : thresholdFor(profile, lowKind, period);
  if (focus.noLabourLowIncome && lowKind !== undefined && lowLine) {
    items.push(m.focusNoLabour(thresholdKindNames[lowKind], formatYuan(lowLine.row.yuanPerPersonYear)));
  }
  return items.length > 0 ? m.focusHeading(items.join('；')) : m.focusNone;
}
