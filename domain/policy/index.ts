/**
 * The policy profiles the product ships, one list of versions per county (the
 * five seed counties, the demo county 示范县 and national practice as of 2026), and
 * the look-ups the rest of the domain uses. A county's new policy is a new
 * entry in its list with a later `effectiveFrom`.
 */
import type { Period } from '../calendar/dates.js';
import { boluoV1 } from './counties/boluo.js';
import { mileV1 } from './counties/mile.js';
import { shifanV1, shifanV2 } from './counties/shifan.js';
import { suyuanV1 } from './counties/suyuan.js';
import { xinfengV1 } from './counties/xinfeng.js';
import { xuwenV1 } from './counties/xuwen.js';
import { national2026V1, NATIONAL_2026_ID } from './counties/national-2026.js';
import { exactVersion, versionInForce, type PolicyProfile, type ProfileRegistry } from './profile.js';

export * from './profile.js';
export { DEFAULT_MONTHLY_UPDATE_DAY, DEFAULT_PUBLIC_NOTICE_DAYS, DEFAULT_TRIGGER_RULES, DESIGN_IDENTIFICATION_STEPS } from './defaults.js';

export const policyProfiles: ProfileRegistry = {
  boluo: [boluoV1],
  mile: [mileV1],
  xuwen: [xuwenV1],
  xinfeng: [xinfengV1],
  suyuan: [suyuanV1],
  shifan: [shifanV1, shifanV2],
  [NATIONAL_2026_ID]: [national2026V1],
};

/** The profile a new county starts from: national practice as of 2026 (常态化帮扶). */
export const NEW_COUNTY_PROFILE_ID = NATIONAL_2026_ID;

/** The version of county profile `id` in force for `period`, or undefined before its first version. */
export function profileFor(id: string, period: Period, registry: ProfileRegistry = policyProfiles): PolicyProfile | undefined {
  return versionInForce(registry, id, period);
}

/** One exact version, to explain a past decision by the rules it was made under. */
export function profileVersion(id: string, version: number, registry: ProfileRegistry = policyProfiles): PolicyProfile | undefined {
  return exactVersion(registry, id, version);
}
export { ruleOrigins, categoriesOf, hasCategory, type RuleOrigin, type RuleOriginRow } from './origins.js';
export { deriveYearlyLines, type DerivedYear, type YearlyLineRule, type YearlyInput } from './yearly-lines.js';
export { eliminationShortfalls, noticeRow, NOTICE_PRIVATE_FIELD_NAMES, type StandingPractice } from './standing.js';
export { PROFILE_RULE_NAMES, type ProcedureStep, type CategoryName, type DeadlineReading } from './seed-text.js';
