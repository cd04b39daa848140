/**
 * The worker process: runs household workflows and their activities. Several
 * may run side by side on the same task queue. SIGINT/SIGTERM drain it.
 */
import { Client } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { requireExternal, loadConfigOrExit } from '../platform/config.js';
import { createDb } from '../db/kysely.js';
import { runtimeRoleProblem } from '../db/runtime-role.js';
import { createShoudiWorker } from './create-worker.js';
import { ensureCadenceWorkflows } from './cadence-workflows.js';
import { startWorkerHealthServer } from './health.js';
import { payloadDataConverter } from '../platform/payload-codec.js';
import { cachedWorkflows, workerMemory, workerTuning } from './tuning.js';

const config = loadConfigOrExit();
const { databaseUrl, temporalAddress } = requireExternal(config, 'worker');
// Before any connection: the SDK's runtime serves the worker's metrics (task latencies, slots, sticky cache, pollers).
const metricsAddress = config.WORKER_METRICS_PORT === 0 ? undefined : `${config.WORKER_METRICS_HOST}:${config.WORKER_METRICS_PORT}`;
if (metricsAddress) Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } });

const db = createDb(databaseUrl);
const roleProblem = await runtimeRoleProblem(db);
if (roleProblem) {
  process.stderr.write(`Refusing to run the worker: ${roleProblem}; connect as the app's role, shoudi_app (README, "Database roles")\n`);
  await db.destroy();
  process.exit(2);
}
const memory = workerMemory();
const cache = cachedWorkflows(config, memory);
const connection = await NativeConnection.connect({ address: temporalAddress });
try {
  const worker = await createShoudiWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    db,
    dataConverter: payloadDataConverter(config.SHOUDI_PAYLOAD_KEY),
    maxCachedWorkflows: cache.households,
    tuning: workerTuning(config),
    ...(config.SHOUDI_WORKFLOW_BUNDLE ? { workflowBundle: { codePath: config.SHOUDI_WORKFLOW_BUNDLE } } : {}),
  });
  const towns = await ensureCadenceWorkflows({ client: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: payloadDataConverter(config.SHOUDI_PAYLOAD_KEY) }), db, taskQueue: config.TEMPORAL_TASK_QUEUE });
  process.stdout.write(`town cadences: ${towns.started.length} started, ${towns.running.length} already running\n`);
  const health = await startWorkerHealthServer(
    { worker, connection, taskQueue: config.TEMPORAL_TASK_QUEUE },
    { host: config.WORKER_HEALTH_HOST, port: config.WORKER_HEALTH_PORT },
  );
  process.stdout.write(`worker polling task queue ${config.TEMPORAL_TASK_QUEUE} on ${temporalAddress}; health at http://${config.WORKER_HEALTH_HOST}:${config.WORKER_HEALTH_PORT}/health, metrics ${metricsAddress ? `at http://${metricsAddress}/metrics` : 'off'}; ${cache.households} households cached at most (${cache.from === 'configured' ? 'WORKER_MAX_CACHED_WORKFLOWS' : `from a ${Math.round(memory.heapLimitMiB)} MiB heap`})\n`);
  try {
    await worker.run();
  } finally {
    health.close();
  }
} finally {
  await connection.close();
  await db.destroy();
}
