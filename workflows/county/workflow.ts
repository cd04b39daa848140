import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { addMonths, HOUR_MS, periodOf, startOfPeriod, toLocalDate, type Period } from '../../domain/calendar/dates.js';
import { isLate } from '../../domain/deadlines/lateness.js';
import { RECORDS_RETRY, WEBHOOK_DELIVERY_RETRY } from '../shared/retry.js';
import {
  completeCountyItem,
  DIGEST_HOUR,
  getCountyState,
  type CompleteCountyItemInput,
  type CompleteCountyItemResult,
  type CountyWorkflowInput,
} from './definitions.js';
import { CountyState } from './state.js';

const county = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: RECORDS_RETRY,
});
/** A digest is worth a few days of retries; the inbox has it anyway. */
const delivery = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', scheduleToCloseTimeout: '3 days', retry: WEBHOOK_DELIVERY_RETRY });

const now = () => Date.now();

/**
 * The county's cadence: each month its own and its departments' items are
 * opened in the register, each deadline in turn marks what is still open
 * overdue (the department or the county bureau is told), late work is
 * accepted and recorded late; on the 1st each department with overdue tasks
 * gets the digest of them (月度逾期任务汇总) in its inbox and through its
 * webhook. A new year continues as new.
 */
export async function countyWorkflow(input: CountyWorkflowInput): Promise<void> {
  const state = new CountyState(input, now());
  const year = toLocalDate(now()).year;
  const handOver = () => workflowInfo().continueAsNewSuggested || toLocalDate(now()).year > year;
  const deliveries: Promise<unknown>[] = [];

  setHandler(getCountyState, () => state.view());
  state.answered.setHandler(completeCountyItem, (done) => onComplete(state, done), (done) => state.validateComplete(done));

  while (!handOver()) {
    const thisMonth: Period = periodOf(now());
    const monthEnd = startOfPeriod(addMonths(thisMonth, 1));
    if (state.plannedUntil < monthEnd) {
      const opened = await county.openCountyItems({ countyId: state.countyId, fromMs: state.plannedUntil, toMs: monthEnd, at: now() });
      const fresh = opened.filter((p) => !state.ledger.has(p.key)).map((p) => ({ ...p, doneAt: null, late: false, overdue: false }));
      state.ledger.add(fresh, now());
      state.plannedUntil = monthEnd;
    }
    const sendAt = startOfPeriod(thisMonth) + DIGEST_HOUR * HOUR_MS;
    const digestOf = addMonths(thisMonth, -1);
    if (now() >= sendAt && state.lastDigest !== digestOf) {
      const sent = await county.sendOverdueDigests({ countyId: state.countyId, period: digestOf, at: sendAt });
      for (const id of sent.webhooks) deliveries.push(delivery.deliverWebhook({ notificationId: id }).catch(() => undefined));
      state.lastDigest = digestOf;
    }
    for (const item of state.ledger.pastDue(now())) {
      state.ledger.markOverdue(item.key);
      await county.markCountyItemOverdue({ countyId: state.countyId, key: item.key, at: item.dueAt });
    }
    const waiting = state.ledger.waiting();
    const nextDigest = now() < sendAt ? sendAt : startOfPeriod(addMonths(thisMonth, 1)) + DIGEST_HOUR * HOUR_MS;
    const wakeAt = Math.min(nextDigest, monthEnd, ...waiting.map((i) => i.dueAt));
    await condition(() => handOver() || state.ledger.waiting().length < waiting.length, wakeAt - now());
  }
  await Promise.all(deliveries);
  await condition(allHandlersFinished);
  await continueAsNew<typeof countyWorkflow>({ version: 1, countyId: state.countyId, carried: state.snapshot() });
}

async function onComplete(state: CountyState, done: CompleteCountyItemInput): Promise<CompleteCountyItemResult> {
  const item = state.item(done.kind, done.period)!;
  const at = now();
  state.ledger.complete(item.key, at);
  const recorded = await county.completeCountyItem({ key: item.key, at, byUserId: done.actor.userId });
  return { kind: item.kind, period: item.periodKey, doneAt: at, late: recorded?.late ?? isLate(at, item.dueAt) };
}
