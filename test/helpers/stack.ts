import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll } from 'vitest';
import { startApi } from './api.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { devServerEnv, testWorker, timeSkippingEnv, uniqueTaskQueue } from './temporal.js';

export interface Stack {
  t: TestDatabase;
  env: TestWorkflowEnvironment;
  worker: Worker;
  taskQueue: string;
  api: Awaited<ReturnType<typeof startApi>>;
}

/**
 * For one test file: its own database, a Temporal server (the time-skipping
 * one or the dev server), a running worker and, with `api`, the API on a real
 * port. Fields are filled in beforeAll and torn down in afterAll.
 */
export function useStack(options: {
  server: 'time-skipping' | 'dev';
  api?: boolean;
  beforeStart?: (t: TestDatabase) => Promise<void>;
  /** Dynamic configuration of the dev server. */
  serverConfig?: Record<string, string | number>;
}): Stack {
  const stack = { taskQueue: uniqueTaskQueue() } as Stack;
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    stack.t = await createTestDatabase();
    await options.beforeStart?.(stack.t);
    stack.env = options.server === 'dev' ? await devServerEnv(options.serverConfig) : await timeSkippingEnv();
    stack.worker = await testWorker(stack.env, stack.t.db, stack.taskQueue);
    running = stack.worker.run();
    if (options.api) stack.api = await startApi({ db: stack.t.db, temporal: stack.env.client, taskQueue: stack.taskQueue });
  });
  afterAll(async () => {
    await stack.api?.close();
    stack.worker?.shutdown();
    await running;
    await stack.env?.teardown();
    await stack.t?.destroy();
  });
  return stack;
}
