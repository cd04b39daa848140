/**
 * The monthly re-assessment agrees with the decision (issue 17, item 5): a
 * monitoring object keeps the risk causes the county decided on, and last
 * year's income the application gave stays in use for the rest of that year,
 * unless the month's update gives its own. Before this patch the update
 * assessed with neither, so the first update after a county decision said
 * “不符合纳入监测条件” for a household just included.
 */
import { patched } from '@temporalio/workflow';
import { parsePeriod, type Period } from '../../domain/calendar/dates.js';
import type { RiskCause } from '../../domain/identification/steps.js';
import type { HouseholdState } from './state.js';

export const DECISION_CARRIED_PATCH = 'monitoring-carries-decision-2026-12';

export interface CarriedInputs {
  readonly riskCauses: readonly RiskCause[];
  readonly lastYearIncomePerCapita?: number;
}

export function carriedInputs(state: HouseholdState, period: Period, given: number | undefined): CarriedInputs {
  if (!patched(DECISION_CARRIED_PATCH)) return { riskCauses: [], ...(given === undefined ? {} : { lastYearIncomePerCapita: given }) };
  const riskCauses = state.stage === 'monitoring' ? [...state.riskCauses] : [];
  const previous = state.lastAssessment;
  const sameYear = previous !== null && parsePeriod(previous.period).year === parsePeriod(period).year;
  const carried = given ?? (sameYear && typeof previous.lastYearIncomePerCapita === 'number' ? previous.lastYearIncomePerCapita : undefined);
  return { riskCauses, ...(carried === undefined ? {} : { lastYearIncomePerCapita: carried }) };
}
