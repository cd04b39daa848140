import { proxyActivities, sleep } from '@temporalio/workflow';
import { RECORDS_RETRY } from '../shared/retry.js';
import type { Activities } from '../../activities/index.js';
import type { ScreeningCampaignInput } from './definitions.js';

const activities = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: RECORDS_RETRY,
});

/**
 * An immediate screening of an area: every household there gets a visit due
 * by the campaign's date (one statement in the register, however many
 * households); at the date the visits still open are overdue and the villages
 * and towns concerned are told. A household's visit closes its item through
 * its own workflow.
 */
export async function screeningCampaignWorkflow(input: ScreeningCampaignInput): Promise<{ households: number; overdue: number }> {
  const { households } = await activities.openScreeningItems({ campaignId: input.campaignId, at: Date.now() });
  const wait = input.dueAt - Date.now();
  if (wait > 0) await sleep(wait);
  const { overdue } = await activities.markScreeningOverdue({ campaignId: input.campaignId });
  return { households, overdue };
}
