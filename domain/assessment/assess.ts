/**
 * Whether a household qualifies for monitoring 监测对象, by its county's
 * policy profile in force: income projected over the profile's window, the
 * lines in force for the assessment month, the triggers 风险情形 of
 * [001, 002], the focus analysis 重点分析 of [004], and an explanation in
 * Simplified Chinese that names every rule, number, line and profile version —
 * so that a decision can be read and checked years later.
 */
import { addMonths, type Period } from '../calendar/dates.js';
import { RISK_CAUSE_NAMES, type RiskCause } from '../identification/steps.js';
import {
  perCapitaFen,
  projectAnnualIncome,
  rigidSpending,
  SPENDING_KINDS,
  type IncomeProjection,
  type IncomeRecord,
  type SpendingKind,
  type SpendingRecord,
} from '../income/projection.js';
import {
  assessmentMessages as m,
  inclusionRuleNames,
  incomeMeasureNames,
  spendingKindNames,
  threatNames,
  thresholdKindNames,
} from '../messages/catalogue.js';
import { divideRounded, formatFen, formatYuan, yuanToFen, type Fen } from '../income/money.js';
import { monthIndex, type MonthSpan } from '../calendar/months.js';
import { isUnder, thresholdFor, type PolicyProfile, type ThresholdKind } from '../policy/profile.js';

import type { LabourAbility } from '../people/labour.js';
import { focusFlags, focusSentence, transferShareOf, type FocusFlags, type LineCheck } from './focus.js';

export type { LabourAbility } from '../people/labour.js';
export type { FocusFlags, LineCheck } from './focus.js';

/** “两不愁三保障” and drinking water: `true` where the household's is threatened. */
export interface Threats {
  readonly food: boolean;
  readonly clothing: boolean;
  readonly compulsoryEducation: boolean;
  readonly basicMedical: boolean;
  readonly safeHousing: boolean;
  readonly drinkingWater: boolean;
}
export type ThreatKey = keyof Threats;
const THREAT_KEYS: readonly ThreatKey[] = ['food', 'clothing', 'compulsoryEducation', 'basicMedical', 'safeHousing', 'drinkingWater'];

export interface AssessmentInput {
  readonly profile: PolicyProfile;
  /** The assessment month: it picks the lines in force and ends the income window. */
  readonly period: Period;
  /** The last month the income window counts; the period when absent (see domain/fidelity/summary.ts `incomeWindowEnd`). */
  readonly incomeWindowEnd?: Period;
  /** One labour ability per member. */
  readonly members: { readonly count: number; readonly labour: readonly LabourAbility[] };
  readonly incomeRecords: readonly IncomeRecord[];
  readonly spendingRecords: readonly SpendingRecord[];
  /** Last year's per-capita income in yuan; without it the spending and drop triggers cannot be judged. */
  readonly lastYearIncomePerCapita?: number;
  readonly threats: Threats;
  readonly riskCauses: readonly RiskCause[];
}

export type Trigger =
  | {
      readonly kind: 'rigid_spending';
      readonly span: MonthSpan;
      readonly rigidSpendingFen: Fen;
      readonly byKindFen: Readonly<Record<SpendingKind, Fen>>;
      readonly lastYearPerCapitaFen: Fen;
      readonly lastYearHouseholdIncomeFen: Fen;
    }
  | { readonly kind: 'income_drop'; readonly lastYearPerCapitaFen: Fen; readonly perCapitaFen: Fen; readonly dropPercent: number }
  | { readonly kind: 'threat'; readonly threats: readonly ThreatKey[] }
  | { readonly kind: 'risk_cause'; readonly causes: readonly RiskCause[] };

export type Conclusion = 'eligible' | 'not_eligible' | 'undetermined';

export interface Assessment {
  readonly profileId: string;
  readonly profileVersion: number;
  readonly period: Period;
  readonly members: number;
  readonly projection: IncomeProjection;
  readonly perCapitaFen: Fen;
  /** Transfer income 转移性收入 as a percentage of all income in the window, to one decimal; null when income is not positive. */
  readonly transferSharePercent: number | null;
  readonly monitoring: LineCheck | null;
  readonly warning: LineCheck | null;
  readonly focusLine: LineCheck | null;
  /** Under the monitoring line in force; null when the profile has none for the period. */
  readonly belowThreshold: boolean | null;
  readonly triggers: readonly Trigger[];
  /** Triggers that could not be judged for want of last year's income. */
  readonly notJudged: readonly ('rigid_spending' | 'income_drop')[];
  readonly focus: FocusFlags | null;
  readonly eligibleForMonitoring: boolean;
  readonly conclusion: Conclusion;
  readonly explanation: readonly string[];
}

