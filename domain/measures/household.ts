/**
 * What the measure rules read about a monitored household: its members as the
 * register holds them (HouseholdMembersTable), its housing and water, its risk
 * causes, and the progress of employment plans and microcredit applications.
 */
import type { LocalDate } from '../calendar/dates.js';
import type { RiskCause } from '../identification/steps.js';
import { ageOn } from '../people/id-number.js';
import type { HouseSafetyGrade, MicrocreditCheck } from './catalogue.js';

import type { MemberLabourAbility } from '../people/labour.js';

export type { MemberLabourAbility } from '../people/labour.js';

/**
 * - in_school 在校
 * - out_of_school 失学辍学 (not attending, compulsory education unfinished)
 * - completed_compulsory 已完成义务教育
 */
export type SchoolingStatus = 'in_school' | 'out_of_school' | 'completed_compulsory';

export interface MeasureMember {
  readonly id: string;
  /** How reasons name the member: a name, or a relation such as 户主 where names must not appear. */
  readonly displayName: string;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly labourAbility: MemberLabourAbility;
  readonly isStudent: boolean;
  readonly isActiveMilitary: boolean;
  /** When absent, a student is taken to be in school and anyone else's schooling is unknown. */
  readonly schooling?: SchoolingStatus;
  /** 身体原因不具备学习条件. */
  readonly physicallyUnableToAttend?: boolean;
  readonly disabilityGrade: '1' | '2' | '3' | '4' | null;
  readonly chronicIllness: boolean;
  /** Personal out-of-pocket medical cost 个人自付费用 (after insurance and aid) in the calendar year of the “as of” date, in yuan. */
  readonly medicalOutOfPocketYuan?: number;
  /** In work 在岗务工就业. */
  readonly employed?: boolean;
}

export interface Housing {
  /** 唯一住房; absent when not known. */
  readonly soleResidence?: boolean;
  /** The appraisal's grade 危房鉴定等级, once appraised. */
  readonly safetyGrade?: HouseSafetyGrade;
  /** 疑似危房 awaiting appraisal. */
  readonly suspectedDangerous?: boolean;
}

/** `not_tested`: no county-level (or higher) laboratory test yet. */
export type DrinkingWaterStatus = 'safe' | 'unsafe' | 'not_tested';

/** A member's one-person plan 一人一案 and what it has delivered so far. */
export interface EmploymentPlanRecord {
  readonly memberId: string;
  readonly guidance: number;
  readonly training: number;
  readonly jobOffers: number;
}

/** The town's checklist: `true` met, `false` not met, absent not yet known. */
export type MicrocreditChecklist = Readonly<Partial<Record<MicrocreditCheck, boolean>>>;

export interface MicrocreditApplication {
  readonly termYears?: number;
  readonly checklist?: MicrocreditChecklist;
}

export interface MeasureHousehold {
  readonly members: readonly MeasureMember[];
  readonly riskCauses: readonly RiskCause[];
  readonly housing?: Housing;
  readonly drinkingWater?: DrinkingWaterStatus;
  readonly employmentPlans?: readonly EmploymentPlanRecord[];
  readonly microcreditApplications?: readonly (MicrocreditApplication & { readonly memberId: string })[];
}

/** A `YYYY-MM-DD` text as a local date; a date that does not exist is refused. */
export function parseLocalDate(text: string): LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`not a date (YYYY-MM-DD): ${text}`);
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (check.getUTCFullYear() !== date.year || check.getUTCMonth() + 1 !== date.month || check.getUTCDate() !== date.day) {
    throw new RangeError(`no such date: ${text}`);
  }
  return date;
}

/**
 * Age in full years 周岁 on the Asia/Shanghai date `asOf`: a year is complete
 * on the birthday; someone born on 29 February completes it on 1 March in
 * common years.
 */
export function ageAsOf(member: Pick<MeasureMember, 'birthDate'>, asOf: LocalDate): number {
  return ageOn(parseLocalDate(member.birthDate), asOf);
}

export function schoolingOf(member: MeasureMember): SchoolingStatus | undefined {
  return member.schooling ?? (member.isStudent ? 'in_school' : undefined);
}
