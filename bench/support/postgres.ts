/**
 * A throwaway PostgreSQL database for a benchmark: a fresh database in the
 * server named by DATABASE_URL when it is set (dropped afterwards), otherwise
 * an embedded server in a temporary folder that is removed afterwards.
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseConfig } from '../../platform/config.js';
import { LOCAL_ROLES, startEmbeddedPostgres } from '../../platform/embedded-postgres.js';
import { ensureDatabase, ensureRoles, urlAs } from '../../scripts/database.js';

export interface BenchDatabase {
  /** Connection string of the fresh database, as its owner (who migrates and bulk-loads it). */
  readonly url: string;
  /** Where it runs, for the report. */
  readonly where: string;
  /** The server's superuser (or DATABASE_URL's role): for a benchmark that makes databases of its own beside it. */
  readonly superuserUrl: string;
  dispose(): Promise<void>;
}

export async function startBenchDatabase(name: string): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const config = parseConfig(process.env);
  const database = `${name}_${process.pid}_${Date.now().toString(36)}`;

  if (config.DATABASE_URL) {
    const maintenanceUrl = config.DATABASE_URL;
    await ensureRoles(maintenanceUrl, LOCAL_ROLES);
    await ensureDatabase(maintenanceUrl, database, LOCAL_ROLES.owner.name);
    return {
      url: urlAs(maintenanceUrl, LOCAL_ROLES.owner, database),
      where: `database ${database} on the server of DATABASE_URL (dropped afterwards)`,
      superuserUrl: maintenanceUrl,
      dispose: () => adminQuery(maintenanceUrl, `drop database if exists ${database} with (force)`),
    };
  }

  const work = await mkdtemp(path.join(os.tmpdir(), `shoudi-${name}-`));
  // As root the server runs as the postgres system user, which must reach its data directory.
  await chmod(work, 0o755);
  const removeWork = () => rm(work, { recursive: true, force: true });
  try {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const server = await startEmbeddedPostgres({ dataDir: path.join(work, 'postgres'), port, persistent: false });
    await ensureRoles(server.url, LOCAL_ROLES);
    await ensureDatabase(server.url, database, LOCAL_ROLES.owner.name);
    return {
      url: server.urlFor(database, LOCAL_ROLES.owner),
      where: `embedded PostgreSQL in ${work} on port ${port} (removed afterwards)`,
      superuserUrl: server.url,
      dispose: async () => {
        try {
          await server.stop();
        } finally {
          await removeWork();
        }
      },
    };
  } catch (error) {
    await removeWork();
    throw error;
  }
}

async function adminQuery(connectionString: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
