import type { AddressInfo, Server } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerHealthServer } from '../../worker/health.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { testWorker, timeSkippingEnv, uniqueTaskQueue } from '../helpers/temporal.js';
import { eventually } from '../helpers/wait.js';

/** The worker process's health endpoint, which Docker Compose's health check asks: ok only while the worker polls. */
describe('the worker’s health endpoint', () => {
  let t: TestDatabase;
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let server: Server;
  const taskQueue = uniqueTaskQueue();

  beforeAll(async () => {
    t = await createTestDatabase({ seed: false });
    env = await timeSkippingEnv();
    worker = await testWorker(env, t.db, taskQueue);
    server = await startWorkerHealthServer({ worker, connection: env.nativeConnection, taskQueue }, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    server?.close();
    await env?.teardown();
    await t?.destroy();
  });

  const health = async () => {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`);
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };

  it('answers 503 before the worker runs, 200 while it polls, and 503 once it has stopped', async () => {
    expect(await health()).toEqual({ status: 503, body: expect.objectContaining({ status: 'degraded', worker: 'INITIALIZED', temporal: 'up', taskQueue }) });

    const running = worker.run();
    await eventually(async () =>
      expect(await health()).toEqual({
        status: 200,
        body: { status: 'ok', taskQueue, worker: 'RUNNING', workflowPoller: 'POLLING', activityPoller: 'POLLING', temporal: 'up' },
      }),
    );

    worker.shutdown();
    await running;
    expect(await health()).toEqual({ status: 503, body: expect.objectContaining({ status: 'degraded', worker: 'STOPPED' }) });
  });
});
