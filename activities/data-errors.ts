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

/** The activities, each turning a data error into a permanent refusal with words for the clerk (the database's own in the details). */
export function refusingDataErrors<T extends Record<string, AnyActivity>>(activities: T): T {
  const wrapped: Record<string, AnyActivity> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await activity(...args);
      } catch (error) {
        if (isDataError(error)) throw permanentFailure(FAILURES.invalidInput, messages.unstorableData, [error.code, error.message]);
        throw error;
      }
    };
  }
  return wrapped as T;
}
