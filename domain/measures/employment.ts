/**
 * Employment 就业 as the seeds follow it: one person one plan 一人一案 for each
 * labour-capable member, with the guidance, training and job offers the
 * county's rule counts [000, 003], and what is still missing.
 */
import type { LocalDate } from '../calendar/dates.js';
import type { EmploymentRule, LabourRule } from './catalogue.js';
import { describeMember, memberLabour, type MemberFinding } from './eligibility.js';
import type { EmploymentPlanRecord, MeasureMember } from './household.js';
import { employmentMessages } from './messages.js';

export type EmploymentGap = 'plan' | 'guidance' | 'training' | 'job_offers';

export interface Tally {
  readonly done: number;
  readonly required: number;
}

export interface EmploymentMemberProgress extends MemberFinding {
  readonly hasPlan: boolean;
  readonly guidance: Tally;
  readonly training: Tally;
  readonly jobOffers: Tally;
  readonly missing: readonly EmploymentGap[];
}

export interface EmploymentProgress {
  /** Every labour-capable member has a plan that meets every count. */
  readonly complete: boolean;
  readonly members: readonly EmploymentMemberProgress[];
  readonly reasons: readonly string[];
}

/**
 * For each labour-capable member: a plan, at least `minGuidance` guidance and
 * `minTraining` training sessions, and `jobOffersPerPerson` job offers unless
 * in work. Plans of other members are not counted.
 */
export function employmentPlanProgress(
  members: readonly MeasureMember[],
  plans: readonly EmploymentPlanRecord[],
  asOf: LocalDate,
  rule: EmploymentRule,
  labour: LabourRule,
): EmploymentProgress {
  for (const plan of plans) {
    for (const n of [plan.guidance, plan.training, plan.jobOffers]) {
      if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`plan counts are whole numbers of at least 0, not ${n}`);
    }
  }
  const progress = members
    .filter((m) => memberLabour(m, asOf, labour) === 'capable')
    .map((member): EmploymentMemberProgress => {
      const who = describeMember(member, asOf);
      const plan = plans.find((p) => p.memberId === member.id);
      const offersRequired = rule.offersOnlyIfNotEmployed && member.employed ? 0 : rule.jobOffersPerPerson;
      const guidance = { done: plan?.guidance ?? 0, required: rule.minGuidance };
      const training = { done: plan?.training ?? 0, required: rule.minTraining };
      const jobOffers = { done: plan?.jobOffers ?? 0, required: offersRequired };
      const missing: EmploymentGap[] = [];
      const reasons: string[] = [];
      if (!plan) {
        missing.push('plan');
        reasons.push(employmentMessages.noPlan(who));
      }
      const counts = [
        ['guidance', guidance, employmentMessages.guidanceShort],
        ['training', training, employmentMessages.trainingShort],
        ['job_offers', jobOffers, employmentMessages.offersShort],
      ] as const;
      for (const [gap, tally, short] of counts) {
        if (tally.done < tally.required) {
          missing.push(gap);
          reasons.push(short(who, tally.done, tally.required));
        }
      }
      if (offersRequired === 0 && rule.jobOffersPerPerson > 0) reasons.push(employmentMessages.employed(who));
      if (missing.length === 0) reasons.push(employmentMessages.complete(who));
      return { memberId: member.id, hasPlan: plan !== undefined, guidance, training, jobOffers, missing, reasons };
    });
  const complete = progress.every((p) => p.missing.length === 0);
  const reasons =
    progress.length === 0
      ? [employmentMessages.noCapableMember]
      : complete
        ? [employmentMessages.allComplete]
        : progress.filter((p) => p.missing.length > 0).flatMap((p) => p.reasons);
  return { complete, members: progress, reasons };
}