/** Rigid spending is weighed over the twelve months up to the assessment, against a year's income. */
const RIGID_SPENDING_MONTHS = 12;

export function assessHousehold(input: AssessmentInput): Assessment {
  const { profile, period } = input;
  checkInput(input);
  const members = input.members.count;
  const measure = incomeMeasureNames[profile.incomeMeasure];

  const projection = projectAnnualIncome(input.incomeRecords, profile.incomeWindow, input.incomeWindowEnd ?? period);
  const perCapita = perCapitaFen(projection.annualFen, members);
  const transferShare = transferShareOf(projection);

  const check = (kind: ThresholdKind): LineCheck | null => {
    const threshold = thresholdFor(profile, kind, period);
    return threshold ? { threshold, under: isUnder(perCapita, threshold.row) } : null;
  };
  const monitoring = check('monitoring');
  const warning = check('warning');
  const focusLine = check('focus');
  const belowThreshold = monitoring ? monitoring.under : null;

  const lastYearPerCapita = input.lastYearIncomePerCapita === undefined ? undefined : yuanToFen(input.lastYearIncomePerCapita);
  const triggers: Trigger[] = [];
  const rigidSpan: MonthSpan = { from: addMonths(period, 1 - RIGID_SPENDING_MONTHS), to: period };
  if (lastYearPerCapita !== undefined) {
    const spending = rigidSpending(input.spendingRecords, rigidSpan);
    const lastYearHousehold = lastYearPerCapita * members;
    if (spending.totalFen * 100 > profile.triggerRules.rigidSpendingAbovePercentOfLastYearIncome * lastYearHousehold) {
      triggers.push({
        kind: 'rigid_spending',
        span: rigidSpan,
        rigidSpendingFen: spending.totalFen,
        byKindFen: spending.byKindFen,
        lastYearPerCapitaFen: lastYearPerCapita,
        lastYearHouseholdIncomeFen: lastYearHousehold,
      });
    }
    const drop = lastYearPerCapita - perCapita;
    if (lastYearPerCapita > 0 && drop * 100 >= profile.triggerRules.sharpIncomeDropPercent * lastYearPerCapita) {
      const dropPercent = divideRounded(drop * 1000, lastYearPerCapita) / 10;
      triggers.push({ kind: 'income_drop', lastYearPerCapitaFen: lastYearPerCapita, perCapitaFen: perCapita, dropPercent });
    }
  }
  const threatened = THREAT_KEYS.filter((key) => input.threats[key]);
  if (threatened.length > 0) triggers.push({ kind: 'threat', threats: threatened });
  const causes = [...new Set(input.riskCauses)];
  if (causes.length > 0) triggers.push({ kind: 'risk_cause', causes });
  const triggered = triggers.length > 0;

  const focus = focusFlags(input, { perCapita, lastYearPerCapita, transferShare, monitoring, focusLine });

  const rule = profile.inclusionRule;
  let conclusion: Conclusion;
  if (belowThreshold === null) conclusion = rule === 'trigger_or_below' && triggered ? 'eligible' : 'undetermined';
  else if (rule === 'trigger_and_below') conclusion = triggered && belowThreshold ? 'eligible' : 'not_eligible';
  else if (rule === 'trigger_or_below') conclusion = triggered || belowThreshold ? 'eligible' : 'not_eligible';
  else conclusion = belowThreshold ? 'eligible' : 'not_eligible';

  const explanation: string[] = [m.policy(profile.countyName, profile.id, profile.version, profile.effectiveFrom), projection.explanation];
  if (projection.income.monthsWithoutRecords.length > 0) explanation.push(m.monthsWithoutRecords(projection.income.monthsWithoutRecords.join('、')));
  explanation.push(m.perCapita(measure, formatFen(projection.annualFen), members, formatFen(perCapita)));
  if (monitoring) explanation.push(lineSentence(profile, measure, perCapita, monitoring));
  else explanation.push(m.noMonitoringLine(profile.countyName, profile.id, profile.version, period));
  if (warning) explanation.push(lineSentence(profile, measure, perCapita, warning));
  if (focusLine) explanation.push(lineSentence(profile, measure, perCapita, focusLine));
  if (lastYearPerCapita === undefined) explanation.push(m.lastYearMissing);
  for (const trigger of triggers) explanation.push(triggerSentence(trigger, measure, members, profile));
  if (!triggered && lastYearPerCapita !== undefined) explanation.push(m.noTrigger);
  if (focus) explanation.push(focusSentence(focus, input, { perCapita, lastYearPerCapita, transferShare, monitoring, focusLine }));
  const ruleName = inclusionRuleNames[rule];
  explanation.push(conclusion === 'eligible' ? m.eligible(ruleName) : conclusion === 'not_eligible' ? m.notEligible(ruleName) : m.undetermined(ruleName));

  return {
    profileId: profile.id,
    profileVersion: profile.version,
    period,
    members,
    projection,
    perCapitaFen: perCapita,
    transferSharePercent: transferShare.percent,
    monitoring,
    warning,
    focusLine,
    belowThreshold,
    triggers,
    notJudged: lastYearPerCapita === undefined ? ['rigid_spending', 'income_drop'] : [],
    focus,
    eligibleForMonitoring: conclusion === 'eligible',
    conclusion,
    explanation,
  };
}

