import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll } from 'vitest';
import { ensureCadenceWorkflows } from '../../worker/cadence-workflows.js';
import { startApi } from './api.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { devServerEnv, postgresServerEnv, testWorker, timeSkippingEnv, uniqueTaskQueue } from './temporal.js';

export type Api = Awaited<ReturnType<typeof startApi>>;

export interface Stack {
  t: TestDatabase;
  env: TestWorkflowEnvironment;
  worker: Worker;
  taskQueue: string;
  api: Api;
}

/**
 * For one test file: its own database, a Temporal server (the time-skipping
 * one or the dev server), a running worker and, with `api`, the API on a real
 * port; with `cadences`, each town's and county's cadence workflow started as
 * the worker process starts them. Fields are filled in beforeAll and torn down
 * in afterAll.
 */
export function useStack(options: {
  /** `postgres`: the Temporal server persisting to PostgreSQL (npm run test:temporal-postgres). */
  server: 'time-skipping' | 'dev' | 'postgres';
  api?: boolean;
  cadences?: boolean;
  beforeStart?: (t: TestDatabase) => Promise<void>;
  /** Dynamic configuration of the dev server. */
  serverConfig?: Record<string, string | number>;
}): Stack {
  const stack = { taskQueue: uniqueTaskQueue() } as Stack;
  let running: Promise<void> | undefined;
  let stopServer: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    stack.t = await createTestDatabase();
    await options.beforeStart?.(stack.t);
    if (options.server === 'postgres') {
      const server = await postgresServerEnv();
      stack.env = server.env;
      stopServer = server.stop;
    } else {
      stack.env = options.server === 'dev' ? await devServerEnv(options.serverConfig) : await timeSkippingEnv();
    }
    stack.worker = await testWorker(stack.env, stack.t.db, stack.taskQueue);
    running = stack.worker.run();
    if (options.cadences) await ensureCadenceWorkflows({ client: stack.env.client, db: stack.t.db, taskQueue: stack.taskQueue });
    if (options.api) stack.api = await startApi({ db: stack.t.db, temporal: stack.env.client, taskQueue: stack.taskQueue });
  });
  afterAll(async () => {
    await stack.api?.close();
    stack.worker?.shutdown();
    await running;
    if (stopServer) await stopServer();
    else await stack.env?.teardown();
    await stack.t?.destroy();
  });
  return stack;
}

/**
 * For a test file whose routes never reach Temporal (logging in and out): its
 * own database and the API on a real port, with a Temporal client that never
 * connects — no server to start.
 */
export function useApiOnly(): Pick<Stack, 't' | 'api'> {
  const stack = {} as Pick<Stack, 't' | 'api'>;
  beforeAll(async () => {
    stack.t = await createTestDatabase();
    const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }) });
    stack.api = await startApi({ db: stack.t.db, temporal, taskQueue: uniqueTaskQueue() });
  });
  afterAll(async () => {
    await stack.api?.close();
    await stack.t?.destroy();
  });
  return stack;
}
