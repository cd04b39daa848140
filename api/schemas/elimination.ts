import { z } from 'zod';
import { eliminationMessages, identificationMessages } from '../../domain/messages/catalogue.js';
import { HOUSEHOLD_STAGES } from '../../workflows/household/definitions.js';
import { evidence, text } from './common.js';

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
