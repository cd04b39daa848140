/**
 * What the household file keeps of an assessment, and the inputs that let it
 * be re-run 复算 years later from the stored policy version alone. Pure: the
 * activity that records an assessment and the route that re-derives it build
 * the summary with the same function.
 */
import { addMonths, type Period } from '../calendar/dates.js';
import type { RiskCause } from '../identification/steps.js';
import { windowCovers, type IncomeRecord, type SpendingRecord } from '../income/projection.js';
import { assessmentMessages, inclusionRuleNames } from '../messages/catalogue.js';
import { fidelityMessages } from '../messages/fidelity.js';
import type { AssessmentSummary } from '../monitoring/risk-signal.js';
import type { LabourAbility } from '../people/labour.js';
import { monthIndex } from '../calendar/months.js';
import { thresholdFor, type PolicyProfile } from '../policy/profile.js';
import { assessHousehold, type Threats } from '../assessment/assess.js';

/** Everything an assessment read, stored beside its result (event payload `inputs`). */
export interface AssessmentInputs {
  readonly profileId: string;
  readonly profileVersion: number;
  readonly period: Period;
  /** The last month the income window counts (the period, or the month before a month in progress without records). */
  readonly incomeWindowEnd: Period;
  readonly membersSource: 'registered' | 'survey';
  readonly labour: readonly LabourAbility[];
  readonly incomeRecords: readonly IncomeRecord[];
  readonly spendingRecords: readonly SpendingRecord[];
  readonly lastYearIncomePerCapita: number | null;
  readonly threats: Threats;
  readonly riskCauses: readonly RiskCause[];
}

/**
 * Where the income window ends. A month still in progress when the assessment
 * is made (an application on the 1st) counts only when it has an income
 * record; otherwise the window is the one of the month before, so that days
 * not yet lived are not counted as a month of zero income. A fixed window
 * that would then start after its end keeps the period.
 */
export function incomeWindowEnd(profile: PolicyProfile, period: Period, monthInProgress: boolean, incomeRecords: readonly IncomeRecord[]): Period {
  if (!monthInProgress || incomeRecords.some((r) => r.period === period)) return period;
  const previous = addMonths(period, -1);
  if (profile.incomeWindow.kind === 'fixed' && monthIndex(previous) < monthIndex(profile.incomeWindow.from)) return period;
  return previous;
}

/** Runs the assessment on stored inputs and builds the summary the file keeps. */
export function deriveAssessment(profile: PolicyProfile, inputs: AssessmentInputs): AssessmentSummary {
  if (!windowCovers(profile.incomeWindow, inputs.period)) return withoutIncomeWindow(profile, inputs);
  const result = assessHousehold({
    profile,
    period: inputs.period,
    incomeWindowEnd: inputs.incomeWindowEnd,
    members: { count: inputs.labour.length, labour: inputs.labour },
    incomeRecords: inputs.incomeRecords,
    spendingRecords: inputs.spendingRecords,
    ...(inputs.lastYearIncomePerCapita === null ? {} : { lastYearIncomePerCapita: inputs.lastYearIncomePerCapita }),
    threats: inputs.threats,
    riskCauses: inputs.riskCauses,
  });
  const windowNote = inputs.incomeWindowEnd === inputs.period ? [] : [fidelityMessages.monthInProgressLeftOut(inputs.period, inputs.incomeWindowEnd)];
  return {
    profileId: result.profileId,
    profileVersion: result.profileVersion,
    period: result.period,
    members: result.members,
    conclusion: result.conclusion,
    perCapitaFen: result.perCapitaFen,
    monitoringLine: result.monitoring?.threshold.row.yuanPerPersonYear ?? null,
    warningLine: result.warning?.threshold.row.yuanPerPersonYear ?? null,
    belowMonitoring: result.monitoring?.under ?? null,
    belowWarning: result.warning?.under ?? null,
    focus: result.focus,
    lastYearIncomePerCapita: inputs.lastYearIncomePerCapita,
    riskCauses: [...new Set(inputs.riskCauses)],
    explanation: [membersNote(inputs), ...windowNote, ...result.explanation],
  };
}

const membersNote = (inputs: AssessmentInputs) =>
  inputs.membersSource === 'registered' ? assessmentMessages.membersRegistered(inputs.labour.length) : assessmentMessages.membersFromSurvey(inputs.labour.length);

/**
 * An assessment in a year the profile's fixed income window does not stand
 * for (a copy of Suyuan's 2022 plan assessed in 2026): no income is projected
 * and nothing is judged by it — the lines in force are named, the county is
 * asked for its window, and the village review still judges.
 */
function withoutIncomeWindow(profile: PolicyProfile, inputs: AssessmentInputs): AssessmentSummary {
  const window = profile.incomeWindow;
  if (window.kind !== 'fixed') throw new RangeError('only a fixed income window ends');
  const line = (kind: 'monitoring' | 'warning') => thresholdFor(profile, kind, inputs.period)?.row.yuanPerPersonYear ?? null;
  const m = assessmentMessages;
  return {
    profileId: profile.id,
    profileVersion: profile.version,
    period: inputs.period,
    members: inputs.labour.length,
    conclusion: 'undetermined',
    perCapitaFen: null,
    monitoringLine: line('monitoring'),
    warningLine: line('warning'),
    belowMonitoring: null,
    belowWarning: null,
    focus: null,
    lastYearIncomePerCapita: inputs.lastYearIncomePerCapita,
    riskCauses: [...new Set(inputs.riskCauses)],
    explanation: [
      membersNote(inputs),
      m.policy(profile.countyName, profile.id, profile.version, profile.effectiveFrom),
      m.noIncomeWindow(profile.countyName, profile.id, profile.version, window.from, window.to, window.projectsYear, inputs.period),
      m.undeterminedNoWindow(inclusionRuleNames[profile.inclusionRule]),
    ],
  };
}

/** The fields of a summary compared when it is re-derived. */
export const COMPARED_FIELDS = ['conclusion', 'perCapitaFen', 'monitoringLine', 'warningLine', 'belowMonitoring', 'belowWarning', 'focus', 'explanation'] as const;

/** The compared fields where the stored summary and the re-derived one differ. */
export function summaryDifferences(stored: AssessmentSummary, derived: AssessmentSummary): string[] {
  return COMPARED_FIELDS.filter((field) => JSON.stringify(stored[field] ?? null) !== JSON.stringify(derived[field] ?? null));
}
