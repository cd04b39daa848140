import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { toLocalDate } from '../../domain/calendar.js';
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
  setHandler(submitMonthlyUpdate, (update) => monitoring.onMonthlyUpdate(state, update, now), {
    validator: (update) => monitoring.validateMonthlyUpdate(state, update, now()),
  });
  setHandler(recordVisit, (visit) => monitoring.onVisit(state, visit, now), {
    validator: (visit) => monitoring.validateVisit(state, visit, now()),
  });
  setHandler(openIdentification, (open) => identification.onOpen(state, open, now), {
    validator: (open) => identification.validateOpen(state, open),
  });
  setHandler(submitApplication, (application) => identification.onApplication(state, application, now), {
    validator: (application) => identification.validateApplication(state, application),
  });
  setHandler(decideStep, (decision) => identification.onDecision(state, decision, now), {
    validator: (decision) => identification.validateDecision(state, decision),
  });
  setHandler(raiseObjection, (objection) => identification.onObjection(state, objection, now), {
    validator: (objection) => identification.validateObjection(state, objection),
  });
  setHandler(proposeElimination, (proposal) => elimination.onProposal(state, proposal, now), {
    validator: (proposal) => elimination.validateProposal(state, proposal),
  });
  setHandler(decideElimination, (decision) => elimination.onDecision(state, decision, now), {
    validator: (decision) => elimination.validateDecision(state, decision),
  });
  setHandler(raiseEliminationObjection, (objection) => elimination.onObjection(state, objection, now), {
    validator: (objection) => elimination.validateObjection(state, objection),
  });
  setHandler(rollbackElimination, (rollback) => elimination.onRollback(state, rollback, now), {
    validator: (rollback) => elimination.validateRollback(state, rollback),
  });
  setHandler(draftPlan, (input) => plan.onDraftPlan(state, input, now), { validator: (input) => plan.validateDraftPlan(state, input) });
  setHandler(confirmPlan, (input) => plan.onConfirmPlan(state, input, now), { validator: (input) => plan.validateConfirmPlan(state, input) });
  setHandler(reassignTask, (input) => plan.onReassign(state, input, now), { validator: (input) => plan.validateReassign(state, input) });
  setHandler(waiveTaskRequirement, (input) => plan.onWaiveRequirement(state, input, now), {
    validator: (input) => plan.validateWaiveRequirement(state, input),
  });

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
  ]);
  await condition(allHandlersFinished);
  await continueAsNew<typeof householdWorkflow>({ ...input, carried: state.snapshot() });
}
