import { allHandlersFinished, condition, continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { addMonths, periodOf, startOfPeriod, toLocalDate, type Period } from '../../domain/calendar.js';
import { WEBHOOK_DELIVERY_RETRY } from '../shared/retry.js';
import { DIGEST_HOUR, type CountyWorkflowInput } from './definitions.js';

const county = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});
/** A digest is worth a few days of retries; the inbox has it anyway. */
const delivery = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', scheduleToCloseTimeout: '3 days', retry: WEBHOOK_DELIVERY_RETRY });

const HOUR_MS = 60 * 60 * 1000;

/**
 * On the 1st of each month, each department with overdue tasks gets the
 * digest of them (月度逾期任务汇总) in its inbox and through its webhook. A new
 * year continues as new.
 */
export async function countyWorkflow(input: CountyWorkflowInput): Promise<void> {
  const year = toLocalDate(Date.now()).year;
  const handOver = () => workflowInfo().continueAsNewSuggested || toLocalDate(Date.now()).year > year;
  let lastDigest = input.lastDigest;
  const deliveries: Promise<unknown>[] = [];
  while (!handOver()) {
    const thisMonth: Period = periodOf(Date.now());
    const sendAt = startOfPeriod(thisMonth) + DIGEST_HOUR * HOUR_MS;
    const digestOf = addMonths(thisMonth, -1);
    if (Date.now() >= sendAt && lastDigest !== digestOf) {
      const sent = await county.sendOverdueDigests({ countyId: input.countyId, period: digestOf, at: sendAt });
      for (const id of sent.webhooks) deliveries.push(delivery.deliverWebhook({ notificationId: id }).catch(() => undefined));
      lastDigest = digestOf;
    }
    const next = Date.now() < sendAt ? sendAt : startOfPeriod(addMonths(thisMonth, 1)) + DIGEST_HOUR * HOUR_MS;
    await condition(handOver, next - Date.now());
  }
  await Promise.all(deliveries);
  await condition(allHandlersFinished);
  await continueAsNew<typeof countyWorkflow>({ ...input, ...(lastDigest ? { lastDigest } : {}) });
}
