/**
 * Identification 监测程序: discovery → application → the county's review steps →
 * decision. Each human step is an Update whose validator refuses the wrong step,
 * the wrong role or jurisdiction, and invalid input before anything is recorded.
 */
import { condition } from '@temporalio/workflow';
import { periodOf } from '../../domain/calendar/dates.js';
import {
  isDecidingStep,
  MONITORING_CATEGORIES,
  openCase,
  RISK_CAUSES,
  submitApplication as applicationSubmitted,
  type CaseProgress,
} from '../../domain/identification/steps.js';
import { identificationMessages as m } from '../../domain/messages/catalogue.js';
import { records } from './activities.js';
import { hasFacts, recordFacts, validateFacts } from './facts.js';
import { syncClocks } from './clocks.js';
import {
  announceNotice as announceSlotNotice,
  caseResult,
  decideCase,
  enterStep as enterSlotStep,
  eventBase,
  IDENTIFICATION_SLOT,
  inProgress,
  onObjection as onCaseObjection,
  requireStep as requireIdStep,
  validateCaseDecision,
  validateObjection as validateCaseObjection,
} from './review-case.js';
import {
  type ApplicationInput,
  type CaseResult,
  type DiscoveryChannel,
  type ReviewCase,
  type ObjectionInput,
  type OpenCaseInput,
  type SelfReportDiscoveryInput,
  type StepDecisionInput,
} from './definitions.js';
import { type HouseholdState } from './state.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { isBlank } from '../../domain/text.js';
import { lineRefusal } from '../../domain/income/lines.js';
import { mayMove, stageAfter } from '../../domain/identification/stages.js';



const ID = IDENTIFICATION_SLOT;
const result = caseResult;
const caseInProgress = (state: HouseholdState) => inProgress(state, ID);
const requireStep = (state: HouseholdState, step: NonNullable<CaseProgress['current']>) => requireIdStep(state, ID, step);
const enterStep = (state: HouseholdState, next: ReviewCase, now: number) => enterSlotStep(state, ID, next, now);
const announceNotice = (state: HouseholdState, c: ReviewCase, actorUserId: string) => announceSlotNotice(state, ID, c, actorUserId);
const base = eventBase;

export function validateOpen(state: HouseholdState, input: OpenCaseInput): void {
  state.checkAction(input.actor, 'openCase');
  if (input.actor.role === 'department' && input.channel !== 'department_warning') refuse(REFUSALS.notAllowed, m.departmentOnlyWarns);
  if (isBlank(input.reason)) refuse(REFUSALS.invalidInput, m.reasonRequired);
  if (!mayMove(state.stage, 'caseOpened')) refuse(REFUSALS.wrongStep, m.alreadyMonitored);
}

export async function onOpen(state: HouseholdState, input: OpenCaseInput, now: () => number): Promise<CaseResult> {
  return openOrJoin(state, { channel: input.channel, reason: input.reason }, input.actor.userId, now);
}

/** A household's own report: it may open a case wherever a cadre's discovery may, and joins the one in progress. */
export function validateSelfReport(state: HouseholdState, input: SelfReportDiscoveryInput): void {
  if (isBlank(input.reason) || isBlank(input.receiptNo)) refuse(REFUSALS.invalidInput, m.reasonRequired);
  if (!caseInProgress(state) && !mayMove(state.stage, 'caseOpened')) refuse(REFUSALS.wrongStep, m.alreadyMonitored);
}

export async function onSelfReport(state: HouseholdState, input: SelfReportDiscoveryInput, now: () => number): Promise<CaseResult> {
  return openOrJoin(state, { channel: 'application', reason: input.reason, receiptNo: input.receiptNo }, null, now);
}

