/**
 * The benchmark's worker, a process of its own so that its CPU is counted
 * apart: the real household worker (worker/create-worker.ts, all activities) or
 * the bare engine's, on the task queue it is given. Prints `ready` once polling.
 *
 *   BENCH_WORKFLOWS=household|bare DATABASE_URL=… TEMPORAL_ADDRESS=… BENCH_TASK_QUEUE=… [BENCH_MAX_CACHED=N]
 */
import { fileURLToPath } from 'node:url';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createDb } from '../../db/kysely.js';
import { createShoudiWorker } from '../../worker/create-worker.js';
import { cachedWorkflows, workerMemory } from '../../worker/tuning.js';
import type { BareActivities } from './bare-workflow.js';

const env = process.env;
const required = (name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
Runtime.install({ logger: new DefaultLogger('WARN') });
const db = createDb(required('DATABASE_URL'), { max: Number(env.BENCH_DB_POOL ?? 10) });
const connection = await NativeConnection.connect({ address: required('TEMPORAL_ADDRESS') });
const taskQueue = required('BENCH_TASK_QUEUE');
/** The cache as the system's worker sizes it (worker/tuning.ts): BENCH_MAX_CACHED as WORKER_MAX_CACHED_WORKFLOWS, otherwise from the heap. */
const maxCachedWorkflows = cachedWorkflows({ WORKER_MAX_CACHED_WORKFLOWS: env.BENCH_MAX_CACHED ? Number(env.BENCH_MAX_CACHED) : undefined }, workerMemory()).households;
const concurrency = {
  ...(env.BENCH_WORKFLOW_TASKS ? { maxConcurrentWorkflowTaskExecutions: Number(env.BENCH_WORKFLOW_TASKS) } : {}),
  ...(env.BENCH_ACTIVITY_TASKS ? { maxConcurrentActivityTaskExecutions: Number(env.BENCH_ACTIVITY_TASKS) } : {}),
  ...(env.BENCH_LOCAL_ACTIVITIES ? { maxConcurrentLocalActivityExecutions: Number(env.BENCH_LOCAL_ACTIVITIES) } : {}),
};

const bareActivities: BareActivities = {
  async writeStep(input) {
    await db.insertInto('bench_steps' as never).values({ household_id: input.householdId, step: input.step, at: new Date(input.at) } as never).execute();
  },
};

const worker =
  required('BENCH_WORKFLOWS') === 'bare'
    ? await Worker.create({
        connection,
        taskQueue,
        workflowsPath: fileURLToPath(new URL('./bare-workflow.ts', import.meta.url)),
        activities: bareActivities,
        shutdownGraceTime: '2 seconds',
        maxCachedWorkflows,
        ...concurrency,
      })
    : await createShoudiWorker({
        connection,
        namespace: 'default',
        taskQueue,
        db,
        shutdownGraceTime: '2 seconds',
        tuning: concurrency,
        maxCachedWorkflows,
      });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
const running = worker.run();
process.stdout.write('ready\n');
await running;
await connection.close();
await db.destroy();
