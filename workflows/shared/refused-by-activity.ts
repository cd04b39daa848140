import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { isRefusalType, refuse } from '../../domain/failures.js';

/**
 * An activity's refusal (a measure not in the catalogue, a correction that does
 * not fit the draft …) fails the update with the same type and message; any
 * other failure stays what it is.
 */
export async function refusedByActivity<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && isRefusalType(cause.type)) refuse(cause.type, cause.message);
    throw error;
  }
}
