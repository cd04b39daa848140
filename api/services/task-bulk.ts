import type { FastifyInstance } from 'fastify';
import { acceptTask } from '../../workflows/measure-task/definitions.js';
import { clerkMessageOf } from '../errors.js';
import { actorOf, type LoggedInUser } from '../plugins/auth.js';
import { toTaskState } from '../schemas/tasks.js';
import type { BulkAcceptResult } from '../schemas/task-views.js';
import { applyUpdate } from '../workflow-update.js';
import { taskOfDepartment } from './tasks.js';
import { errorSummary } from '../error-summary.js';

/** How many tasks' updates run at once: a batch of 200 must not queue 200 updates on the server together. */
const AT_ONCE = 4;

/**
 * Accepts many tasks in one action: each through its own workflow's update, so
 * each is accepted whole or not at all, and one refusal (closed, another
 * department's, already accepted) stops no other. Answers each task's outcome,
 * in the order asked.
 */
export async function bulkAccept(app: FastifyInstance, user: LoggedInUser, keys: readonly string[]): Promise<BulkAcceptResult> {
  const unique = [...new Set(keys)];
  const results: BulkAcceptResult['results'] = new Array(unique.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < unique.length; i = next++) {
      const key = unique[i]!;
      try {
        const task = await taskOfDepartment(app, key, user);
        const view = await applyUpdate(app.temporal.workflow.getHandle(task.task_key), acceptTask, { args: [{ actor: actorOf(user) }] });
        const state = toTaskState(view);
        results[i] = { key, ok: true, status: state.status, statusName: state.statusName };
      } catch (error) {
        const refusal = clerkMessageOf(error);
        if (refusal.status >= 500) app.log.error({ error: errorSummary(error), key }, 'bulk accept: task failed');
        results[i] = { key, ok: false, message: refusal.message };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, unique.length) }, worker));
  const accepted = results.filter((r) => r.ok).length;
  return { accepted, refused: results.length - accepted, results };
}
