import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { succeedsWithin } from '../platform/timeout.js';
import type { Database } from './database.js';

// A SQL date is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a
// host-time-zone Date. bigint (int8: bigserial ids, counts) stays a string, exactly.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

const pools = new WeakMap<Kysely<Database>, pg.Pool>();

export function createDb(connectionString: string, options: { max?: number } = {}): Kysely<Database> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  pool.on('error', () => {
    // An idle client lost its connection (for example the server restarted);
    // the pool replaces it, and the next query reports the problem.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

/** The connection pool's counts (for metrics), or undefined for a Kysely instance not made by createDb. */
export function poolCounts(db: Kysely<Database>): { total: number; idle: number; waiting: number } | undefined {
  const pool = pools.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : undefined;
}

/** True when the database answers a trivial query within the timeout. */
export function pingDb(db: Kysely<Database>, timeoutMs = 2000): Promise<boolean> {
  return succeedsWithin(() => sql`select 1`.execute(db), timeoutMs);
}
