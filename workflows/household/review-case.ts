/**
 * What identification and risk elimination share: a case that moves through
 * the county's review steps, with a public notice 公示 whose clock runs in the
 * workflow. Each procedure has its own slot in the state and its own names.
 */
import { condition } from '@temporalio/workflow';
import type { Actor } from '../../domain/access/roles.js';
import {
  decide,
  isDecidingStep,
  noticePassed,
  objectionRaised,
  STEP_NAMES,
  STEP_ROLES,
  type CaseProgress,
  type Decision,
  type IdentificationStep,
  type MonitoringCategory,
} from '../../domain/identification/steps.js';
import { isBlank } from '../../domain/text.js';
import { identificationMessages as m } from '../../domain/messages/catalogue.js';
import { records } from './activities.js';
import { syncClocks } from './clocks.js';
import { type CaseResult, type HouseholdStage, type ObjectionInput, type ReviewCase } from './definitions.js';
import { type HouseholdState } from './state.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { DAY_MS } from '../../domain/calendar/dates.js';

const DECISIONS: readonly string[] = ['approve', 'reject', 'return'];

export interface CaseSlot {
  /** The prefix of the procedure's events in the household file. */
  readonly kind: 'identification' | 'elimination';
  readonly names: Readonly<Record<IdentificationStep, string>>;
  /** The file's word for the case decided in the household's favour of the procedure (`identification.approved`, `elimination.confirmed`). */
  readonly approvedKind: 'approved' | 'confirmed';
  get(state: HouseholdState): ReviewCase | null;
  set(state: HouseholdState, c: ReviewCase): void;
}

export const IDENTIFICATION_SLOT: CaseSlot = {
  kind: 'identification',
  names: STEP_NAMES,
  approvedKind: 'approved',
  get: (state) => state.currentCase,
  set: (state, c) => {
    state.currentCase = c;
  },
};

export function caseResult(c: ReviewCase, merged?: boolean): CaseResult {
  return { caseNo: c.caseNo, status: c.progress.status, current: c.progress.current, ...(merged ? { merged } : {}) };
}

export function inProgress(state: HouseholdState, slot: CaseSlot): ReviewCase | null {
  const c = slot.get(state);
  return c?.progress.status === 'in_progress' ? c : null;
}

export function requireStep(state: HouseholdState, slot: CaseSlot, step: NonNullable<CaseProgress['current']>): ReviewCase {
  const open = inProgress(state, slot);
  if (!open) refuse(REFUSALS.wrongStep, slot.kind === 'identification' ? m.noCaseInProgress : m.noEliminationInProgress);
  if (open.progress.current !== step) {
    refuse(REFUSALS.wrongStep, m.notCurrentStep(slot.names[step], open.progress.current ? slot.names[open.progress.current] : '—'));
  }
  return open;
}

/** Stores the case; entering the public notice starts its clock. */
export function enterStep(state: HouseholdState, slot: CaseSlot, next: ReviewCase, now: number): ReviewCase {
  const startsNotice = next.progress.current === 'public_notice' && slot.get(state)?.progress.current !== 'public_notice';
  const stored = startsNotice
    ? { ...next, noticeRound: next.noticeRound + 1, noticeEndsAt: now + (next.policy.publicNoticeDays ?? 0) * DAY_MS }
    : next;
  slot.set(state, stored);
  return stored;
}

export async function announceNotice(state: HouseholdState, slot: CaseSlot, c: ReviewCase, actorUserId: string): Promise<void> {
  if (c.progress.current !== 'public_notice' || c.noticeEndsAt === null) return;
  await records.recordHouseholdEvent({
    ...eventBase(state, `${slot.kind}.notice_started`, actorUserId, c.noticeEndsAt - (c.policy.publicNoticeDays ?? 0) * DAY_MS),
    payload: { caseNo: c.caseNo, days: c.policy.publicNoticeDays, endsAt: new Date(c.noticeEndsAt).toISOString() },
  });
}

/**
 * Runs each public notice of the slot's procedure for the profile's number of
 * days. Ends when the run hands over to continue-as-new.
 */
