/**
 * A special inspection campaign 专项督查 [004]: its cohort (a snapshot taken at
 * launch) goes into the deadline register page by page — a run continues as
 * new after a fixed number of pages, so no history grows with the cohort —
 * then the campaign watches its deadlines: the checks' (overdue, units told)
 * and each rectification's (reminded, overdue, escalated to the supervisors).
 * Checks and rectifications come as updates; the leadership group's
 * publication of the notice 通报 closes it.
 */
import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { AnsweredUpdates } from '../shared/answered-updates.js';
import { RECORDS_RETRY } from '../shared/retry.js';
import {
  getCampaignState,
  publishCampaignNotice,
  rectifyCampaignProblem,
  recordCampaignCheck,
  type CampaignInput,
  type CampaignReport,
} from './definitions.js';
import { CampaignState } from './state.js';

const records = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', retry: RECORDS_RETRY });

const now = () => Date.now();
/** However far the next deadline, the campaign looks again after a day. */
const LOOK_AGAIN_MS = 24 * 60 * 60 * 1000;

export async function campaignWorkflow(input: CampaignInput): Promise<{ report: CampaignReport | null }> {
  const state = new CampaignState(input);
  const answered = new AnsweredUpdates(input.answered);
  let report: CampaignReport | null = null;

  setHandler(getCampaignState, () => state.view());
  answered.setHandler(
    recordCampaignCheck,
    async (update) => {
      const result = await records.recordCampaignCheck({
        campaignId: input.campaignId,
        householdId: update.householdId,
        byUserId: update.actor.userId,
        at: now(),
        answers: { checked: update.checked, note: update.note },
        problems: update.problems,
      });
      state.changed = true;
      return result;
    },
    (update) => state.validateCheck(update, now()),
  );
  answered.setHandler(
    rectifyCampaignProblem,
    async (update) => {
      const result = await records.rectifyCampaignProblem({ campaignId: input.campaignId, problemId: update.problemId, byUserId: update.actor.userId, at: now(), evidence: update.evidence });
      state.changed = true;
      return result;
    },
    (update) => state.validateRectify(update, now()),
  );
  answered.setHandler(
    publishCampaignNotice,
    async (update) => {
      state.closing = true;
      report = await records.closeCampaign({ campaignId: input.campaignId, byUserId: update.actor.userId, at: now() });
      state.closed = true;
      return report;
    },
    (update) => state.validatePublish(update),
  );

  const handOver = async () => {
    await condition(allHandlersFinished);
    return continueAsNew<typeof campaignWorkflow>({ ...input, afterSeq: state.afterSeq, fannedOut: state.fannedOut, answered: answered.snapshot() });
  };

  let pages = 0;
  while (!state.fannedOut) {
    const page = await records.fanOutCampaignPage({ campaignId: input.campaignId, afterSeq: state.afterSeq, size: input.pageSize, at: now() });
    state.afterSeq = page.lastSeq;
    state.fannedOut = page.done;
    pages += 1;
    if (!state.fannedOut && (pages >= input.pagesPerRun || workflowInfo().continueAsNewSuggested)) return handOver();
  }

  while (!state.closing) {
    state.changed = false;
    const { nextAt } = await records.sweepCampaign({ campaignId: input.campaignId, at: now() });
    const wait = Math.max(1000, Math.min(nextAt ?? Infinity, now() + LOOK_AGAIN_MS) - now());
    await condition(() => state.closing || state.changed || workflowInfo().continueAsNewSuggested, wait);
    if (!state.closing && workflowInfo().continueAsNewSuggested) return handOver();
  }
  await condition(() => state.closed && allHandlersFinished());
  return { report };
}