function lineSentence(profile: PolicyProfile, measure: string, perCapita: Fen, check: LineCheck): string {
  const { row } = check.threshold;
  const verdict =
    row.comparison === 'below' ? (check.under ? m.verdictBelow : m.verdictNotBelow) : check.under ? m.verdictAtOrBelow : m.verdictAbove;
  return m.line({
    measure,
    perCapita: formatFen(perCapita),
    verdict,
    county: profile.countyName,
    period: check.threshold.period,
    lineName: thresholdKindNames[row.kind],
    line: formatYuan(row.yuanPerPersonYear),
    meaning: row.meaning,
    id: profile.id,
    version: profile.version,
    ...(row.note ? { note: row.note } : {}),
  });
}

function triggerSentence(trigger: Trigger, measure: string, members: number, profile: PolicyProfile): string {
  switch (trigger.kind) {
    case 'rigid_spending': {
      const parts = SPENDING_KINDS.filter((kind) => trigger.byKindFen[kind] > 0)
        .map((kind) => `${spendingKindNames[kind]} ${formatFen(trigger.byKindFen[kind])} 元`)
        .join('、');
      return m.rigidSpending({
        from: trigger.span.from,
        to: trigger.span.to,
        spending: formatFen(trigger.rigidSpendingFen),
        parts,
        lastYear: formatFen(trigger.lastYearHouseholdIncomeFen),
        lastYearPerCapita: formatFen(trigger.lastYearPerCapitaFen),
        members,
        percent: profile.triggerRules.rigidSpendingAbovePercentOfLastYearIncome,
      });
    }
    case 'income_drop':
      return m.incomeDrop({
        measure,
        lastYear: formatFen(trigger.lastYearPerCapitaFen),
        now: formatFen(trigger.perCapitaFen),
        percent: trigger.dropPercent.toFixed(1),
        limit: profile.triggerRules.sharpIncomeDropPercent,
      });
    case 'threat':
      return m.threats(trigger.threats.map((key) => threatNames[key]).join('、'));
    case 'risk_cause':
      return m.riskCauses(trigger.causes.map((cause) => RISK_CAUSE_NAMES[cause]).join('、'));
  }
}

function checkInput(input: AssessmentInput): void {
  const { profile, period, members } = input;
  if (monthIndex(period) < monthIndex(profile.effectiveFrom)) {
    throw new RangeError(`profile ${profile.id} v${profile.version} is in force from ${profile.effectiveFrom}, not for ${period}`);
  }
  if (!Number.isInteger(members.count) || members.count < 1) throw new RangeError(`a household has at least one member, not ${members.count}`);
  if (members.labour.length !== members.count) {
    throw new RangeError(`${members.count} members but ${members.labour.length} labour abilities`);
  }
  if (input.lastYearIncomePerCapita !== undefined && !Number.isFinite(input.lastYearIncomePerCapita)) {
    throw new RangeError("last year's income is not a number");
  }
}
