import { WorkflowUpdateFailedError } from '@temporalio/client';
import { expect } from 'vitest';

/** The failure an Update was refused with (its validator's or its handler's); fails the test if it was not refused. */
export async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause;
}
