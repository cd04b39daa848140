import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';

/** The household workflow's way to the database: idempotent activities, retried until they succeed. */
export const records = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});
