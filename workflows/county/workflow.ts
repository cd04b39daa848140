import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { AnsweredUpdates } from '../shared/answered-updates.js';
import type { Activities } from '../../activities/index.js';
import { addMonths, HOUR_MS, periodOf, startOfPeriod, toLocalDate, type Period } from '../../domain/calendar/dates.js';
import { countyItemMessages as m, dueItemKindNames, messages } from '../../domain/messages/catalogue.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { RECORDS_RETRY, WEBHOOK_DELIVERY_RETRY } from '../shared/retry.js';
import {
  completeCountyItem,
  DIGEST_HOUR,
  getCountyState,
  type CompleteCountyItemInput,
  type CompleteCountyItemResult,
  type CountyItemRecord,
  type CountyWorkflowInput,
} from './definitions.js';
import { isLate, isOverdue } from '../../domain/deadlines/lateness.js';

const county = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: RECORDS_RETRY,
});
/** A digest is worth a few days of retries; the inbox has it anyway. */
const delivery = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', scheduleToCloseTimeout: '3 days', retry: WEBHOOK_DELIVERY_RETRY });

/** Items older than this leave the state once done or overdue (the register keeps them). */
const KEPT_MS = 400 * 24 * HOUR_MS;

/**
 * The county's cadence: each month its own and its departments' items are
 * opened in the register, each deadline in turn marks what is still open
 * overdue (the department or the county bureau is told), late work is
 * accepted and recorded late; on the 1st each department with overdue tasks
 * gets the digest of them (月度逾期任务汇总) in its inbox and through its
 * webhook. A new year continues as new.
 */
export async function countyWorkflow(input: CountyWorkflowInput): Promise<void> {
  const year = toLocalDate(Date.now()).year;
  const handOver = () => workflowInfo().continueAsNewSuggested || toLocalDate(Date.now()).year > year;
  const carried = input.carried ?? {};
  let lastDigest = carried.lastDigest ?? input.lastDigest;
  let plannedUntil = carried.plannedUntil ?? Date.now();
  let items: CountyItemRecord[] = [...(carried.items ?? [])];
  const deliveries: Promise<unknown>[] = [];

  setHandler(getCountyState, () => ({ items, lastDigest: lastDigest ?? null }));
  const answered = new AnsweredUpdates(carried.answeredUpdates);
  answered.setHandler(completeCountyItem, (done) => onComplete(done), (done) => validateComplete(done));

  function find(done: CompleteCountyItemInput): CountyItemRecord | undefined {
    return items.find((i) => i.kind === done.kind && i.periodKey === done.period);
  }
  function validateComplete(done: CompleteCountyItemInput): void {
    const what = dueItemKindNames[done.kind] ?? done.kind;
    const item = find(done);
    if (!item) refuse(REFUSALS.wrongStep, m.itemNotOpen(what, done.period));
    if (done.actor.jurisdictionId !== input.countyId) refuse(REFUSALS.notAllowed, messages.outsideJurisdiction);
    const mine = item!.departmentId === null ? done.actor.role === 'county_bureau' : done.actor.role === 'department' && done.actor.departmentId === item!.departmentId;
    if (!mine) refuse(REFUSALS.notAllowed, m.notYours);
    if (item!.doneAt !== null) refuse(REFUSALS.wrongStep, m.itemDone(what, done.period));
    if (typeof done.summary !== 'string' || done.summary.trim().length === 0) refuse(REFUSALS.invalidInput, m.summaryRequired);
  }
  async function onComplete(done: CompleteCountyItemInput): Promise<CompleteCountyItemResult> {
    const item = find(done)!;
    const at = Date.now();
    items = items.map((i) => (i.key === item.key ? { ...i, doneAt: at, late: isLate(at, i.dueAt) } : i));
    const recorded = await county.completeCountyItem({ key: item.key, at, byUserId: done.actor.userId });
    return { kind: item.kind, period: item.periodKey, doneAt: at, late: recorded?.late ?? isLate(at, item.dueAt) };
  }

  while (!handOver()) {
    const thisMonth: Period = periodOf(Date.now());
    const monthEnd = startOfPeriod(addMonths(thisMonth, 1));
    if (plannedUntil < monthEnd) {
      const opened = await county.openCountyItems({ countyId: input.countyId, fromMs: plannedUntil, toMs: monthEnd, at: Date.now() });
      const known = new Set(items.map((i) => i.key));
      const fresh = opened.filter((p) => !known.has(p.key)).map((p) => ({ ...p, doneAt: null, late: false, overdue: false }));
      items = [...items.filter((i) => (i.doneAt === null && !i.overdue) || i.dueAt > Date.now() - KEPT_MS), ...fresh];
      plannedUntil = monthEnd;
    }
    const sendAt = startOfPeriod(thisMonth) + DIGEST_HOUR * HOUR_MS;
    const digestOf = addMonths(thisMonth, -1);
    if (Date.now() >= sendAt && lastDigest !== digestOf) {
      const sent = await county.sendOverdueDigests({ countyId: input.countyId, period: digestOf, at: sendAt });
      for (const id of sent.webhooks) deliveries.push(delivery.deliverWebhook({ notificationId: id }).catch(() => undefined));
      lastDigest = digestOf;
    }
    for (const item of items.filter((i) => i.doneAt === null && !i.overdue && isOverdue(i.dueAt, Date.now()))) {
      items = items.map((i) => (i.key === item.key ? { ...i, overdue: true } : i));
      await county.markCountyItemOverdue({ countyId: input.countyId, key: item.key, at: item.dueAt });
    }
    const waiting = items.filter((i) => i.doneAt === null && !i.overdue);
    const nextDigest = Date.now() < sendAt ? sendAt : startOfPeriod(addMonths(thisMonth, 1)) + DIGEST_HOUR * HOUR_MS;
    const wakeAt = Math.min(nextDigest, monthEnd, ...waiting.map((i) => i.dueAt));
    await condition(() => handOver() || items.filter((i) => i.doneAt === null && !i.overdue).length < waiting.length, wakeAt - Date.now());
  }
  await Promise.all(deliveries);
  await condition(allHandlersFinished);
  await continueAsNew<typeof countyWorkflow>({ version: 1, countyId: input.countyId, carried: { ...(lastDigest ? { lastDigest } : {}), plannedUntil, items, answeredUpdates: answered.snapshot() } });
}
