import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';

/**
 * Starts the workflow of a business key once: its id is the key
 * (`household-<id>`), and an id used before — running or closed — is left as
 * it is. Safe to call again after a start whose answer was lost.
 */
export async function startOnce(app: FastifyInstance, workflowType: string, workflowId: string, input: object): Promise<void> {
  try {
    await app.temporal.workflow.start(workflowType, {
      taskQueue: app.taskQueue,
      workflowId,
      args: [input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw error;
  }
}
