import { proxyActivities } from '@temporalio/workflow';
import { RECORDS_RETRY } from '../shared/retry.js';
import type { Activities } from '../../activities/index.js';

/** The household workflow's way to the database: idempotent activities, retried until they succeed. */
export const records = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: RECORDS_RETRY,
});
