/**
 * The monthly re-assessment agrees with the decision (issue 17, item 5): the
 * rule of what carries over is domain/monitoring/carried.ts; this gates it
 * behind its patch. Before the patch the update assessed with neither the
 * risk causes nor last year's income, so the first update after a county
 * decision said “不符合纳入监测条件” for a household just included.
 */
import { patched } from '@temporalio/workflow';
import type { Period } from '../../domain/calendar/dates.js';
import { carriedInputs as carried, type CarriedInputs } from '../../domain/monitoring/carried.js';
import type { HouseholdState } from './state.js';

export const DECISION_CARRIED_PATCH = 'monitoring-carries-decision-2026-12';

export function carriedInputs(state: HouseholdState, period: Period, given: number | undefined): CarriedInputs {
  if (!patched(DECISION_CARRIED_PATCH)) return { riskCauses: [], ...(given === undefined ? {} : { lastYearIncomePerCapita: given }) };
  return carried(state, period, given);
}
