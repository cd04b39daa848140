/**
 * The production path of Temporal, here: the Temporal server persisting to
 * PostgreSQL with several history shards. Its two binaries — the server and
 * its SQL schema tool — are built from the Go module `go.temporal.io/server`
 * (the Go module proxy is reachable; a download site is not) into the cache
 * folder, never into the repository. Its own databases `temporal` and
 * `temporal_visibility`, owned by the role `temporal`, get their schema from
 * the schema tool (the schema embedded in it), not from the project's migrations.
 */
import { execFile } from 'node:child_process';
import { access, constants, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { RoleLogin } from './embedded-postgres.js';

const run = promisify(execFile);

/** The newest release whose go.mod asks for no newer Go than the machine's 1.26.8 (1.32.2 asks for 1.26.10). */
export const TEMPORAL_SERVER_VERSION = 'v1.32.1';

/** Several history shards (a workflow's shard is a hash of its id); fixed once a cluster has its schema. */
export const HISTORY_SHARDS = 4;

/** Temporal's own role on the local-only cluster (127.0.0.1; the password is not a secret). */
export const TEMPORAL_ROLE: RoleLogin = { name: 'temporal', password: 'temporal-local' };

export const TEMPORAL_DATABASES = { history: 'temporal', visibility: 'temporal_visibility' } as const;

type Log = (message: string) => void;

export interface TemporalServerBinaries {
  readonly server: string;
  readonly sqlTool: string;
}

export function temporalServerBinaries(cacheDir: string): TemporalServerBinaries {
  const dir = path.resolve(cacheDir, 'temporal', `server-${TEMPORAL_SERVER_VERSION}`);
  return { server: path.join(dir, 'temporal-server'), sqlTool: path.join(dir, 'temporal-sql-tool') };
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/**
 * The cached server and schema tool, built with the machine's `go` when missing
 * (`go install go.temporal.io/server/cmd/server@… …/cmd/tools/sql@…`: modules
 * from the Go module proxy, the Go caches where the machine keeps them). From
 * empty Go caches this takes minutes; afterwards it answers at once.
 */
export async function ensureTemporalServerBinaries(cacheDir: string, log: Log = () => {}): Promise<TemporalServerBinaries> {
  const target = temporalServerBinaries(cacheDir);
  if ((await isExecutable(target.server)) && (await isExecutable(target.sqlTool))) return target;
  try {
    await run('go', ['version']);
  } catch {
    throw new Error('the PostgreSQL-backed Temporal server is built with Go, and `go` is not on PATH (install Go ≥ 1.26.8, or use the dev server: unset SHOUDI_TEMPORAL)');
  }
  const root = path.dirname(path.dirname(target.server));
  await mkdir(root, { recursive: true });
  const work = await mkdtemp(path.join(root, 'build-'));
  try {
    log(`building Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool from the Go module go.temporal.io/server (the first time takes minutes)`);
    const started = Date.now();
    await run(
      'go',
      ['install', `go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}`, `go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`],
      { env: { ...process.env, GOBIN: work, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: 'local' }, maxBuffer: 64 * 1024 * 1024 },
    );
    await mkdir(path.dirname(target.server), { recursive: true });
    await rename(path.join(work, 'server'), target.server);
    await rename(path.join(work, 'sql'), target.sqlTool);
    log(`built in ${Math.round((Date.now() - started) / 1000)} s, cached in ${path.dirname(target.server)}`);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function urlOf(host: string, port: number, role: RoleLogin, database: string): string {
  return `postgres://${role.name}:${encodeURIComponent(role.password)}@${host}:${port}/${database}`;
}

/**
 * Temporal's role and its two databases, made by the superuser when missing,
 * then the schema of each set up (once) and brought to the tool's version by
 * `temporal-sql-tool … update-schema --schema-name postgresql/v12/…` (which
 * applies only what is newer: safe at every start).
 */
export async function setupTemporalDatabases(
  options: { superuserUrl: string; sqlTool: string; role?: RoleLogin },
  log: Log = () => {},
): Promise<void> {
  const role = options.role ?? TEMPORAL_ROLE;
  const { hostname: host, port } = new URL(options.superuserUrl);
  await withClient(options.superuserUrl, async (client) => {
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [role.name]);
    const password = client.escapeLiteral(role.password);
    const verb = exists.rowCount === 0 ? 'create' : 'alter';
    await client.query(`${verb} role ${role.name} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${password}`);
    for (const database of Object.values(TEMPORAL_DATABASES)) {
      const found = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (found.rowCount === 0) await client.query(`create database ${database} owner ${role.name} encoding 'UTF8'`);
    }
  });
  // The visibility schema's indexes use btree_gin, an extension only a superuser may create.
  const visibilityAsSuperuser = new URL(options.superuserUrl);
  visibilityAsSuperuser.pathname = `/${TEMPORAL_DATABASES.visibility}`;
  await withClient(visibilityAsSuperuser.toString(), (client) => client.query('create extension if not exists btree_gin'));

  for (const [which, database] of Object.entries(TEMPORAL_DATABASES)) {
    const common = ['--plugin', 'postgres12', '--ep', host, '-p', port || '5432', '-u', role.name, '--pw', role.password, '--db', database];
    const versioned = await withClient(urlOf(host, Number(port || 5432), role, database), async (client) => {
      const { rows } = await client.query<{ t: string | null }>("select to_regclass('schema_version')::text as t");
      return rows[0]?.t !== null;
    });
    if (!versioned) await run(options.sqlTool, [...common, 'setup-schema', '-v', '0.0'], { maxBuffer: 16 * 1024 * 1024 });
    const schemaName = which === 'history' ? 'postgresql/v12/temporal' : 'postgresql/v12/visibility';
    await run(options.sqlTool, [...common, 'update-schema', '--schema-name', schemaName], { maxBuffer: 16 * 1024 * 1024 });
    log(`Temporal database ${database}: schema ${versioned ? 'up to date' : 'set up'} (${schemaName})`);
  }
}

export interface TemporalServerPorts {
  /** The frontend's gRPC port: what clients and workers connect to. */
  readonly frontend: number;
  /** Where the other services' ports start: history, matching, worker (gRPC and membership), frontend HTTP and membership. */
  readonly base: number;
}

/** The ports the server uses besides the frontend's: base … base+7. */
function servicePorts(ports: TemporalServerPorts) {
  const b = ports.base;
  return {
    frontend: { grpcPort: ports.frontend, membershipPort: b, httpPort: b + 1 },
    history: { grpcPort: b + 2, membershipPort: b + 3 },
    matching: { grpcPort: b + 4, membershipPort: b + 5 },
    worker: { grpcPort: b + 6, membershipPort: b + 7 },
  };
}

/** The server's configuration file (YAML is a superset of JSON): PostgreSQL for history and visibility, all services on 127.0.0.1. */
export function temporalServerConfig(options: {
  postgres: { host: string; port: number };
  role?: RoleLogin;
  ports: TemporalServerPorts;
  dynamicConfigFile: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  maxConns?: number;
}): Record<string, unknown> {
  const role = options.role ?? TEMPORAL_ROLE;
  const datastore = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${options.postgres.host}:${options.postgres.port}`,
      connectProtocol: 'tcp',
      user: role.name,
      password: role.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const services = Object.fromEntries(
    Object.entries(servicePorts(options.ports)).map(([name, rpc]) => [name, { rpc: { ...rpc, bindOnLocalHost: true } }]),
  );
  return {
    log: { stdout: true, level: options.logLevel ?? 'warn' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: HISTORY_SHARDS,
      datastores: {
        // Per service (frontend, history, matching, worker: four pools in one process), within the
        // embedded cluster's 100 connections beside the system's own.
        'postgres-default': datastore(TEMPORAL_DATABASES.history, options.maxConns ?? 10),
        'postgres-visibility': datastore(TEMPORAL_DATABASES.visibility, 2),
      },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services,
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `127.0.0.1:${options.ports.frontend}` } },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } },
    namespaceDefaults: { archival: { history: { state: 'disabled' }, visibility: { state: 'disabled' } } },
    dynamicConfigClient: { filepath: options.dynamicConfigFile, pollInterval: '10s' },
  };
}

/** Dynamic configuration: one key a line, each a list of constrained values (here: none). */
function dynamicConfigYaml(values: Record<string, string | number | boolean>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}:\n  - value: ${JSON.stringify(value)}\n    constraints: {}\n`)
    .join('');
}

/**
 * Writes the configuration into `dir` and answers the command that starts the
 * server with it (`temporal-server --config-file … --allow-no-auth start`).
 */
export async function prepareTemporalServer(options: {
  binaries: TemporalServerBinaries;
  dir: string;
  postgres: { host: string; port: number };
  ports: TemporalServerPorts;
  dynamicConfig?: Record<string, string | number | boolean>;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}): Promise<{ command: string; args: string[] }> {
  await mkdir(options.dir, { recursive: true });
  const dynamicConfigFile = path.join(options.dir, 'dynamic-config.yaml');
  await writeFile(dynamicConfigFile, dynamicConfigYaml(options.dynamicConfig ?? {}) || '{}\n');
  const configFile = path.join(options.dir, 'temporal-server.yaml');
  const config = temporalServerConfig({ postgres: options.postgres, ports: options.ports, dynamicConfigFile, ...(options.logLevel ? { logLevel: options.logLevel } : {}) });
  await writeFile(configFile, `${JSON.stringify(config, null, 2)}\n`);
  return { command: options.binaries.server, args: ['--config-file', configFile, '--allow-no-auth', 'start'] };
}

/**
 * A fresh cluster has no namespace: registers it (3 days' retention of closed
 * workflows) when missing, then waits until the frontend serves it — the
 * namespace registry of each service refreshes on its own clock.
 */
export async function ensureNamespace(address: string, namespace: string, timeoutMs = 60_000): Promise<'registered' | 'present'> {
  const { Connection, Client } = await import('@temporalio/client');
  const { msToTs } = await import('@temporalio/common/lib/time.js');
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < until) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2000 });
      try {
        let outcome: 'registered' | 'present' = 'present';
        try {
          await connection.workflowService.describeNamespace({ namespace });
        } catch {
          try {
            await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(3 * 24 * 3600 * 1000) });
          } catch (error) {
            if ((error as { code?: number }).code !== 6) throw error; // ALREADY_EXISTS: registered meanwhile
          }
          outcome = 'registered';
        }
        // Served once a list answers on it (the frontend's namespace registry knows it).
        await new Client({ connection, namespace }).workflow.count();
        return outcome;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw new Error(`the Temporal namespace ${namespace} at ${address} was not served within ${Math.round(timeoutMs / 1000)} s`, { cause: lastError });
}