export async function runPublicNotices(state: HouseholdState, slot: CaseSlot, handOver: () => boolean, now: () => number): Promise<void> {
  const inNotice = () => inProgress(state, slot)?.progress.current === 'public_notice';
  for (;;) {
    await condition(() => inNotice() || handOver());
    if (handOver()) return;
    const notice = slot.get(state)!;
    const round = notice.noticeRound;
    const stillThisNotice = () => inNotice() && slot.get(state)?.noticeRound === round;
    const endsAt = notice.noticeEndsAt ?? now();
    if (endsAt > now()) await condition(() => !stillThisNotice() || handOver(), endsAt - now());
    if (handOver()) return;
    if (!stillThisNotice()) continue;
    const passed = enterStep(state, slot, { ...notice, progress: noticePassed(notice.progress) }, now());
    await records.recordHouseholdEvent({
      ...eventBase(state, `${slot.kind}.notice_passed`, null, endsAt),
      payload: { caseNo: notice.caseNo, days: notice.policy.publicNoticeDays, next: passed.progress.current },
    });
    await syncClocks(state, slot, null, now);
  }
}

/** What every review decision carries. */
export interface CaseDecision {
  readonly actor: Actor;
  readonly step: IdentificationStep;
  readonly decision: Decision;
  readonly opinion: string;
}

/** The checks every review decision shares: the case at that step, someone who may take it, a decision and an opinion. */
export function validateCaseDecision(state: HouseholdState, slot: CaseSlot, input: CaseDecision): ReviewCase {
  const open = requireStep(state, slot, input.step);
  state.checkActor(input.actor, STEP_ROLES[input.step], slot.names[input.step]);
  if (!DECISIONS.includes(input.decision)) refuse(REFUSALS.invalidInput, m.decisionInvalid);
  if (isBlank(input.opinion)) refuse(REFUSALS.invalidInput, m.opinionRequired);
  return open;
}

export interface DecisionEffect {
  readonly payload: Record<string, unknown>;
  readonly stage?: HouseholdStage;
  readonly category?: MonitoringCategory;
}

/**
 * Takes a review decision: the case moves on (a return keeps its reason), the
 * procedure applies what the outcome means for the household (`effect`), the
 * file records it, a notice reached starts, and the clocks follow.
 */
export async function decideCase(
  state: HouseholdState,
  slot: CaseSlot,
  input: CaseDecision,
  now: () => number,
  effect: (outcome: { readonly open: ReviewCase; readonly progress: CaseProgress; readonly deciding: boolean }) => DecisionEffect,
): Promise<CaseResult> {
  const open = requireStep(state, slot, input.step);
  const deciding = isDecidingStep(open.progress, input.step);
  const progress = decide(open.progress, input.step, input.decision);
  const updated = enterStep(state, slot, { ...open, progress, lastReturnReason: input.decision === 'return' ? input.opinion : open.lastReturnReason }, now());
  const outcome =
    progress.status === 'approved' ? slot.approvedKind : progress.status === 'rejected' ? 'rejected' : input.decision === 'return' ? 'returned' : 'step_approved';
  const { payload, stage, category } = effect({ open, progress, deciding });
  await records.recordHouseholdEvent({
    ...eventBase(state, `${slot.kind}.${outcome}`, input.actor.userId, now()),
    payload,
    ...(stage ? { stage } : {}),
    ...(category ? { category } : {}),
  });
  await announceNotice(state, slot, updated, input.actor.userId);
  await syncClocks(state, slot, input.actor.userId, now);
  return caseResult(updated);
}

/** An objection 异议 during the public notice: recorded, and the case goes back as the step machine says. */
export function validateObjection(state: HouseholdState, slot: CaseSlot, input: ObjectionInput): void {
  requireStep(state, slot, 'public_notice');
  state.checkAction(input.actor, 'raiseObjection');
  if (isBlank(input.objector) || isBlank(input.content)) refuse(REFUSALS.invalidInput, m.objectionIncomplete);
}

export async function onObjection(state: HouseholdState, slot: CaseSlot, input: ObjectionInput, now: () => number): Promise<CaseResult> {
  const open = requireStep(state, slot, 'public_notice');
  const updated = enterStep(state, slot, { ...open, progress: objectionRaised(open.progress) }, now());
  await records.recordHouseholdEvent({
    ...eventBase(state, `${slot.kind}.objection_raised`, input.actor.userId, now()),
    payload: { caseNo: open.caseNo, objector: input.objector, content: input.content, next: updated.progress.current },
  });
  return caseResult(updated);
}

export function eventBase(state: HouseholdState, kind: string, actorUserId: string | null, at: number) {
  return { householdId: state.householdId, eventKey: state.nextEventKey(kind), kind, actorUserId, occurredAt: at };
}
