import type { ActivityOptions, RetryPolicy } from '@temporalio/workflow';

/**
 * Activities that write the records (the register, the file, the inbox): retried
 * until the database answers — they are idempotent by key — at most every 5 minutes.
 */
export const RECORDS_RETRY: RetryPolicy = {
  initialInterval: '1 second',
  maximumInterval: '5 minutes',
  backoffCoefficient: 2,
};

/**
 * Delivery to a department's webhook: retried with backoff until it succeeds
 * (no maximumAttempts), every 30 minutes at most once the endpoint has been
 * failing for a while. The activity's failures are all retryable; a retry never
 * posts a delivered message again.
 */
export const WEBHOOK_DELIVERY_RETRY: RetryPolicy = {
  initialInterval: '5 seconds',
  backoffCoefficient: 2,
  maximumInterval: '30 minutes',
};

/** For proxyActivities: one attempt waits at most 10 s for the endpoint, so 30 s covers it and the database. */
export const WEBHOOK_DELIVERY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: WEBHOOK_DELIVERY_RETRY,
};