async function openOrJoin(
  state: HouseholdState,
  discovery: { channel: DiscoveryChannel; reason: string; receiptNo?: string },
  actorUserId: string | null,
  now: () => number,
): Promise<CaseResult> {
  // A discovery arriving while a case is being opened joins that case. (No await
  // unless needed: the check and the claim below must happen in one step.)
  if (state.opening) await condition(() => !state.opening);
  const open = caseInProgress(state);
  if (open) {
    state.currentCase = { ...open, channels: [...open.channels, discovery.channel] };
    await records.recordHouseholdEvent({
      ...base(state, 'identification.discovery_merged', actorUserId, now()),
      payload: { caseNo: open.caseNo, ...discovery },
    });
    return result(open, true);
  }
  state.opening = true;
  try {
    const policy = await records.loadCasePolicy({ countyId: state.input.place.countyId, period: periodOf(now()) });
    state.casesOpened += 1;
    const opened: ReviewCase = {
      caseNo: state.casesOpened,
      openedAt: now(),
      channels: [discovery.channel],
      policy,
      progress: openCase(policy.steps),
      noticeRound: 0,
      noticeEndsAt: null,
      lastReturnReason: null,
      assessment: null,
    };
    state.currentCase = opened;
    state.stage = stageAfter('caseOpened');
    await records.recordHouseholdEvent({
      ...base(state, 'identification.opened', actorUserId, opened.openedAt),
      payload: { caseNo: opened.caseNo, ...discovery, policy },
      stage: state.stage,
    });
    await syncClocks(state, ID, actorUserId, now);
    return result(opened);
  } finally {
    state.opening = false;
  }
}

export function validateApplication(state: HouseholdState, input: ApplicationInput): void {
  requireStep(state, 'application');
  state.checkAction(input.actor, 'apply');
  if (isBlank(input.statement)) refuse(REFUSALS.invalidInput, m.statementRequired);
  if (input.riskCauses.length === 0 || input.riskCauses.some((c) => !RISK_CAUSES.includes(c))) refuse(REFUSALS.invalidInput, m.riskCausesRequired);
  const survey = input.survey;
  if (!Number.isInteger(survey.memberCount) || survey.memberCount < 1) refuse(REFUSALS.invalidInput, m.memberCountInvalid);
  for (const line of [...survey.income, ...survey.spending]) {
    const refusal = lineRefusal(line);
    if (refusal) refuse(REFUSALS.invalidInput, refusal);
  }
  validateFacts(input.facts);
}

export async function onApplication(state: HouseholdState, input: ApplicationInput, now: () => number): Promise<CaseResult> {
  const open = requireStep(state, 'application');
  const progress = applicationSubmitted(open.progress);
  if (hasFacts(input.facts)) await recordFacts(state, input.facts, { source: 'application', sourceKey: `application:${open.caseNo}:${progress.submissions}`, actorUserId: input.actor.userId, at: now() });
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
  const open = validateCaseDecision(state, ID, input);
  if (input.step === 'village_review' && (input.participants ?? []).filter((p) => !isBlank(p)).length === 0) {
    refuse(REFUSALS.invalidInput, m.participantsRequired);
  }
  if (input.decision === 'approve' && isDecidingStep(open.progress, input.step)) {
    if (!input.category || !MONITORING_CATEGORIES.includes(input.category)) refuse(REFUSALS.invalidInput, m.categoryRequired);
    if (!input.riskCauses?.length || input.riskCauses.some((c) => !RISK_CAUSES.includes(c))) refuse(REFUSALS.invalidInput, m.riskCausesRequired);
  }
}

export function onDecision(state: HouseholdState, input: StepDecisionInput, now: () => number): Promise<CaseResult> {
  return decideCase(state, ID, input, now, ({ open, progress, deciding }) => {
    const approved = progress.status === 'approved';
    if (approved) {
      state.stage = stageAfter('caseApproved');
      state.category = input.category ?? null;
      state.riskCauses = [...(input.riskCauses ?? [])];
      // Monthly re-assessments compare with the assessment the decision rested on.
      if (open.assessment) state.lastAssessment = open.assessment;
    } else if (progress.status === 'rejected') {
      state.stage = stageAfter('caseRejected');
    }
    return {
      payload: {
        caseNo: open.caseNo,
        step: input.step,
        decision: input.decision,
        deciding,
        opinion: input.opinion,
        participants: input.participants ?? [],
        evidence: input.evidence ?? [],
        category: approved ? input.category : undefined,
        riskCauses: approved ? input.riskCauses : undefined,
        next: progress.current,
      },
      ...(approved || progress.status === 'rejected' ? { stage: state.stage } : {}),
      ...(approved && input.category ? { category: input.category } : {}),
    };
  });
}

export const validateObjection = (state: HouseholdState, input: ObjectionInput): void => validateCaseObjection(state, ID, input);
export const onObjection = (state: HouseholdState, input: ObjectionInput, now: () => number): Promise<CaseResult> => onCaseObjection(state, ID, input, now);
