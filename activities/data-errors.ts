import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURES, permanentFailure } from '../domain/failures.js';
import { messages } from '../domain/messages/catalogue.js';

/**
 * PostgreSQL's answer that the data itself cannot be stored — a data exception
 * (SQLSTATE class 22: an unsupported character, a number out of range, an
 * impossible date) or a NOT NULL or CHECK violation (23502, 23514). Retrying
 * cannot mend it, so such an error becomes a refusal that is never retried
 * instead of an attempt repeated for ever. Uniqueness and foreign keys (23505,
 * 23503) stay retryable: they depend on what other transactions commit.
 */
export function isDataError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code === '23502' || code === '23514');
}

type AnyActivity = (...args: never[]) => Promise<unknown>;

/**
 * From this attempt on, a failure that will be retried again raises an alert
 * (with the records' retry policy, 1 s doubling to 5 minutes, that is after
 * about 8 minutes of failing): the activity keeps being retried — a database
 * or network that comes back heals it — but the household is not stuck in
 * silence. The alert is an error-level log entry `activity failing repeatedly`
 * with the activity, the workflow, the attempt and the cause, and the worker's
 * counter `shoudi_activity_repeated_failures` (on its /metrics) for an alerting rule.
 */
export const ALERT_AFTER_ATTEMPTS = 10;

function alertIfRepeated(activity: string, error: unknown): void {
  if (error instanceof ApplicationFailure && error.nonRetryable) return;
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return; // called outside an activity
  }
  const { attempt, workflowExecution, activityType } = context.info;
  if (attempt < ALERT_AFTER_ATTEMPTS) return;
  context.log.error('activity failing repeatedly', {
    activity: activityType || activity,
    attempt,
    workflowId: workflowExecution?.workflowId,
    cause: error instanceof Error ? error.message : String(error),
  });
  context.metricMeter.createCounter('shoudi_activity_repeated_failures', 'failures', 'Failures of an activity at or past its alert attempt').add(1, { activity });
}

/**
 * The activities, each turning a data error into a permanent refusal with words
 * for the clerk (the database's own in the details), and raising an alert when
 * any other failure keeps coming back (ALERT_AFTER_ATTEMPTS).
 */
export function refusingDataErrors<T extends Record<string, AnyActivity>>(activities: T): T {
  const wrapped: Record<string, AnyActivity> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await activity(...args);
      } catch (error) {
        if (isDataError(error)) throw permanentFailure(FAILURES.invalidInput, messages.unstorableData, [error.code, error.message]);
        alertIfRepeated(name, error);
        throw error;
      }
    };
  }
  return wrapped as T;
}
