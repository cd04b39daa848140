import { fileURLToPath } from 'node:url';
import type { NativeConnection} from '@temporalio/worker';
import { Client } from '@temporalio/client';
import { Worker, type WorkerOptions } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { createActivities } from '../activities/index.js';
import type { Database } from '../db/database.js';

export interface ShoudiWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly db: Kysely<Database>;
  /** A bundle made once (tests); without it the worker bundles workflows/index.ts itself. */
  readonly workflowBundle?: WorkerOptions['workflowBundle'];
  readonly shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
  readonly maxCachedWorkflows?: number;
  /** How many workflow and activity tasks run at once (the SDK's defaults otherwise); bench/county-month measures them. */
  readonly tuning?: Pick<WorkerOptions, 'maxConcurrentWorkflowTaskExecutions' | 'maxConcurrentActivityTaskExecutions' | 'maxConcurrentLocalActivityExecutions'>;
  /** The payload codec's converter (platform/payload-codec.ts) when SHOUDI_PAYLOAD_KEY is set. */
  readonly dataConverter?: WorkerOptions['dataConverter'];
}

export function workflowsPath(): string {
  return fileURLToPath(new URL('../workflows/index.ts', import.meta.url));
}

export function createShoudiWorker(options: ShoudiWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities({ db: options.db, client: new Client({ connection: options.connection, namespace: options.namespace, ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}) }) }),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: workflowsPath() }),
    shutdownGraceTime: options.shutdownGraceTime ?? '10 seconds',
    ...(options.maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows: options.maxCachedWorkflows }),
    ...options.tuning,
    ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
  });
}
