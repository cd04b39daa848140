import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { toLocalDate } from '../../domain/calendar/dates.js';
import { AnsweredUpdates } from '../shared/answered-updates.js';
import { records } from './activities.js';
import { runClocks } from './clocks.js';
import {
  confirmPlan,
  decideElimination,
  decideStep,
  draftPlan,
  getHouseholdState,
  openIdentification,
  proposeElimination,
  recordSelfReport,
  raiseEliminationObjection,
  raiseObjection,
  reassignTask,
  recordVisit,
  rollbackElimination,
  submitApplication,
  submitMonthlyUpdate,
  waiveTaskRequirement,
  type HouseholdWorkflowInput,
} from './definitions.js';
import * as elimination from './elimination.js';
import * as identification from './identification.js';
import * as monitoring from './monitoring.js';
import * as plan from './plan.js';
import { IDENTIFICATION_SLOT, runPublicNotices } from './review-case.js';
import { HouseholdState } from './state.js';

const now = () => Date.now();

/** One household's whole life in the system: 一户一档, one workflow. */
export async function householdWorkflow(input: HouseholdWorkflowInput): Promise<void> {
  const state = new HouseholdState(input, now());
  const id = state.householdId;
  // A run covers at most one calendar year (Asia/Shanghai): at the turn of the year, or
  // earlier when Temporal suggests it, the household continues as new with its state.
  const runYear = toLocalDate(now()).year;
  const handOver = () => workflowInfo().continueAsNewSuggested || toLocalDate(now()).year > runYear;

  setHandler(getHouseholdState, () => state.view());
  // Every update is carried out at most once, also when it reaches the next run again.
  const answered = new AnsweredUpdates(input.carried?.answeredUpdates);
  const on = answered.setHandler.bind(answered);
  on(submitMonthlyUpdate, (update) => monitoring.onMonthlyUpdate(state, update, now), (update) => monitoring.validateMonthlyUpdate(state, update, now()));
  on(recordVisit, (visit) => monitoring.onVisit(state, visit, now), (visit) => monitoring.validateVisit(state, visit, now()));
  on(openIdentification, (open) => identification.onOpen(state, open, now), (open) => identification.validateOpen(state, open));
  on(submitApplication, (application) => identification.onApplication(state, application, now), (application) => identification.validateApplication(state, application));
  on(decideStep, (decision) => identification.onDecision(state, decision, now), (decision) => identification.validateDecision(state, decision));
  on(raiseObjection, (objection) => identification.onObjection(state, objection, now), (objection) => identification.validateObjection(state, objection));
  on(proposeElimination, (proposal) => elimination.onProposal(state, proposal, now), (proposal) => elimination.validateProposal(state, proposal));
  on(decideElimination, (decision) => elimination.onDecision(state, decision, now), (decision) => elimination.validateDecision(state, decision));
  on(raiseEliminationObjection, (objection) => elimination.onObjection(state, objection, now), (objection) => elimination.validateObjection(state, objection));
  on(rollbackElimination, (rollback) => elimination.onRollback(state, rollback, now), (rollback) => elimination.validateRollback(state, rollback));
  on(draftPlan, (input) => plan.onDraftPlan(state, input, now), (input) => plan.validateDraftPlan(state, input));
  on(confirmPlan, (input) => plan.onConfirmPlan(state, input, now), (input) => plan.validateConfirmPlan(state, input));
  on(reassignTask, (input) => plan.onReassign(state, input, now), (input) => plan.validateReassign(state, input));
  on(waiveTaskRequirement, (input) => plan.onWaiveRequirement(state, input, now), (input) => plan.validateWaiveRequirement(state, input));
  on(recordSelfReport, (report) => identification.onSelfReport(state, report, now), (report) => identification.validateSelfReport(state, report));

  if (state.isFirstRun) {
    await records.recordHouseholdEvent({
      householdId: id,
      eventKey: `${id}:registered`,
      kind: 'household.registered',
      actorUserId: input.openedBy.userId,
      occurredAt: state.openedAt,
      payload: { channel: input.channel },
    });
  }

  await Promise.all([
    monitoring.monitorMonthly(state, handOver, now),
    runPublicNotices(state, IDENTIFICATION_SLOT, handOver, now),
    runPublicNotices(state, elimination.ELIMINATION_SLOT, handOver, now),
    runClocks(state, IDENTIFICATION_SLOT, handOver, now),
    runClocks(state, elimination.ELIMINATION_SLOT, handOver, now),
  ]);
  await condition(allHandlersFinished);
  await continueAsNew<typeof householdWorkflow>({ ...input, carried: { ...state.snapshot(), answeredUpdates: answered.snapshot() } });
}
