import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';

/**
 * Starts the workflow of a business key once: its id is the key
 * (`household-<id>`), and an id used before — running or closed — is left as
 * it is. Safe to call again after a start whose answer was lost. Answers
 * whether this call started it.
 */
export async function startOnce(app: FastifyInstance, workflowType: string, workflowId: string, input: object): Promise<boolean> {
  try {
    await app.temporal.workflow.start(workflowType, {
      taskQueue: app.taskQueue,
      workflowId,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
