import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger, type WorkerOptions } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import type { Database } from '../../db/database.js';
import { createShoudiWorker } from '../../worker/create-worker.js';
import { parseConfig } from '../../platform/config.js';
import { startTemporalOnPostgres } from '../../scripts/temporal-postgres.js';

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

/**
 * The Temporal server that persists to PostgreSQL (the production path), on the
 * test run's PostgreSQL cluster (its own databases temporal and
 * temporal_visibility) and free ports. Built from the Go module when not cached.
 */
export async function postgresServerEnv(): Promise<{ env: TestWorkflowEnvironment; stop: () => Promise<void> }> {
  quietRuntime();
  const port = 20000 + Math.floor(Math.random() * 20000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shoudi-temporal-pg-'));
  const temporal = await startTemporalOnPostgres({
    superuserUrl: inject('databaseUrl'),
    cacheDir: parseConfig(process.env).SHOUDI_CACHE_DIR,
    dir,
    port,
    basePort: port + 1,
    namespace: 'default',
    say: () => {},
    output: new Writable({ write: (_chunk, _encoding, done) => done() }),
  });
  const env = await TestWorkflowEnvironment.createFromExistingServer({ address: temporal.address, namespace: 'default' });
  return {
    env,
    stop: async () => {
      await env.teardown();
      await temporal.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const uniqueTaskQueue = () => `test-${randomUUID()}`;

/** A worker on the given environment, with the workflow bundle built once by the global setup. */
export function testWorker(env: TestWorkflowEnvironment, db: Kysely<Database>, taskQueue: string, options: { maxCachedWorkflows?: number; dataConverter?: WorkerOptions['dataConverter'] } = {}) {
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
