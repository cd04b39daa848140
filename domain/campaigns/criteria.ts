/**
 * The cohort of a campaign, by criteria over the records — each optional, all
 * that are given must hold. Recorded with the campaign at launch, beside the
 * snapshot of the households they selected.
 */
import type { HouseholdCategory } from '../identification/steps.js';

export interface CohortCriteria {
  /** A town of the county; none: the whole area of the campaign. */
  readonly townId?: string;
  readonly categories?: readonly HouseholdCategory[];
  readonly stages?: readonly string[];
  /** Income of the last 12 recorded months down more than this many percent on the 12 before (both sums recorded). */
  readonly incomeDropPercent?: number;
  /** A warning 预警 was raised within this many days. */
  readonly warnedWithinDays?: number;
  /** The household has an assistance task open past its deadline. */
  readonly overdueTasks?: boolean;
  /** A risk cause of the household's latest county decision. */
  readonly riskCause?: string;
  /** Risk eliminated within this many months. */
  readonly eliminatedWithinMonths?: number;
}

/** Whether no criterion at all is given: the whole area (all but households not included) is the cohort. */
export const noCriteria = (c: CohortCriteria): boolean =>
  !c.townId && !c.categories?.length && !c.stages?.length && c.incomeDropPercent === undefined && c.warnedWithinDays === undefined && !c.overdueTasks && !c.riskCause && c.eliminatedWithinMonths === undefined;
