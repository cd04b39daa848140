/**
 * Starts the Temporal server that persists to PostgreSQL (platform/temporal-postgres.ts)
 * on a running cluster: builds the binaries when missing, makes Temporal's role
 * and databases and their schema, writes its configuration into `dir`, runs it
 * under the supervisor, and answers once its namespace is served.
 * `npm start` with SHOUDI_TEMPORAL=postgres, the county-month benchmark and
 * `npm run test:temporal-postgres` start it this way.
 */
import { Writable } from 'node:stream';
import {
  HISTORY_SHARDS,
  TEMPORAL_SERVER_VERSION,
  ensureNamespace,
  ensureTemporalServerBinaries,
  ensureTemporalUiBinary,
  prepareTemporalServer,
  prepareTemporalUi,
  setupTemporalDatabases,
} from '../platform/temporal-postgres.js';
import { startProcess, supervise, waitFor, type Supervised } from './processes.js';

export interface TemporalOnPostgres {
  readonly address: string;
  /** The Web UI's address, when it was asked for and could be built. */
  readonly uiAddress?: string;
  readonly description: string;
  readonly server: Supervised;
  stop(): Promise<void>;
}

export async function startTemporalOnPostgres(options: {
  /** The cluster's superuser (creates Temporal's role, databases and the btree_gin extension). */
  superuserUrl: string;
  cacheDir: string;
  /** Where its configuration is written. */
  dir: string;
  port: number;
  /** The first of eight ports for its other services (base … base+7). */
  basePort: number;
  namespace: string;
  say: (message: string) => void;
  /** Where its output goes (default: this process's stdout, prefixed). */
  output?: NodeJS.WritableStream;
  dynamicConfig?: Record<string, string | number | boolean>;
  /** Also the Web UI server on this port. */
  uiPort?: number;
}): Promise<TemporalOnPostgres> {
  const binaries = await ensureTemporalServerBinaries(options.cacheDir, options.say);
  await setupTemporalDatabases({ superuserUrl: options.superuserUrl, sqlTool: binaries.sqlTool }, options.say);
  const pgUrl = new URL(options.superuserUrl);
  const { command, args } = await prepareTemporalServer({
    binaries,
    dir: options.dir,
    postgres: { host: pgUrl.hostname, port: Number(pgUrl.port || 5432) },
    ports: { frontend: options.port, base: options.basePort },
    ...(options.dynamicConfig ? { dynamicConfig: options.dynamicConfig } : {}),
  });
  // Its last lines, for the error when it does not come up and whenever it exits untold (the output may go nowhere).
  const last: string[] = [];
  const output = options.output ?? process.stdout;
  const tee = new Writable({
    write(chunk, _encoding, done) {
      last.push(String(chunk).trimEnd());
      while (last.length > 40) last.shift();
      output.write(chunk, done);
    },
  });
  const server = supervise('Temporal server', () => startProcess('temporal', command, args, process.env, tee), {
    say: options.say,
    // Its output shown elsewhere (npm start) is not repeated; a caller that sent it away (the benchmarks) sees the end of it.
    onExit: (code) => options.output !== undefined && options.say(`the Temporal server on PostgreSQL exited (${code ?? 'no code'}); its last lines:\n${last.join('\n')}`),
  });
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitFor('the Temporal server', async () => (await ensureNamespace(address, options.namespace, 5000)) ?? undefined, 120_000);
  } catch (error) {
    await server.stop('SIGTERM');
    throw new Error(`the Temporal server on PostgreSQL did not come up; its last lines:\n${last.join('\n')}`, { cause: error });
  }
  let ui: Supervised | undefined;
  if (options.uiPort !== undefined) {
    try {
      const binary = await ensureTemporalUiBinary(options.cacheDir, options.say);
      const { command: uiCommand, args: uiArgs } = await prepareTemporalUi({ binary, dir: `${options.dir}/ui`, temporalAddress: address, port: options.uiPort, namespace: options.namespace });
      ui = supervise('Temporal Web UI', () => startProcess('temporal-ui', uiCommand, uiArgs, process.env, options.output), { say: options.say });
    } catch (error) {
      options.say(`no Temporal Web UI: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    address,
    server,
    ...(ui ? { uiAddress: `http://127.0.0.1:${options.uiPort}` } : {}),
    description: `Temporal server ${TEMPORAL_SERVER_VERSION} on PostgreSQL (${HISTORY_SHARDS} history shards)`,
    stop: async () => {
      await ui?.stop('SIGTERM');
      await server.stop('SIGTERM', 20_000);
    },
  };
}
