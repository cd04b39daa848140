/**
 * Risk elimination 风险消除: the village proposes with evidence → public notice
 * where the profile has it → town audit → county confirmation. The household is
 * then marked eliminated — never deleted, kept on a light monitoring — and the
 * county may roll the mark back 回退 with a reason.
 */
import type { Role } from '../../domain/access/roles.js';
import { periodOf } from '../../domain/calendar/dates.js';
import { ELIMINATION_STEP_NAMES } from '../../domain/identification/elimination.js';
import { decide, objectionRaised, openCase, STEP_ROLES, submitApplication as proposalSubmitted } from '../../domain/identification/steps.js';
import { eliminationMessages as m, identificationMessages } from '../../domain/messages/catalogue.js';
import { records } from './activities.js';
import { type CaseResult, type EliminationDecisionInput, type EliminationProposalInput, type EliminationRollbackInput, type HouseholdStage, type IdentificationCase, type ObjectionInput } from './definitions.js';
import { requireMeasuresDone } from './plan.js';
import { syncClocks } from './clocks.js';
import { announceNotice, caseResult, enterStep, eventBase, inProgress, requireStep, type CaseSlot } from './review-case.js';
import { type HouseholdState } from './state.js';
import { REFUSALS, refuse } from '../../domain/failures.js';

export const ELIMINATION_SLOT: CaseSlot = {
  kind: 'elimination',
  names: ELIMINATION_STEP_NAMES,
  get: (state) => state.eliminationCase,
  set: (state, c) => {
    state.eliminationCase = c;
  },
};
const SLOT = ELIMINATION_SLOT;
const ROLLBACK_ROLES: readonly Role[] = ['county_bureau'];

const blank = (text: string | undefined) => !text || text.trim().length === 0;

export function validateProposal(state: HouseholdState, input: EliminationProposalInput): void {
  state.checkActor(input.actor, STEP_ROLES.application, ELIMINATION_STEP_NAMES.application);
  if (state.stage !== 'monitoring') refuse(REFUSALS.wrongStep, m.notMonitored);
  if (inProgress(state, SLOT) && !returned(state)) refuse(REFUSALS.wrongStep, m.alreadyInProgress);
  if (blank(input.statement)) refuse(REFUSALS.invalidInput, m.statementRequired);
  if (input.evidence.length === 0) refuse(REFUSALS.invalidInput, m.evidenceRequired);
}

/** A case returned for more information waits for the village to propose again. */
function returned(state: HouseholdState): IdentificationCase | null {
  const open = inProgress(state, SLOT);
  return open?.progress.current === 'application' ? open : null;
}

export async function onProposal(state: HouseholdState, input: EliminationProposalInput, now: () => number): Promise<CaseResult> {
  const again = returned(state);
  if (again) {
    const stored = enterStep(state, SLOT, { ...again, progress: proposalSubmitted(again.progress) }, now());
    await records.recordHouseholdEvent({
      ...eventBase(state, 'elimination.reproposed', input.actor.userId, now()),
      payload: { caseNo: stored.caseNo, statement: input.statement, evidence: input.evidence, next: stored.progress.current },
    });
    await announceNotice(state, SLOT, stored, input.actor.userId);
    await syncClocks(state, SLOT, input.actor.userId, now);
    return caseResult(stored);
  }
  // Required measures still open refuse the proposal, unless the county waived them with a reason.
  await requireMeasuresDone(state);
  const { policy, labourAllows } = await records.loadEliminationPolicy({
    countyId: state.input.place.countyId,
    period: periodOf(now()),
    householdId: state.householdId,
  });
  // Checked again after the await: another proposal may have come first.
  if (inProgress(state, SLOT) || state.stage !== 'monitoring') refuse(REFUSALS.wrongStep, m.alreadyInProgress);
  if (!labourAllows) refuse(REFUSALS.notAllowed, m.noLabour);
  state.eliminationsOpened += 1;
  const opened: IdentificationCase = {
    caseNo: state.eliminationsOpened,
    openedAt: now(),
    channels: [],
    policy,
    progress: proposalSubmitted(openCase(policy.steps)),
    noticeRound: 0,
    noticeEndsAt: null,
    lastReturnReason: null,
  };
  const stored = enterStep(state, SLOT, opened, now());
  await records.recordHouseholdEvent({
    ...eventBase(state, 'elimination.proposed', input.actor.userId, now()),
    payload: { caseNo: stored.caseNo, statement: input.statement, evidence: input.evidence, policy, next: stored.progress.current },
  });
  await announceNotice(state, SLOT, stored, input.actor.userId);
  await syncClocks(state, SLOT, input.actor.userId, now);
  return caseResult(stored);
}

