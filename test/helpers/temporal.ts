import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import type { Database } from '../../db/database.js';
import { createShoudiWorker } from '../../worker/create-worker.js';

let runtimeInstalled = false;
function quietRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

/** The time-skipping test server (a real Temporal server whose clock jumps to the next timer). */
export function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const path = inject('temporalTestServer');
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: path ? { type: 'existing-path', path } : { type: 'cached-download' } },
  });
}

/**
 * The Temporal dev server (`temporal server start-dev`), real time. `dynamicConfig`
 * sets server limits, e.g. `limit.historyCount.suggestContinueAsNew`.
 */
export function devServerEnv(dynamicConfig: Record<string, string | number> = {}): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const path = inject('temporalCli');
  const extraArgs = Object.entries(dynamicConfig).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]);
  return TestWorkflowEnvironment.createLocal({
    server: { executable: path ? { type: 'existing-path', path } : { type: 'cached-download' }, ip: '127.0.0.1', extraArgs },
  });
}

export const uniqueTaskQueue = () => `test-${randomUUID()}`;

/** A worker on the given environment, with the workflow bundle built once by the global setup. */
export function testWorker(env: TestWorkflowEnvironment, db: Kysely<Database>, taskQueue: string, options: { maxCachedWorkflows?: number } = {}) {
  return createShoudiWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    db,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    shutdownGraceTime: '1 second',
    ...options,
  });
}
