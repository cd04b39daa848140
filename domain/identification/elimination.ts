/**
 * Risk elimination 风险消除 [001, 002; DOMAIN.md §7, §9]: the village proposes
 * with evidence → public notice 公示 where the county's profile has one → town
 * audit → county confirmation. It runs on the identification step machine with
 * its own names. The household is marked, never deleted, and a mark can be
 * rolled back 回退.
 */
import { STEP_NAMES, type IdentificationStep } from './steps.js';

export const ELIMINATION_STEP_NAMES: Readonly<Record<IdentificationStep, string>> = {
  ...STEP_NAMES,
  application: '村级提出风险消除',
  public_notice: '风险消除公示',
  county_decision: '县级确认',
};

/** The elimination steps of a county: its identification's public notice, if any, then the town and the county. */
export function eliminationSteps(publicNoticeDays: number | null | undefined): IdentificationStep[] {
  return ['application', ...(publicNoticeDays ? (['public_notice'] as const) : []), 'town_audit', 'county_decision'];
}

/**
 * Whether a household may be marked risk-eliminated for its labour capacity:
 * households without any member able to work generally are not [§9], unless
 * the county's profile allows it. `null` members means none registered: nothing
 * to refuse on.
 */
export function labourAllowsElimination(labour: readonly string[] | null, allowsNoLabour: boolean): boolean {
  if (allowsNoLabour || labour === null || labour.length === 0) return true;
  return labour.some((ability) => ability !== 'none');
}
