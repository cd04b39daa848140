import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { records } from './activities.js';
import {
  decideStep,
  getHouseholdState,
  openIdentification,
  raiseObjection,
  recordVisit,
  submitApplication,
  submitMonthlyUpdate,
  type HouseholdWorkflowInput,
} from './definitions.js';
import * as identification from './identification.js';
import * as monitoring from './monitoring.js';
import { HouseholdState } from './state.js';

const now = () => Date.now();
const handOver = () => workflowInfo().continueAsNewSuggested;

/** One household's whole life in the system: 一户一档, one workflow. */
export async function householdWorkflow(input: HouseholdWorkflowInput): Promise<void> {
  const state = new HouseholdState(input, now());
  const id = state.householdId;

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

  await Promise.all([monitoring.monitorMonthly(state, handOver, now), identification.runPublicNotices(state, handOver, now)]);
  await condition(allHandlersFinished);
  await continueAsNew<typeof householdWorkflow>({ ...input, carried: state.snapshot() });
}
