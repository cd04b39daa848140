import { WorkflowUpdateFailedError } from '@temporalio/client';
import { REFUSALS } from '../domain/failures.js';

/**
 * Whether a workflow update was refused because the household is at another step
 * (a discovery for a case already decided, say) — the one refusal a hand-over
 * records as "not opened" rather than leaving pending for a retry.
 */
export const refusedAsWrongStep = (error: unknown): boolean =>
  error instanceof WorkflowUpdateFailedError && String((error.cause as { type?: string } | undefined)?.type ?? '').includes(REFUSALS.wrongStep);
