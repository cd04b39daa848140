/**
 * The household's monthly steps made cheap on the engine (issue 19), behind
 * patches so that runs recorded before them replay as they ran:
 * - `monthly-steps-one-activity`: the month turn, an item's deadline passed
 *   and the monthly update each one idempotent, transactional local activity
 *   (activities/monthly-steps.ts) where there were two to four activities —
 *   a marker in the history instead of six events and a workflow task each;
 * - `month-turn-spread`: the month's items open at the household's own moment
 *   within the month's first hours (domain/monitoring/month-turn.ts), not all at
 *   00:00 on the 1st; the deadlines stay the plan's. An update or a visit for
 *   the month that comes before that moment opens the month first;
 * - `monthly-warning-routed`: the update's one step also routes a monitored
 *   household's warning to its follow-up item, clock and notices, as a
 *   department feed's warning is (activities/monthly-warning.ts).
 */
import { patched, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import type { AssessInput } from '../../activities/assessment.js';
import type { RecordEventInput } from '../../activities/records.js';
import { startOfPeriod, type Period } from '../../domain/calendar/dates.js';
import { stageAfter } from '../../domain/identification/stages.js';
import { MONTHLY_ITEM_KINDS, type MonthlyItemKind } from '../../domain/monitoring/month-plan.js';
import { monthTurnDelayMs } from '../../domain/monitoring/month-turn.js';
import type { RiskSignal } from '../../domain/monitoring/risk-signal.js';
import { records } from './activities.js';
import { householdWorkflowId, type DueRecord } from './definitions.js';
import { eventBase } from './review-case.js';
import type { HouseholdState } from './state.js';

export const MONTHLY_STEPS_PATCH = 'monthly-steps-one-activity';
export const MONTH_TURN_SPREAD_PATCH = 'month-turn-spread';
/** The monthly update's warning of a monitored household routed to a follow-up, as a department feed's is (issue 15, item 5). */
export const MONTHLY_WARNING_ROUTED_PATCH = 'monthly-warning-routed';

/** Short writes of the records, run by the worker inside the workflow task: retried as the activities are (idempotent by key). */
const steps = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/** The month being opened (shared by the monthly loop and a handler that comes meanwhile), and the month whose opening waits for its moment. */
const opening = new WeakMap<HouseholdState, { period: Period; done: Promise<void> }>();
const deferred = new WeakMap<HouseholdState, Period>();

/**
 * When the household's items of the month open: at the month's start, or under the spread at its moment after it
 * (from its workflow id, made from the household's id: the same in a replay under another id).
 */
export function monthOpensAt(state: HouseholdState, period: Period, spread: boolean): number {
  return startOfPeriod(period) + (spread ? monthTurnDelayMs(householdWorkflowId(state.householdId)) : 0);
}

/** Opens the month's items, once even when the loop and a handler ask at the same time. */
export function openMonthOnce(state: HouseholdState, period: Period, at: number): Promise<void> {
  const current = opening.get(state);
  if (current?.period === period) return current.done;
  const done = openMonth(state, period, at).finally(() => {
    if (deferred.get(state) === period) deferred.delete(state);
  });
  opening.set(state, { period, done });
  return done;
}

/** The monthly loop waits for the month's moment: until then an update or a visit for the month opens it first. */
export function deferOpening(state: HouseholdState, period: Period): void {
  deferred.set(state, period);
}

/** Before work for `period` is recorded: opens the month if its opening is waiting for its moment. */
export async function openDeferredMonth(state: HouseholdState, period: Period, at: number): Promise<void> {
  if (deferred.get(state) === period) await openMonthOnce(state, period, at);
}

async function openMonth(state: HouseholdState, period: Period, at: number): Promise<void> {
  const eliminated = state.stage === 'eliminated';
  const oneStep = patched(MONTHLY_STEPS_PATCH);
  const keys = Object.fromEntries(MONTHLY_ITEM_KINDS.map((kind) => [kind, state.dueKey(kind, period)])) as Record<MonthlyItemKind, string>;
  const plan = oneStep
    ? await steps.openMonth({ countyId: state.input.place.countyId, householdId: state.householdId, period, eliminated, keys, registeredAt: state.openedAt, openedAt: at })
    : await records.planMonth({ countyId: state.input.place.countyId, period, eliminated });
  state.monthlyDueDay = plan.day;
  // A household registered after a deadline of this month is first due for it next month.
  const items: DueRecord[] = plan.items
    .filter((i) => i.dueAt > state.openedAt)
    .map((i) => ({ key: keys[i.kind], kind: i.kind, period, dueAt: i.dueAt, doneAt: null, late: false, overdue: false }));
  if (items.length === 0) return;
  if (!oneStep) await records.openHouseholdDueItems({ items: items.map(({ key, kind, dueAt }) => ({ key, kind, householdId: state.householdId, period, dueAt })), openedAt: at });
  state.addItems(items, at);
}

/** The deadline passed with the item open: the register, the inboxes and the file. */
export async function markItemOverdue(state: HouseholdState, item: DueRecord): Promise<void> {
  state.markOverdue(item);
  const entry: RecordEventInput = {
    ...eventBase(state, `${item.kind}.overdue`, null, item.dueAt),
    payload: { period: item.period, deadline: new Date(item.dueAt).toISOString() },
  };
  if (patched(MONTHLY_STEPS_PATCH)) {
    await steps.markMonthlyItemOverdue({ overdue: { key: item.key, at: item.dueAt }, entry });
    return;
  }
  await records.markHouseholdItemOverdue({ key: item.key, at: item.dueAt });
  await records.recordHouseholdEvent(entry);
}

/**
 * The monthly update as one step: the item done, the file's entry, the
 * re-assessment and the entry for what it showed. `submitted` and `assess`
 * are made by the caller in the order the keys were always taken.
 */
export async function monthlyUpdateInOneStep(
  state: HouseholdState,
  update: { period: Period; byUserId: string; at: number },
  make: () => { submitted: RecordEventInput; assess: AssessInput },
): Promise<{ late: boolean; signal: RiskSignal }> {
  const { period, byUserId, at } = update;
  await openDeferredMonth(state, period, at);
  const item = state.item('monthly_update', period);
  const late = state.isLate('monthly_update', period, at);
  const completing = item !== undefined && item.doneAt === null;
  if (completing) state.completeItem('monthly_update', period, at);
  const { submitted, assess } = make();
  const result = await steps.recordMonthlyUpdate({
    complete: completing ? { key: item.key, at, byUserId } : null,
    submitted,
    assess,
    signal: { status: state.monitoringStatus, previous: state.lastAssessment, seq: state.reserveEventSeq(), reportedBy: byUserId },
    ...(patched(MONTHLY_WARNING_ROUTED_PATCH) ? { routeWarning: true } : {}),
  });
  state.lastAssessment = result.assessment;
  if (result.signal.kind === 'reentry') state.stage = stageAfter('riskReturned');
  return { late, signal: result.signal };
}
