/**
 * Identification 监测程序: discovery → application → the county's review steps →
 * decision. Each human step is an Update whose validator refuses the wrong step,
 * the wrong role or jurisdiction, and invalid input before anything is recorded.
 */
import { condition } from '@temporalio/workflow';
import type { Role } from '../../domain/access.js';
import { parsePeriod, periodOf } from '../../domain/calendar.js';
import {
  decide,
  isDecidingStep,
  MONITORING_CATEGORIES,
  noticePassed,
  objectionRaised,
  openCase,
  RISK_CAUSES,
  STEP_NAMES,
  STEP_ROLES,
  submitApplication as applicationSubmitted,
  type CaseProgress,
} from '../../domain/identification.js';
import { identificationMessages as m } from '../../domain/messages.js';
import { records } from './activities.js';
import {
  REFUSALS,
  type ApplicationInput,
  type CaseResult,
  type IdentificationCase,
  type ObjectionInput,
  type OpenCaseInput,
  type StepDecisionInput,
} from './definitions.js';
import { refuse, type HouseholdState } from './state.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const OPEN_ROLES: readonly Role[] = ['village_cadre', 'town_officer', 'county_bureau', 'department'];

const blank = (text: string | undefined) => !text || text.trim().length === 0;

function result(c: IdentificationCase, merged?: boolean): CaseResult {
  return { caseNo: c.caseNo, status: c.progress.status, current: c.progress.current, ...(merged ? { merged } : {}) };
}

function caseInProgress(state: HouseholdState): IdentificationCase | null {
  return state.currentCase?.progress.status === 'in_progress' ? state.currentCase : null;
}

function requireStep(state: HouseholdState, step: NonNullable<CaseProgress['current']>): IdentificationCase {
  const open = caseInProgress(state);
  if (!open) refuse(REFUSALS.wrongStep, m.noCaseInProgress);
  if (open.progress.current !== step) {
    refuse(REFUSALS.wrongStep, m.notCurrentStep(STEP_NAMES[step], open.progress.current ? STEP_NAMES[open.progress.current] : '—'));
  }
  return open;
}

export function validateOpen(state: HouseholdState, input: OpenCaseInput): void {
  state.checkActor(input.actor, OPEN_ROLES, '发现登记');
  if (input.actor.role === 'department' && input.channel !== 'department_warning') refuse(REFUSALS.notAllowed, m.departmentOnlyWarns);
  if (blank(input.reason)) refuse(REFUSALS.invalidInput, m.reasonRequired);
  if (state.stage === 'monitoring') refuse(REFUSALS.wrongStep, m.alreadyMonitored);
}

export async function onOpen(state: HouseholdState, input: OpenCaseInput, now: () => number): Promise<CaseResult> {
  // A discovery arriving while a case is being opened joins that case. (No await
  // unless needed: the check and the claim below must happen in one step.)
  if (state.opening) await condition(() => !state.opening);
  const open = caseInProgress(state);
  if (open) {
    state.currentCase = { ...open, channels: [...open.channels, input.channel] };
    await records.recordHouseholdEvent({
      ...base(state, 'identification.discovery_merged', input.actor.userId, now()),
      payload: { caseNo: open.caseNo, channel: input.channel, reason: input.reason },
    });
    return result(open, true);
  }
  state.opening = true;
  try {
    const policy = await records.loadCasePolicy({ countyId: state.input.place.countyId, period: periodOf(now()) });
    state.casesOpened += 1;
    const opened: IdentificationCase = {
      caseNo: state.casesOpened,
      openedAt: now(),
      channels: [input.channel],
      policy,
      progress: openCase(policy.steps),
      noticeRound: 0,
      noticeEndsAt: null,
      lastReturnReason: null,
      assessment: null,
    };
    state.currentCase = opened;
    state.stage = 'identifying';
    await records.recordHouseholdEvent({
      ...base(state, 'identification.opened', input.actor.userId, opened.openedAt),
      payload: { caseNo: opened.caseNo, channel: input.channel, reason: input.reason, policy },
      stage: 'identifying',
    });
    return result(opened);
  } finally {
    state.opening = false;
  }
}

