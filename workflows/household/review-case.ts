/**
 * What identification and risk elimination share: a case that moves through
 * the county's review steps, with a public notice 公示 whose clock runs in the
 * workflow. Each procedure has its own slot in the state and its own names.
 */
import { condition } from '@temporalio/workflow';
import { noticePassed, STEP_NAMES, type CaseProgress, type IdentificationStep } from '../../domain/identification/steps.js';
import { identificationMessages as m } from '../../domain/messages/catalogue.js';
import { records } from './activities.js';
import { syncClocks } from './clocks.js';
import { type CaseResult, type IdentificationCase } from './definitions.js';
import { type HouseholdState } from './state.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { DAY_MS } from '../../domain/calendar/dates.js';


export interface CaseSlot {
  /** The prefix of the procedure's events in the household file. */
  readonly kind: 'identification' | 'elimination';
  readonly names: Readonly<Record<IdentificationStep, string>>;
  get(state: HouseholdState): IdentificationCase | null;
  set(state: HouseholdState, c: IdentificationCase): void;
}

export const IDENTIFICATION_SLOT: CaseSlot = {
  kind: 'identification',
  names: STEP_NAMES,
  get: (state) => state.currentCase,
  set: (state, c) => {
    state.currentCase = c;
  },
};

export function caseResult(c: IdentificationCase, merged?: boolean): CaseResult {
  return { caseNo: c.caseNo, status: c.progress.status, current: c.progress.current, ...(merged ? { merged } : {}) };
}

export function inProgress(state: HouseholdState, slot: CaseSlot): IdentificationCase | null {
  const c = slot.get(state);
  return c?.progress.status === 'in_progress' ? c : null;
}

export function requireStep(state: HouseholdState, slot: CaseSlot, step: NonNullable<CaseProgress['current']>): IdentificationCase {
  const open = inProgress(state, slot);
  if (!open) refuse(REFUSALS.wrongStep, slot.kind === 'identification' ? m.noCaseInProgress : m.noEliminationInProgress);
  if (open.progress.current !== step) {
    refuse(REFUSALS.wrongStep, m.notCurrentStep(slot.names[step], open.progress.current ? slot.names[open.progress.current] : '—'));
  }
  return open;
}

/** Stores the case; entering the public notice starts its clock. */
export function enterStep(state: HouseholdState, slot: CaseSlot, next: IdentificationCase, now: number): IdentificationCase {
  const startsNotice = next.progress.current === 'public_notice' && slot.get(state)?.progress.current !== 'public_notice';
  const stored = startsNotice
    ? { ...next, noticeRound: next.noticeRound + 1, noticeEndsAt: now + (next.policy.publicNoticeDays ?? 0) * DAY_MS }
    : next;
  slot.set(state, stored);
  return stored;
}

export async function announceNotice(state: HouseholdState, slot: CaseSlot, c: IdentificationCase, actorUserId: string): Promise<void> {
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

export function eventBase(state: HouseholdState, kind: string, actorUserId: string | null, at: number) {
  return { householdId: state.householdId, eventKey: state.nextEventKey(kind), kind, actorUserId, occurredAt: at };
}
