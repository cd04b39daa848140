/**
 * Identification 监测程序: discovery → application → the county's review steps →
 * decision. Each human step is an Update whose validator refuses the wrong step,
 * the wrong role or jurisdiction, and invalid input before anything is recorded.
 */
import { condition } from '@temporalio/workflow';
import type { Role } from '../../domain/access/roles.js';
import { periodOf } from '../../domain/calendar/dates.js';
import {
  decide,
  isDecidingStep,
  MONITORING_CATEGORIES,
  objectionRaised,
  openCase,
  RISK_CAUSES,
  STEP_NAMES,
  STEP_ROLES,
  submitApplication as applicationSubmitted,
  type CaseProgress,
} from '../../domain/identification/steps.js';
import { identificationMessages as m } from '../../domain/messages/catalogue.js';
import { records } from './activities.js';
import { syncClocks } from './clocks.js';
import {
  announceNotice as announceSlotNotice,
  caseResult,
  enterStep as enterSlotStep,
  eventBase,
  IDENTIFICATION_SLOT,
  inProgress,
  requireStep as requireIdStep,
} from './review-case.js';
import { type ApplicationInput, type CaseResult, type IdentificationCase, type ObjectionInput, type OpenCaseInput, type StepDecisionInput } from './definitions.js';
import { type HouseholdState } from './state.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { lineRefusal } from '../../domain/income/lines.js';

const OPEN_ROLES: readonly Role[] = ['village_cadre', 'town_officer', 'county_bureau', 'department'];

const blank = (text: string | undefined) => !text || text.trim().length === 0;

const ID = IDENTIFICATION_SLOT;
const result = caseResult;
const caseInProgress = (state: HouseholdState) => inProgress(state, ID);
const requireStep = (state: HouseholdState, step: NonNullable<CaseProgress['current']>) => requireIdStep(state, ID, step);
const enterStep = (state: HouseholdState, next: IdentificationCase, now: number) => enterSlotStep(state, ID, next, now);
const announceNotice = (state: HouseholdState, c: IdentificationCase, actorUserId: string) => announceSlotNotice(state, ID, c, actorUserId);
const base = eventBase;

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
    await syncClocks(state, ID, input.actor.userId, now);
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
    const refusal = lineRefusal(line);
    if (refusal) refuse(REFUSALS.invalidInput, refusal);
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
  await syncClocks(state, ID, input.actor.userId, now);
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
    // Monthly re-assessments compare with the assessment the decision rested on.
    if (open.assessment) state.lastAssessment = open.assessment;
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
  await syncClocks(state, ID, input.actor.userId, now);
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