export function validateApplication(state: HouseholdState, input: ApplicationInput): void {
  requireStep(state, 'application');
  state.checkActor(input.actor, STEP_ROLES.application, STEP_NAMES.application);
  if (blank(input.statement)) refuse(REFUSALS.invalidInput, m.statementRequired);
  if (input.riskCauses.length === 0 || input.riskCauses.some((c) => !RISK_CAUSES.includes(c))) refuse(REFUSALS.invalidInput, m.riskCausesRequired);
  const survey = input.survey;
  if (!Number.isInteger(survey.memberCount) || survey.memberCount < 1) refuse(REFUSALS.invalidInput, m.memberCountInvalid);
  for (const line of [...survey.income, ...survey.spending]) {
    const mayBeLoss = line.kind === 'production_net' || line.kind === 'property';
    if (!Number.isFinite(line.yuan) || (line.yuan < 0 && !mayBeLoss)) refuse(REFUSALS.invalidInput, m.amountInvalid(line.period));
    try {
      parsePeriod(line.period);
    } catch {
      refuse(REFUSALS.invalidInput, m.periodInvalid(String(line.period)));
    }
  }
}

export async function onApplication(state: HouseholdState, input: ApplicationInput, now: () => number): Promise<CaseResult> {
  const open = requireStep(state, 'application');
  const progress = applicationSubmitted(open.progress);
  const updated = enterStep(state, { ...open, progress }, now());
  const at = now();
  await records.recordHouseholdEvent({
    ...base(state, progress.submissions > 1 ? 'identification.application_resubmitted' : 'identification.application_submitted', input.actor.userId, at),
    payload: {
      caseNo: open.caseNo,
      statement: input.statement,
      riskCauses: input.riskCauses,
      survey: input.survey,
      evidence: input.evidence,
      submission: progress.submissions,
      next: progress.current,
    },
  });
  // The income and expenditure calculation 收支测算 by the county's profile in force this month.
  const assessment = await records.assessHousehold({
    householdId: state.householdId,
    countyId: state.input.place.countyId,
    period: periodOf(at),
    key: state.nextEventKey('identification.assessed'),
    eventKind: 'identification.assessed',
    source: `application:${open.caseNo}:${progress.submissions}`,
    actorUserId: input.actor.userId,
    occurredAt: at,
    memberCount: input.survey.memberCount,
    income: input.survey.income,
    spending: input.survey.spending,
    ...(input.survey.lastYearIncomePerCapita === undefined ? {} : { lastYearIncomePerCapita: input.survey.lastYearIncomePerCapita }),
    ...(input.survey.threats ? { threats: input.survey.threats } : {}),
    riskCauses: input.riskCauses,
    context: { caseNo: open.caseNo, submission: progress.submissions },
  });
  if (state.currentCase?.caseNo === open.caseNo) state.currentCase = { ...state.currentCase, assessment };
  await announceNotice(state, updated, input.actor.userId);
  return result(updated);
}

export function validateDecision(state: HouseholdState, input: StepDecisionInput): void {
  const open = requireStep(state, input.step);
  state.checkActor(input.actor, STEP_ROLES[input.step], STEP_NAMES[input.step]);
  if (!['approve', 'reject', 'return'].includes(input.decision)) refuse(REFUSALS.invalidInput, m.decisionInvalid);
  if (blank(input.opinion)) refuse(REFUSALS.invalidInput, m.opinionRequired);
  if (input.step === 'village_review' && (input.participants ?? []).filter((p) => !blank(p)).length === 0) {
    refuse(REFUSALS.invalidInput, m.participantsRequired);
  }
  if (input.decision === 'approve' && isDecidingStep(open.progress, input.step)) {
    if (!input.category || !MONITORING_CATEGORIES.includes(input.category)) refuse(REFUSALS.invalidInput, m.categoryRequired);
    if (!input.riskCauses?.length || input.riskCauses.some((c) => !RISK_CAUSES.includes(c))) refuse(REFUSALS.invalidInput, m.riskCausesRequired);
  }
}