export function validateDecision(state: HouseholdState, input: EliminationDecisionInput): void {
  requireStep(state, SLOT, input.step);
  state.checkActor(input.actor, STEP_ROLES[input.step], ELIMINATION_STEP_NAMES[input.step]);
  if (!['approve', 'reject', 'return'].includes(input.decision)) refuse(REFUSALS.invalidInput, identificationMessages.decisionInvalid);
  if (blank(input.opinion)) refuse(REFUSALS.invalidInput, identificationMessages.opinionRequired);
}

export async function onDecision(state: HouseholdState, input: EliminationDecisionInput, now: () => number): Promise<CaseResult> {
  const open = requireStep(state, SLOT, input.step);
  const progress = decide(open.progress, input.step, input.decision);
  const updated = enterStep(state, SLOT, { ...open, progress, lastReturnReason: input.decision === 'return' ? input.opinion : open.lastReturnReason }, now());
  let kind = 'elimination.step_approved';
  let stage: HouseholdStage | undefined;
  if (progress.status === 'approved') {
    kind = 'elimination.confirmed';
    stage = 'eliminated';
    state.stage = stage;
  } else if (progress.status === 'rejected') kind = 'elimination.rejected';
  else if (input.decision === 'return') kind = 'elimination.returned';
  await records.recordHouseholdEvent({
    ...eventBase(state, kind, input.actor.userId, now()),
    payload: { caseNo: open.caseNo, step: input.step, decision: input.decision, opinion: input.opinion, evidence: input.evidence ?? [], next: progress.current },
    ...(stage ? { stage } : {}),
  });
  await announceNotice(state, SLOT, updated, input.actor.userId);
  await syncClocks(state, SLOT, input.actor.userId, now);
  return caseResult(updated);
}

export function validateObjection(state: HouseholdState, input: ObjectionInput): void {
  requireStep(state, SLOT, 'public_notice');
  state.checkActor(input.actor, STEP_ROLES.public_notice, '公示异议登记');
  if (blank(input.objector) || blank(input.content)) refuse(REFUSALS.invalidInput, identificationMessages.objectionIncomplete);
}

export async function onObjection(state: HouseholdState, input: ObjectionInput, now: () => number): Promise<CaseResult> {
  const open = requireStep(state, SLOT, 'public_notice');
  const updated = enterStep(state, SLOT, { ...open, progress: objectionRaised(open.progress) }, now());
  await records.recordHouseholdEvent({
    ...eventBase(state, 'elimination.objection_raised', input.actor.userId, now()),
    payload: { caseNo: open.caseNo, objector: input.objector, content: input.content, next: updated.progress.current },
  });
  return caseResult(updated);
}

export function validateRollback(state: HouseholdState, input: EliminationRollbackInput): void {
  state.checkActor(input.actor, ROLLBACK_ROLES, '风险消除回退');
  if (state.stage !== 'eliminated') refuse(REFUSALS.wrongStep, m.notEliminated);
  if (blank(input.reason)) refuse(REFUSALS.invalidInput, m.rollbackReasonRequired);
}

export async function onRollback(state: HouseholdState, input: EliminationRollbackInput, now: () => number): Promise<{ stage: HouseholdStage }> {
  state.stage = 'monitoring';
  await records.recordHouseholdEvent({
    ...eventBase(state, 'elimination.rolled_back', input.actor.userId, now()),
    payload: { caseNo: state.eliminationCase?.caseNo ?? null, reason: input.reason },
    stage: 'monitoring',
  });
  return { stage: state.stage };
}
