import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import { addMonths, endOfDayInPeriod, periodOf, startOfPeriod, type Period } from '../../domain/calendar.js';
import { records } from './activities.js';
import {
  decideStep,
  getHouseholdState,
  openIdentification,
  raiseObjection,
  submitApplication,
  submitMonthlyUpdate,
  type HouseholdWorkflowInput,
  type MonthlyUpdateInput,
  type MonthlyUpdateResult,
} from './definitions.js';
import * as identification from './identification.js';
import { HouseholdState, MONTHLY_UPDATE_DAY } from './state.js';

const now = () => Date.now();
const handOver = () => workflowInfo().continueAsNewSuggested;

/** One household's whole life in the system: 一户一档, one workflow. */
export async function householdWorkflow(input: HouseholdWorkflowInput): Promise<void> {
  const state = new HouseholdState(input, now());
  const id = state.householdId;

  setHandler(getHouseholdState, () => state.view());
  setHandler(submitMonthlyUpdate, (update) => onMonthlyUpdate(state, update), {
    validator: (update) => state.validateMonthlyUpdate(update, now()),
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

  await Promise.all([monitorMonthly(state), identification.runPublicNotices(state, handOver, now)]);
  await condition(allHandlersFinished);
  await continueAsNew<typeof householdWorkflow>({ ...input, carried: state.snapshot() });
}

async function onMonthlyUpdate(state: HouseholdState, update: MonthlyUpdateInput): Promise<MonthlyUpdateResult> {
  const sequence = state.updatesFor(update.period);
  const record = state.acceptMonthlyUpdate(update, now());
  await records.recordHouseholdEvent({
    householdId: state.householdId,
    eventKey: `${state.householdId}:monthly_update:${update.period}:${sequence}`,
    kind: 'monthly_update.submitted',
    actorUserId: update.actor.userId,
    occurredAt: record.submittedAt,
    payload: { period: update.period, late: record.late, note: update.note ?? null },
  });
  return { period: record.period, late: record.late };
}

/**
 * Each month: wait for the update until the deadline (the 20th, Asia/Shanghai);
 * missing then, it is recorded overdue. Returns when the run should continue as new.
 */
async function monitorMonthly(state: HouseholdState): Promise<void> {
  while (!handOver()) {
    const period: Period = periodOf(now());
    const deadline = endOfDayInPeriod(period, MONTHLY_UPDATE_DAY);
    // A household opened after this month's deadline is first due next month.
    const due = deadline > state.openedAt;
    if (due && now() < deadline) {
      await condition(() => state.hasUpdate(period) || handOver(), deadline - now());
      if (handOver()) return;
    }
    if (due && !state.hasUpdate(period) && !state.isOverdue(period)) {
      state.markOverdue(period);
      await records.recordHouseholdEvent({
        householdId: state.householdId,
        eventKey: `${state.householdId}:monthly_update_overdue:${period}`,
        kind: 'monthly_update.overdue',
        actorUserId: null,
        occurredAt: deadline,
        payload: { period, deadline: new Date(deadline).toISOString() },
      });
    }
    const nextMonth = startOfPeriod(addMonths(period, 1));
    await condition(handOver, nextMonth - now());
  }
}
