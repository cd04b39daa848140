import { z } from 'zod';
import { eliminationMessages, identificationMessages } from '../../domain/messages/catalogue.js';
import { HOUSEHOLD_STAGES, type HouseholdView } from '../../workflows/household/definitions.js';
import { evidence, text } from './common.js';
import { identificationView, toCaseView } from './identification.js';

export { caseResult, objectionBody } from './identification.js';

export const proposalBody = z.object({
  statement: text(5000, eliminationMessages.statementRequired),
  evidence: evidence.min(1, eliminationMessages.evidenceRequired),
});

export const eliminationDecisionBody = z.object({
  step: z.enum(['town_audit', 'county_decision']),
  decision: z.enum(['approve', 'reject', 'return']),
  opinion: text(5000, identificationMessages.opinionRequired),
  evidence: evidence.optional(),
});

export const rollbackBody = z.object({ reason: text(5000, eliminationMessages.rollbackReasonRequired) });
export const rollbackResult = z.object({ stage: z.enum(HOUSEHOLD_STAGES) });

/** The household's stage and its latest risk-elimination case as the workflow holds it. */
export const eliminationView = z.object({
  stage: z.string(),
  case: identificationView.shape.case,
});

export function toEliminationView(state: HouseholdView): z.infer<typeof eliminationView> {
  return { stage: state.stage, case: state.eliminationCase ? toCaseView(state, state.eliminationCase, 'elimination') : null };
}
