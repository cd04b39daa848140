import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { addMonths, endOfDayInPeriod, periodOf, startOfPeriod, type Period } from '../../domain/calendar.js';
import {
  getHouseholdState,
  submitMonthlyUpdate,
  type HouseholdWorkflowInput,
  type MonthlyUpdateInput,
  type MonthlyUpdateResult,
} from './definitions.js';
import { HouseholdState, MONTHLY_UPDATE_DAY } from './state.js';

const { recordHouseholdEvent } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/** One household's whole life in the system: 一户一档, one workflow. */
export async function householdWorkflow(input: HouseholdWorkflowInput): Promise<void> {
  const state = new HouseholdState(input, Date.now());
  const id = state.householdId;

  setHandler(getHouseholdState, () => state.view());
  setHandler(submitMonthlyUpdate, (update) => onMonthlyUpdate(state, update), {
    validator: (update) => state.validateMonthlyUpdate(update, Date.now()),
  });

  if (state.isFirstRun) {
    await recordHouseholdEvent({
      householdId: id,
      eventKey: `${id}:registered`,
      kind: 'household.registered',
      actorUserId: input.openedBy.userId,
      occurredAt: state.openedAt,
      payload: { channel: input.channel },
      stage: 'monitoring',
    });
  }

  await monitorMonthly(state);
  await condition(allHandlersFinished);
  await continueAsNew<typeof householdWorkflow>({ ...input, carried: state.snapshot() });
}

async function onMonthlyUpdate(state: HouseholdState, update: MonthlyUpdateInput): Promise<MonthlyUpdateResult> {
  const sequence = state.updatesFor(update.period);
  const record = state.acceptMonthlyUpdate(update, Date.now());
  await recordHouseholdEvent({
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
  const handOver = () => workflowInfo().continueAsNewSuggested;
  while (!handOver()) {
    const period: Period = periodOf(Date.now());
    const deadline = endOfDayInPeriod(period, MONTHLY_UPDATE_DAY);
    // A household opened after this month's deadline is first due next month.
    const due = deadline > state.openedAt;
    if (due && Date.now() < deadline) {
      await condition(() => state.hasUpdate(period) || handOver(), deadline - Date.now());
      if (handOver()) return;
    }
    if (due && !state.hasUpdate(period) && !state.isOverdue(period)) {
      state.markOverdue(period);
      await recordHouseholdEvent({
        householdId: state.householdId,
        eventKey: `${state.householdId}:monthly_update_overdue:${period}`,
        kind: 'monthly_update.overdue',
        actorUserId: null,
        occurredAt: deadline,
        payload: { period, deadline: new Date(deadline).toISOString() },
      });
    }
    const nextMonth = startOfPeriod(addMonths(period, 1));
    await condition(handOver, nextMonth - Date.now());
  }
}