/** The Web UI server of the same release as the dev server's (Web UI 2.54), for the server on PostgreSQL. */
export const TEMPORAL_UI_VERSION = 'v2.54.0';

export function temporalUiBinary(cacheDir: string): string {
  return path.resolve(cacheDir, 'temporal', `ui-server-${TEMPORAL_UI_VERSION}`, 'temporal-ui-server');
}

/** The cached Web UI server (Go module github.com/temporalio/ui-server/v2, its UI built in), built with `go` when missing. */
export async function ensureTemporalUiBinary(cacheDir: string, log: Log = () => {}): Promise<string> {
  const target = temporalUiBinary(cacheDir);
  if (await isExecutable(target)) return target;
  const root = path.dirname(path.dirname(target));
  await mkdir(root, { recursive: true });
  const work = await mkdtemp(path.join(root, 'build-'));
  try {
    log(`building the Temporal Web UI server ${TEMPORAL_UI_VERSION} from the Go module github.com/temporalio/ui-server/v2`);
    await run('go', ['install', `github.com/temporalio/ui-server/v2/cmd/server@${TEMPORAL_UI_VERSION}`], {
      env: { ...process.env, GOBIN: work, CGO_ENABLED: '0', GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: 'local' },
      maxBuffer: 64 * 1024 * 1024,
    });
    await mkdir(path.dirname(target), { recursive: true });
    await rename(path.join(work, 'server'), target);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Writes the UI server's configuration into `dir` and answers its command (`… --root dir --config config --env shoudi start`). */
export async function prepareTemporalUi(options: { binary: string; dir: string; temporalAddress: string; port: number; namespace: string }): Promise<{ command: string; args: string[] }> {
  const configDir = path.join(options.dir, 'config');
  await mkdir(configDir, { recursive: true });
  const config = {
    temporalGrpcAddress: options.temporalAddress,
    host: '127.0.0.1',
    port: options.port,
    enableUi: true,
    defaultNamespace: options.namespace,
    disableNewsFetch: true,
    refreshInterval: '1m',
    cors: { allowOrigins: [`http://127.0.0.1:${options.port}`], cookieInsecure: true },
    auth: { enabled: false },
  };
  await writeFile(path.join(configDir, 'shoudi.yaml'), `${JSON.stringify(config, null, 2)}\n`);
  return { command: options.binary, args: ['--root', options.dir, '--config', 'config', '--env', 'shoudi', 'start'] };
}
