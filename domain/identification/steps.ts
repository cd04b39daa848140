/**
 * The identification procedure 监测程序 as a pure state machine: which step is
 * current, who may act on it, and where each decision leads. The steps a county
 * uses come from its policy profile; the design's default is
 * application → village review 村组评议 → public notice 公示 → town audit 乡镇审核
 * → county decision 县级确定. The last step decides.
 */
import type { Role } from '../access/roles.js';

export const IDENTIFICATION_STEPS = [
  'application',
  'village_review',
  'public_notice',
  'department_comparison',
  'town_audit',
  'county_decision',
] as const;
export type IdentificationStep = (typeof IDENTIFICATION_STEPS)[number];

export const STEP_NAMES: Record<IdentificationStep, string> = {
  application: '农户申请',
  village_review: '村组评议',
  public_notice: '公示',
  department_comparison: '部门比对',
  town_audit: '乡镇审核',
  county_decision: '县级确定',
};

/** Who acts on each step (the public notice runs on its own; objections are recorded by the village or town). */
export const STEP_ROLES: Record<IdentificationStep, readonly Role[]> = {
  application: ['village_cadre'],
  village_review: ['village_cadre'],
  public_notice: ['village_cadre', 'town_officer'],
  department_comparison: ['county_bureau'],
  town_audit: ['town_officer'],
  county_decision: ['county_bureau'],
};

export const DEFAULT_IDENTIFICATION_STEPS: readonly IdentificationStep[] = [
  'application',
  'village_review',
  'public_notice',
  'town_audit',
  'county_decision',
];

/** Risk causes 风险类型 [001, 002, 004]. */
export const RISK_CAUSES = [
  'illness',
  'disability',
  'disaster',
  'schooling',
  'industry_failure',
  'unstable_employment',
  'epidemic',
  'accident',
  'weak_motivation',
  'other',
] as const;
export type RiskCause = (typeof RISK_CAUSES)[number];
export const RISK_CAUSE_NAMES: Record<RiskCause, string> = {
  illness: '因病',
  disability: '因残',
  disaster: '因灾',
  schooling: '因学',
  industry_failure: '因产业失败',
  unstable_employment: '因就业不稳',
  epidemic: '因疫情',
  accident: '因意外事故或重大变故',
  weak_motivation: '内生动力不足',
  other: '其他',
};

/** The three categories of monitoring objects 三类监测对象 [000]. */
export const MONITORING_CATEGORIES = ['unstable', 'marginal', 'sudden_hardship'] as const;
export type MonitoringCategory = (typeof MONITORING_CATEGORIES)[number];

/** A registered household is a lifted-out household 脱贫户 or one of the monitoring categories. */
export const HOUSEHOLD_CATEGORIES = ['lifted_out', ...MONITORING_CATEGORIES] as const;
export type HouseholdCategory = (typeof HOUSEHOLD_CATEGORIES)[number];

export type Decision = 'approve' | 'reject' | 'return';
export const DECISION_NAMES: Record<Decision, string> = { approve: '同意', reject: '不予认定', return: '退回补充材料' };

export type CaseStatus = 'in_progress' | 'approved' | 'rejected';

export interface CaseProgress {
  readonly steps: readonly IdentificationStep[];
  readonly current: IdentificationStep | null;
  readonly status: CaseStatus;
  /** How many times the application has been (re)submitted. */
  readonly submissions: number;
}

export function openCase(steps: readonly IdentificationStep[]): CaseProgress {
  if (steps[0] !== 'application') throw new RangeError('the identification procedure must begin with the application');
  if (new Set(steps).size !== steps.length) throw new RangeError('an identification step appears twice');
  return { steps, current: 'application', status: 'in_progress', submissions: 0 };
}

export function isDecidingStep(progress: CaseProgress, step: IdentificationStep): boolean {
  return progress.steps[progress.steps.length - 1] === step;
}

function stepAfter(progress: CaseProgress, step: IdentificationStep): IdentificationStep | null {
  const index = progress.steps.indexOf(step);
  return progress.steps[index + 1] ?? null;
}

/** The application (or its resubmission) is in: on to the next step. */
export function submitApplication(progress: CaseProgress): CaseProgress {
  return { ...progress, current: stepAfter(progress, 'application'), submissions: progress.submissions + 1 };
}

/**
 * A reviewing step's decision. Approve moves on (or, on the last step, approves
 * the case); return sends it back to the application for more information;
 * reject closes it.
 */
export function decide(progress: CaseProgress, step: IdentificationStep, decision: Decision): CaseProgress {
  if (decision === 'reject') return { ...progress, current: null, status: 'rejected' };
  if (decision === 'return') return { ...progress, current: 'application' };
  const next = stepAfter(progress, step);
  return next ? { ...progress, current: next } : { ...progress, current: null, status: 'approved' };
}

/** The public notice ended without objection. */
export function noticePassed(progress: CaseProgress): CaseProgress {
  return decide(progress, 'public_notice', 'approve');
}

/** An objection during the public notice sends the case back to the village review. */
export function objectionRaised(progress: CaseProgress): CaseProgress {
  const back: IdentificationStep = progress.steps.includes('village_review') ? 'village_review' : 'application';
  return { ...progress, current: back };
}
