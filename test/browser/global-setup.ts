/**
 * The real stack for the browser tests, started the way `npm start` starts it
 * (scripts/start.ts: embedded PostgreSQL, the Temporal dev server, the worker,
 * the API serving the console, which it builds when missing), on free ports and
 * a temporary data folder, with the demo county loaded. Chromium and a CJK font
 * come from Debian (platform/chromium.ts) when missing.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WEB_DIST } from '../../api/plugins/console.js';
import { createDb } from '../../db/kysely.js';
import { ensureChromium } from '../../platform/chromium.js';
import { LOCAL_ROLES } from '../../platform/embedded-postgres.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';

const say = (message: string) => process.stdout.write(`[browser setup] ${message}\n`);

/** Whether nothing listens on the port now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A port free now, below Linux's ephemeral range (32768–60999): the Temporal
 * dev server opens its internal services on ephemeral ports while the stack
 * starts, and one of them must not be the port the API is about to take.
 */
async function freePort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!taken.has(port) && (await isFree(port))) {
      taken.add(port);
      return port;
    }
  }
}

async function waitForHealth(url: string, exited: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (exited()) throw new Error('the stack exited before it was ready');
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the stack was not ready at ${url} within ${timeoutMs / 1000} s`);
}

export interface Stack {
  readonly baseURL: string;
  /** The schema owner's connection string, for fixtures the app may not write. */
  readonly ownerUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts scripts/start.ts on free ports and a temporary data folder with `env`
 * added (SHOUDI_DEMO=0 for an empty county, SHOUDI_ADMIN_PASSWORD for its first
 * administrator); `fresh` removes the console's bundle first so that it is built
 * from the sources.
 */
export async function startStack(options: { env?: Record<string, string>; fresh?: boolean } = {}): Promise<Stack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'shoudi-browser-'));
  // The postgres system user must be able to reach its data directory inside.
  await chmod(dataDir, 0o755);
  const taken = new Set<number>();
  const [api, postgres, temporal, ui, workerHealth, workerMetrics] = [await freePort(taken), await freePort(taken), await freePort(taken), await freePort(taken), await freePort(taken), await freePort(taken)];
  const logFile = path.join(dataDir, 'stack.log');
  const log = createWriteStream(logFile);
  const root = path.resolve(import.meta.dirname, '../..');
  // Never a stale bundle: removed, so that scripts/start.ts builds it from the sources, as after a fresh clone.
  if (options.fresh) await rm(WEB_DIST, { recursive: true, force: true });
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      SHOUDI_DATA_DIR: dataDir,
      API_HOST: '127.0.0.1',
      API_PORT: String(api),
      EMBEDDED_POSTGRES_PORT: String(postgres),
      EMBEDDED_TEMPORAL_PORT: String(temporal),
      EMBEDDED_TEMPORAL_UI_PORT: String(ui),
      WORKER_HEALTH_PORT: String(workerHealth),
      WORKER_METRICS_PORT: String(workerMetrics),
      // A busy machine may keep the worker from a change for long: the console waits rather than answer 系统繁忙.
      UPDATE_ACCEPT_DEADLINE_SECONDS: '120',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  const stopped = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const baseURL = `http://127.0.0.1:${api}`;
  say(`starting the stack (npm start's scripts/start.ts) at ${baseURL}, log in ${logFile}`);
  const stop = async () => {
    child.kill('SIGINT');
    await stopped;
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseURL, () => exited, 240_000);
  } catch (error) {
    child.kill('SIGINT');
    await stopped;
    process.stdout.write(await readFile(logFile, 'utf8').catch(() => ''));
    throw error;
  }
  const owner = LOCAL_ROLES.owner;
  const ownerUrl = `postgres://${owner.name}:${encodeURIComponent(owner.password)}@127.0.0.1:${postgres}/shoudi`;
  return { baseURL, ownerUrl, stop };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  await ensureChromium(say);
  const stack = await startStack({ fresh: true });
  try {
    // The demo county decides without its 7-day public notice here, as in the API's e2e tests (test/helpers/profiles.ts).
    // Specs that need a past the stack cannot make (an item overdue for days) write it as the owner.
    process.env.SHOUDI_BROWSER_OWNER_URL = stack.ownerUrl;
    const db = createDb(stack.ownerUrl, { max: 1 });
    await demoCountyWithoutNotice(db, 'browser-no-notice');
    await db.destroy();
  } catch (error) {
    await stack.stop();
    throw error;
  }
  process.env.SHOUDI_BROWSER_BASE_URL = stack.baseURL;
  say('ready');
  return stack.stop;
}
