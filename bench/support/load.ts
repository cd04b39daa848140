/**
 * What the benchmarks' bulk loads share: the seed they start from, the county
 * they load (the demo county grown to 20 towns × 15 villages × 3 groups), one
 * session that runs a load's statements step by step, and that session's hash
 * function for deterministic shares.
 */
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/database.js';
import { seedDemoCounty, seedPolicyProfiles } from '../../db/seed.js';

/** The demo county (db/seed.ts), which the loads grow. */
export const COUNTY_ID = '990101';
export const TOWNS = 20;
export const VILLAGES_PER_TOWN = 15;

export interface LoadStep {
  readonly step: string;
  readonly ms: number;
}

/** A statement, or a statement with its parameters. */
export type Statement = string | [string, unknown[]];

/** Runs a named step's statements in order and reports how long they took. */
export type Step = (name: string, statements: readonly Statement[]) => Promise<void>;

/** The policy profiles and the demo county (its users never log in here). */
export async function seedDemo(db: Kysely<Database>): Promise<void> {
  await seedPolicyProfiles(db);
  await seedDemoCounty(db, async () => 'bench-no-login');
}

/**
 * Runs `load` on one session; answers whether the foreign-key checks were
 * skipped (a superuser's session in replica mode: every row is made from rows
 * already there, and checking millions of rows one by one would take most of
 * the load time).
 */
export async function bulkLoad(url: string, onStep: (step: LoadStep) => void, load: (step: Step) => Promise<void>): Promise<{ foreignKeysChecked: boolean }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const foreignKeysChecked = await client.query('set session_replication_role = replica').then(
      () => false,
      () => true,
    );
    await load(async (name, statements) => {
      const start = performance.now();
      for (const s of statements) {
        if (typeof s === 'string') await client.query(s);
        else await client.query(s[0], s[1]);
      }
      onStep({ step: name, ms: performance.now() - start });
    });
    return { foreignKeysChecked };
  } finally {
    await client.end();
  }
}

/** The statements that use $1, with `now` as it. */
export function withNow(now: Date, statements: readonly string[]): Statement[] {
  return statements.map((s) => (s.includes('$1') ? [s, [now]] : s));
}

/** The session's settings and functions: the first statements of a load. */
export const SESSION = [
  // A month's or a table's rows are sorted in memory.
  `set work_mem = '256MB'`,
  // A uniform number in [0, 1) from a key: deterministic shares without random().
  `create function pg_temp.u(k bigint) returns float8 language sql immutable parallel safe
     as $$ select (hashint8(k) & 2147483647)::float8 / 2147483648.0 $$`,
] as const;

/** The county's towns and villages, and three groups in every village there is (the demo county's own places are kept as seeded). */
export const COUNTY_PLACES = [
  `insert into jurisdictions (id, parent_id, level, name)
   select '${COUNTY_ID}' || lpad(t::text, 3, '0'), '${COUNTY_ID}', 'town', '第' || t || '乡镇'
   from generate_series(1, ${TOWNS}) t
   on conflict (id) do nothing`,
  `insert into jurisdictions (id, parent_id, level, name)
   select '${COUNTY_ID}' || lpad(t::text, 3, '0') || '2' || lpad(v::text, 2, '0'), '${COUNTY_ID}' || lpad(t::text, 3, '0'), 'village', '第' || t || '乡镇第' || v || '村'
   from generate_series(1, ${TOWNS}) t, generate_series(1, ${VILLAGES_PER_TOWN}) v
   on conflict (id) do nothing`,
  `insert into jurisdictions (id, parent_id, level, name)
   select v.id || '00' || g, v.id, 'group', '第' || g || '村民小组'
   from jurisdictions v, generate_series(1, 3) g
   where v.level = 'village'
   on conflict (id) do nothing`,
] as const;

/** The report's line on places: how many of each level. */
export async function placesLine(db: Kysely<Database>): Promise<string> {
  const places = await db
    .selectFrom('jurisdictions')
    .select(['level', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('level')
    .orderBy('level')
    .execute();
  return `places      ${places.map((p) => `${Number(p.n).toLocaleString('en-US')} ${p.level}`).join(', ')}`;
}
