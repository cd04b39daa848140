/**
 * What the monthly re-assessment carries over from the decision (issue 17,
 * item 5): a monitoring object keeps the risk causes the county decided on,
 * and last year's income the application gave stays in use for the rest of
 * that year, unless the month's update gives its own. Pure: the workflow
 * (workflows/household/decision-carried.ts) gates it behind its patch.
 */
import { parsePeriod, type Period } from '../calendar/dates.js';
import type { RiskCause } from '../identification/steps.js';
import type { AssessmentSummary } from './risk-signal.js';

export interface CarriedInputs {
  readonly riskCauses: readonly RiskCause[];
  readonly lastYearIncomePerCapita?: number;
}

export function carriedInputs(
  household: { readonly stage: string; readonly riskCauses: readonly RiskCause[]; readonly lastAssessment: AssessmentSummary | null },
  period: Period,
  given: number | undefined,
): CarriedInputs {
  const riskCauses = household.stage === 'monitoring' ? [...household.riskCauses] : [];
  const previous = household.lastAssessment;
  const sameYear = previous !== null && parsePeriod(previous.period).year === parsePeriod(period).year;
  const carried = given ?? (sameYear && typeof previous.lastYearIncomePerCapita === 'number' ? previous.lastYearIncomePerCapita : undefined);
  return { riskCauses, ...(carried === undefined ? {} : { lastYearIncomePerCapita: carried }) };
}
