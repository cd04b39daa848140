/**
 * One county's monthly comparison: it opens (comparison_months) when the first
 * feed arrives; each feed's discoveries — warnings of households not monitored —
 * are handed to the households' workflows a page at a time with a pause between
 * pages, so that a large feed does not flood the engine; it closes when the
 * county bureau closes it, or at the end of the following month, and the
 * report is kept as it stands then. A feed of a closed month is refused.
 */
import { allHandlersFinished, condition, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { addMonths, startOfPeriod, type Period } from '../../domain/calendar/dates.js';
import { comparisonMessages as m } from '../../domain/comparison/messages.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { RECORDS_RETRY } from '../shared/retry.js';
import {
  closeComparisonMonth,
  DISCOVERY_PAGE,
  DISCOVERY_PAUSE_MS,
  feedReceived,
  getComparisonMonth,
  type ComparisonMonthInput,
  type FeedReceived,
} from './definitions.js';

const steps = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', retry: RECORDS_RETRY });

export async function comparisonMonthWorkflow(input: ComparisonMonthInput): Promise<void> {
  const openedAt = Date.now();
  const waiting: FeedReceived[] = [];
  const batches: string[] = [];
  let handed = 0;
  let closeBy: { userId: string } | null = null;
  let closedAt: number | null = null;

  setHandler(feedReceived, (feed) => {
    if (closedAt === null && !batches.includes(feed.batchId)) {
      batches.push(feed.batchId);
      waiting.push(feed);
    }
  });
  setHandler(getComparisonMonth, () => ({ countyId: input.countyId, month: input.month, openedAt, batches: [...batches], discoveriesHanded: handed, closedAt }));
  setHandler(
    closeComparisonMonth,
    async ({ actor }) => {
      closeBy = { userId: actor.userId };
      await condition(() => closedAt !== null);
      return { closedAt: closedAt! };
    },
    {
      validator: ({ actor }) => {
        if (actor.role !== 'county_bureau' || actor.jurisdictionId !== input.countyId) refuse(REFUSALS.notAllowed, m.closeOnlyBureau);
        if (closeBy !== null || closedAt !== null) refuse(REFUSALS.wrongStep, m.monthClosed(input.month));
      },
    },
  );

  const opened = await steps.openComparisonMonth({ countyId: input.countyId, month: input.month, at: openedAt });
  if (opened.closedAt !== null) {
    closedAt = opened.closedAt;
    return;
  }
  const closesAt = startOfPeriod(addMonths(input.month as Period, 2));
  for (;;) {
    const ready = await condition(() => waiting.length > 0 || closeBy !== null, Math.max(closesAt - Date.now(), 1));
    const feed = waiting.shift();
    if (feed) {
      let after: string | null = null;
      for (;;) {
        const page: { handed: number; after: string | null; more: boolean } = await steps.handComparisonDiscoveries({ batchId: feed.batchId, feedName: feed.feedName, after, limit: DISCOVERY_PAGE });
        handed += page.handed;
        after = page.after;
        if (!page.more) break;
        await sleep(DISCOVERY_PAUSE_MS);
      }
      continue;
    }
    if (!ready || closeBy !== null) break;
  }
  const closed = await steps.closeComparisonMonthRecord({ countyId: input.countyId, month: input.month, closedBy: (closeBy as { userId: string } | null)?.userId ?? null, at: Date.now() });
  closedAt = closed.closedAt;
  await condition(allHandlersFinished);
}
