/**
 * The worker process: runs household workflows and their activities. Several
 * may run side by side on the same task queue. SIGINT/SIGTERM drain it.
 */
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { requireExternal, loadConfigOrExit } from '../platform/config.js';
import { createDb } from '../db/kysely.js';
import { createShoudiWorker } from './create-worker.js';
import { ensureCadenceWorkflows } from './cadence-workflows.js';

const config = loadConfigOrExit();
const { databaseUrl, temporalAddress } = requireExternal(config, 'worker');

const db = createDb(databaseUrl);
const connection = await NativeConnection.connect({ address: temporalAddress });
try {
  const worker = await createShoudiWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    db,
  });
  const towns = await ensureCadenceWorkflows({ client: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }), db, taskQueue: config.TEMPORAL_TASK_QUEUE });
  process.stdout.write(`town cadences: ${towns.started.length} started, ${towns.running.length} already running\n`);
  process.stdout.write(`worker polling task queue ${config.TEMPORAL_TASK_QUEUE} on ${temporalAddress}\n`);
  await worker.run();
} finally {
  await connection.close();
  await db.destroy();
}
