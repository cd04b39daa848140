/**
 * The frame of a benchmark: its title, a throwaway database with a Kysely on
 * it and one on its baseline schema, how long the whole run took, and the
 * database stopped afterwards (and on Ctrl-C).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { createDb } from '../../db/kysely.js';
import { startBenchDatabase } from './postgres.js';

/** The schema holding a benchmark's baseline tables, reached first through search_path. */
export const BASELINE_SCHEMA = 'bench_baseline';

export function write(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export interface BenchRun {
  /** Connection string of the fresh database. */
  readonly url: string;
  /** The same database with the baseline schema first in search_path. */
  readonly baselineUrl: string;
  /** Where it runs, for the report. */
  readonly where: string;
  /** The server's superuser: for a benchmark that makes databases of its own beside it. */
  readonly superuserUrl: string;
  readonly db: Kysely<Database>;
  readonly baselineDb: Kysely<Database>;
}

export async function runBenchmark(title: string, body: (run: BenchRun) => Promise<void>): Promise<void> {
  const started = performance.now();
  write(title);
  const database = await startBenchDatabase('shoudi_bench');
  const stopOnSignal = () => {
    void database.dispose().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const baselineUrl = withSearchPath(database.url, BASELINE_SCHEMA);
  const db = createDb(database.url, { max: 4 });
  const baselineDb = createDb(baselineUrl, { max: 4 });
  try {
    await body({ url: database.url, baselineUrl, where: database.where, superuserUrl: database.superuserUrl, db, baselineDb });
    write();
    write(`finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await db.destroy();
    await baselineDb.destroy();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await database.dispose();
  }
}

/** The connection string with `schema` first in search_path (then public). */
function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return u.toString();
}
