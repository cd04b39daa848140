/**
 * Every failure type the system raises, in one place: update validators and
 * activities create them here, workflows tell a refusal from a fault by them,
 * and the API's one error handler answers each with its HTTP status.
 */
import { ApplicationFailure } from '@temporalio/common';

export const FAILURES = {
  /** The actor may not do this, or not here (403). */
  notAllowed: 'NotAllowed',
  /** The household, case or item is not at the step the request needs (409). */
  wrongStep: 'WrongStep',
  /** The request itself is wrong: a field missing, a date impossible (400). */
  invalidInput: 'InvalidInput',
  /** The county has no policy profile in force for the month (409: the county bureau must add one). */
  noPolicyProfile: 'NoPolicyProfile',
  /** The stored profile does not parse (409: the county bureau must correct it). */
  malformedPolicyProfile: 'MalformedPolicyProfile',
  /** A department's webhook answered with an error or not at all: retried with backoff. */
  webhookFailed: 'WebhookDeliveryFailed',
  /** Another attempt is delivering the same message: retried shortly. */
  webhookBusy: 'WebhookDeliveryInProgress',
} as const;
export type FailureType = (typeof FAILURES)[keyof typeof FAILURES];

/** The refusals of a person's request: refused before anything enters history, and told at once. */
export const REFUSALS = { notAllowed: FAILURES.notAllowed, wrongStep: FAILURES.wrongStep, invalidInput: FAILURES.invalidInput } as const;
export type RefusalType = (typeof REFUSALS)[keyof typeof REFUSALS];

const REFUSAL_TYPES: readonly string[] = Object.values(REFUSALS);
export const isRefusalType = (type: string | null | undefined): type is RefusalType => REFUSAL_TYPES.includes(type ?? '');

/** How the API answers each failure a person can cause or mend; any other is a fault (500). */
export const FAILURE_STATUS: Readonly<Partial<Record<FailureType, number>>> = {
  [FAILURES.notAllowed]: 403,
  [FAILURES.wrongStep]: 409,
  [FAILURES.invalidInput]: 400,
  [FAILURES.noPolicyProfile]: 409,
  [FAILURES.malformedPolicyProfile]: 409,
};

/** A failure that retrying cannot mend (a refusal, a policy missing or broken): never retried. `details` go to whoever maintains the data. */
export function permanentFailure(type: FailureType, message: string, details?: readonly unknown[]): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, ...(details ? { details: [...details] } : {}) });
}

/** Refuses a request from an update validator or an activity. */
export function refuse(type: RefusalType, message: string): never {
  throw permanentFailure(type, message);
}
