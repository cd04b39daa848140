import { WorkflowUpdateStage, type WorkflowHandle, type WorkflowUpdateOptions } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';

/**
 * Runs an update to completion and answers its result — also when the workflow
 * continues as new before the caller has the answer (a household hands over at
 * the year's end, or when Temporal suggests it). Use it instead of the handle's
 * `executeUpdate`: the SDK's (1.24) waits for the outcome without the run id, so
 * the server looks in the newest run and answers "update not found" once the run
 * that accepted the update has handed over. Waiting for acceptance first gives
 * the update handle the accepting run's id, and the outcome is read from there.
 * An update the server received while a run was closing (never accepted by it)
 * is retried by the client on the new run.
 */
export async function applyUpdate<Ret, Args extends [any, ...any[]]>(
  handle: WorkflowHandle,
  def: UpdateDefinition<Ret, Args>,
  options: WorkflowUpdateOptions & { args: Args },
): Promise<Ret> {
  const update = await handle.startUpdate(def, { ...options, waitForStage: WorkflowUpdateStage.ACCEPTED });
  return update.result();
}
