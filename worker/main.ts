/**
 * The worker process: runs household workflows and their activities. Several
 * may run side by side on the same task queue. SIGINT/SIGTERM drain it.
 */
import { NativeConnection } from '@temporalio/worker';
import { requireExternal, loadConfigOrExit } from '../platform/config.js';
import { createDb } from '../db/kysely.js';
import { createHouseholdWorker } from './create-worker.js';

const config = loadConfigOrExit();
const { databaseUrl, temporalAddress } = requireExternal(config, 'worker');

const db = createDb(databaseUrl);
const connection = await NativeConnection.connect({ address: temporalAddress });
try {
  const worker = await createHouseholdWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    db,
  });
  process.stdout.write(`worker polling task queue ${config.TEMPORAL_TASK_QUEUE} on ${temporalAddress}\n`);
  await worker.run();
} finally {
  await connection.close();
  await db.destroy();
}
