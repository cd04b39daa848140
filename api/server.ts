/**
 * The API process. SIGINT/SIGTERM close the server (in-flight requests finish),
 * then the Temporal connection and the database pool.
 */
import { Client, Connection } from '@temporalio/client';
import { createDb } from '../db/kysely.js';
import { loadConfigOrExit, requireExternal } from '../platform/config.js';
import { buildApp } from './app.js';
import { apiLogger } from './logging.js';
import { resumePendingRegistrations } from './services/households.js';
import { resumePendingSelfReports } from './services/self-reports.js';
import { resumePendingComparisonDiscoveries } from './services/comparison.js';
import { errorSummary } from './error-summary.js';
import { payloadDataConverter } from '../platform/payload-codec.js';

const config = loadConfigOrExit();
const { databaseUrl, temporalAddress } = requireExternal(config, 'API');

const db = createDb(databaseUrl);
// Lazy: the API starts (and /health says so) even while Temporal is down.
const connection = Connection.lazy({ address: temporalAddress });
// With SHOUDI_PAYLOAD_KEY, every payload is encrypted before it reaches Temporal (platform/payload-codec.ts).
const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: payloadDataConverter(config.SHOUDI_PAYLOAD_KEY) });

const app = await buildApp({
  db,
  temporal,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  sessionTtlHours: config.SESSION_TTL_HOURS,
  updateAcceptDeadlineMs: config.UPDATE_ACCEPT_DEADLINE_SECONDS * 1000,
  trustProxy: config.SHOUDI_TRUST_PROXY,
  logger: apiLogger(config.LOG_LEVEL),
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await connection.close();
  await db.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ host: config.API_HOST, port: config.API_PORT });
// Households whose workflow did not start after they were saved (Temporal was down) get it now.
resumePendingRegistrations(app)
  .then((swept) => app.log.info(swept, 'pending household registrations checked'))
  .catch((error: unknown) => app.log.error({ error: errorSummary(error) }, 'pending household registrations not checked'));
resumePendingSelfReports(app)
  .then((swept) => app.log.info(swept, 'pending self-reports checked'))
  .catch((error: unknown) => app.log.error({ error: errorSummary(error) }, 'pending self-reports not checked'));
resumePendingComparisonDiscoveries(app)
  .then((swept) => app.log.info(swept, 'pending comparison discoveries checked'))
  .catch((error: unknown) => app.log.error({ error: errorSummary(error) }, 'pending comparison discoveries not checked'));