export async function onDecision(state: HouseholdState, input: StepDecisionInput, now: () => number): Promise<CaseResult> {
  const open = requireStep(state, input.step);
  const deciding = isDecidingStep(open.progress, input.step);
  const progress = decide(open.progress, input.step, input.decision);
  const updated = enterStep(state, { ...open, progress, lastReturnReason: input.decision === 'return' ? input.opinion : open.lastReturnReason }, now());
  let kind = 'identification.step_approved';
  let stage: string | undefined;
  if (progress.status === 'approved') {
    kind = 'identification.approved';
    state.stage = 'monitoring';
    state.category = input.category ?? null;
    state.riskCauses = [...(input.riskCauses ?? [])];
    stage = 'monitoring';
  } else if (progress.status === 'rejected') {
    kind = 'identification.rejected';
    state.stage = 'not_included';
    stage = 'not_included';
  } else if (input.decision === 'return') {
    kind = 'identification.returned';
  }
  await records.recordHouseholdEvent({
    ...base(state, kind, input.actor.userId, now()),
    payload: {
      caseNo: open.caseNo,
      step: input.step,
      decision: input.decision,
      deciding,
      opinion: input.opinion,
      participants: input.participants ?? [],
      evidence: input.evidence ?? [],
      category: progress.status === 'approved' ? input.category : undefined,
      riskCauses: progress.status === 'approved' ? input.riskCauses : undefined,
      next: progress.current,
    },
    ...(stage ? { stage } : {}),
    ...(progress.status === 'approved' && input.category ? { category: input.category } : {}),
  });
  await announceNotice(state, updated, input.actor.userId);
  return result(updated);
}

export function validateObjection(state: HouseholdState, input: ObjectionInput): void {
  requireStep(state, 'public_notice');
  state.checkActor(input.actor, STEP_ROLES.public_notice, '公示异议登记');
  if (blank(input.objector) || blank(input.content)) refuse(REFUSALS.invalidInput, m.objectionIncomplete);
}

export async function onObjection(state: HouseholdState, input: ObjectionInput, now: () => number): Promise<CaseResult> {
  const open = requireStep(state, 'public_notice');
  const updated = enterStep(state, { ...open, progress: objectionRaised(open.progress) }, now());
  await records.recordHouseholdEvent({
    ...base(state, 'identification.objection_raised', input.actor.userId, now()),
    payload: { caseNo: open.caseNo, objector: input.objector, content: input.content, next: updated.progress.current },
  });
  return result(updated);
}

/**
 * Runs each public notice 公示 for the profile's number of days. Ends when the
 * run hands over to continue-as-new.
 */
export async function runPublicNotices(state: HouseholdState, handOver: () => boolean, now: () => number): Promise<void> {
  for (;;) {
    await condition(() => inNotice(state) || handOver());
    if (handOver()) return;
    const notice = state.currentCase!;
    const round = notice.noticeRound;
    const stillThisNotice = () => inNotice(state) && state.currentCase?.noticeRound === round;
    const endsAt = notice.noticeEndsAt ?? now();
    if (endsAt > now()) await condition(() => !stillThisNotice() || handOver(), endsAt - now());
    if (handOver()) return;
    if (!stillThisNotice()) continue;
    const passed: IdentificationCase = enterStep(state, { ...notice, progress: noticePassed(notice.progress) }, now());
    await records.recordHouseholdEvent({
      ...base(state, 'identification.notice_passed', null, endsAt),
      payload: { caseNo: notice.caseNo, days: notice.policy.publicNoticeDays, next: passed.progress.current },
    });
  }
}

function inNotice(state: HouseholdState): boolean {
  return caseInProgress(state)?.progress.current === 'public_notice';
}

/** Stores the case; entering the public notice starts its clock. */
function enterStep(state: HouseholdState, next: IdentificationCase, now: number): IdentificationCase {
  const startsNotice = next.progress.current === 'public_notice' && state.currentCase?.progress.current !== 'public_notice';
  const stored = startsNotice
    ? { ...next, noticeRound: next.noticeRound + 1, noticeEndsAt: now + (next.policy.publicNoticeDays ?? 0) * DAY_MS }
    : next;
  state.currentCase = stored;
  return stored;
}

async function announceNotice(state: HouseholdState, c: IdentificationCase, actorUserId: string): Promise<void> {
  if (c.progress.current !== 'public_notice' || c.noticeEndsAt === null) return;
  await records.recordHouseholdEvent({
    ...base(state, 'identification.notice_started', actorUserId, c.noticeEndsAt - (c.policy.publicNoticeDays ?? 0) * DAY_MS),
    payload: { caseNo: c.caseNo, days: c.policy.publicNoticeDays, endsAt: new Date(c.noticeEndsAt).toISOString() },
  });
}

function base(state: HouseholdState, kind: string, actorUserId: string | null, at: number) {
  return { householdId: state.householdId, eventKey: state.nextEventKey(kind), kind, actorUserId, occurredAt: at };
}
