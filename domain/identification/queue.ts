/**
 * The review queue 待办审核: the cases of both review procedures (identification
 * 监测程序 and risk elimination 风险消除) at a step a role acts on — the county
 * bureau's 县级确定 and 县级确认, the town's audits, the village's reviews.
 */
import type { Role } from '../access/roles.js';
import { ELIMINATION_STEP_NAMES } from './elimination.js';
import { IDENTIFICATION_STEPS, STEP_NAMES, STEP_ROLES, type IdentificationStep } from './steps.js';

export const REVIEW_PROCEDURES = ['identification', 'elimination'] as const;
export type ReviewProcedure = (typeof REVIEW_PROCEDURES)[number];

export const PROCEDURE_NAMES: Readonly<Record<ReviewProcedure, string>> = {
  identification: '监测对象识别',
  elimination: '风险消除',
};

/** The steps a role acts on (the public notice runs on its own), in procedure order. */
export const stepsActedOnBy = (role: Role): IdentificationStep[] =>
  IDENTIFICATION_STEPS.filter((step) => step !== 'public_notice' && STEP_ROLES[step].includes(role));

export const procedureStepName = (procedure: ReviewProcedure, step: IdentificationStep): string =>
  (procedure === 'elimination' ? ELIMINATION_STEP_NAMES : STEP_NAMES)[step];
