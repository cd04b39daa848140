/**
 * Risk elimination 风险消除: the village proposes with evidence → public notice
 * where the profile has it → town audit → county confirmation. The household is
 * then marked eliminated — never deleted, kept on a light monitoring — and the
 * county may roll the mark back 回退 with a reason.
 */
import { periodOf } from '../../domain/calendar/dates.js';
import { ELIMINATION_STEP_NAMES } from '../../domain/identification/elimination.js';
import { openCase, submitApplication as proposalSubmitted } from '../../domain/identification/steps.js';
import { eliminationMessages as m } from '../../domain/messages/catalogue.js';
import { conditionMessages } from '../../domain/messages/elimination-conditions.js';
import { records } from './activities.js';
import { type CaseResult, type EliminationDecisionInput, type EliminationProposalInput, type EliminationRollbackInput, type HouseholdStage, type ReviewCase, type ObjectionInput } from './definitions.js';
import { requireMeasuresDone } from './plan.js';
import { syncClocks } from './clocks.js';
import {
  announceNotice,
  caseResult,
  decideCase,
  enterStep,
  eventBase,
  inProgress,
  onObjection as onCaseObjection,
  validateCaseDecision,
  validateObjection as validateCaseObjection,
  type CaseSlot,
} from './review-case.js';
import { type HouseholdState } from './state.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { isBlank } from '../../domain/text.js';
import { mayMove, stageAfter } from '../../domain/identification/stages.js';

export const ELIMINATION_SLOT: CaseSlot = {
  kind: 'elimination',
  names: ELIMINATION_STEP_NAMES,
  approvedKind: 'confirmed',
  get: (state) => state.eliminationCase,
  set: (state, c) => {
    state.eliminationCase = c;
  },
};
const SLOT = ELIMINATION_SLOT;


export function validateProposal(state: HouseholdState, input: EliminationProposalInput): void {
  state.checkAction(input.actor, 'proposeElimination');
  if (!mayMove(state.stage, 'eliminationConfirmed')) refuse(REFUSALS.wrongStep, m.notMonitored);
  if (inProgress(state, SLOT) && !returned(state)) refuse(REFUSALS.wrongStep, m.alreadyInProgress);
  if (isBlank(input.statement)) refuse(REFUSALS.invalidInput, m.statementRequired);
  if (input.evidence.length === 0) refuse(REFUSALS.invalidInput, m.evidenceRequired);
}

/** A case returned for more information waits for the village to propose again. */
function returned(state: HouseholdState): ReviewCase | null {
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
  await requireMeasuresDone(state, now());
  const { policy, labourAllows, shortfalls } = await records.loadEliminationPolicy({
    countyId: state.input.place.countyId,
    period: periodOf(now()),
    householdId: state.householdId,
    at: now(),
  });
  // Checked again after the await: another proposal may have come first.
  if (inProgress(state, SLOT) || !mayMove(state.stage, 'eliminationConfirmed')) refuse(REFUSALS.wrongStep, m.alreadyInProgress);
  if (!labourAllows) refuse(REFUSALS.notAllowed, m.noLabour);
  // The profile's counted conditions (national practice: 6 months above the line, 6 monitored, a measure received).
  if (shortfalls?.length) refuse(REFUSALS.notAllowed, conditionMessages.refused(shortfalls));
  state.eliminationsOpened += 1;
  const opened: ReviewCase = {
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
  validateCaseDecision(state, SLOT, input);
}

export function onDecision(state: HouseholdState, input: EliminationDecisionInput, now: () => number): Promise<CaseResult> {
  return decideCase(state, SLOT, input, now, ({ open, progress }) => {
    if (progress.status === 'approved') state.stage = stageAfter('eliminationConfirmed');
    return {
      payload: { caseNo: open.caseNo, step: input.step, decision: input.decision, opinion: input.opinion, evidence: input.evidence ?? [], next: progress.current },
      ...(progress.status === 'approved' ? { stage: state.stage } : {}),
    };
  });
}

export const validateObjection = (state: HouseholdState, input: ObjectionInput): void => validateCaseObjection(state, SLOT, input);
export const onObjection = (state: HouseholdState, input: ObjectionInput, now: () => number): Promise<CaseResult> => onCaseObjection(state, SLOT, input, now);

export function validateRollback(state: HouseholdState, input: EliminationRollbackInput): void {
  state.checkAction(input.actor, 'rollbackElimination');
  if (!mayMove(state.stage, 'eliminationRolledBack')) refuse(REFUSALS.wrongStep, m.notEliminated);
  if (isBlank(input.reason)) refuse(REFUSALS.invalidInput, m.rollbackReasonRequired);
}

export async function onRollback(state: HouseholdState, input: EliminationRollbackInput, now: () => number): Promise<{ stage: HouseholdStage }> {
  state.stage = stageAfter('eliminationRolledBack');
  await records.recordHouseholdEvent({
    ...eventBase(state, 'elimination.rolled_back', input.actor.userId, now()),
    payload: { caseNo: state.eliminationCase?.caseNo ?? null, reason: input.reason },
    stage: state.stage,
  });
  return { stage: state.stage };
}
