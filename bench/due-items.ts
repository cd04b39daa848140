/**
 * GET /due-items at county scale: the register's list queries (the product's
 * `dueItemsRepo(db).list`) on 100,000 households and a year of items, against a
 * baseline measured in the same run — the same queries on a copy of due_items
 * without any of its indexes (schema bench_baseline, reached through search_path).
 *
 *   npm run bench:due-items [-- --repetitions=15 --baseline-repetitions=5 --warmup=2]
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createDb } from '../db/kysely.js';
import { migrateToLatest } from '../db/migrate.js';
import { dueItemsRepo } from '../db/repositories/due-items.js';
import { seedDemoCounty, seedPolicyProfiles } from '../db/seed.js';
import { BASELINE_SCHEMA, HOUSEHOLDS, NOW, TOWNS, VILLAGES_PER_TOWN, loadRegister } from './due-items/load.js';
import { referenceList } from './due-items/reference.js';
import { queryShapes, type QueryShape } from './due-items/shapes.js';
import { explainPageAndCount } from './support/explain.js';
import { describeMachine, sizesOf } from './support/machine.js';
import { accessPaths, buffers, ms, planLines, table, timeRepeated, type Timing } from './support/measure.js';
import { startBenchDatabase } from './support/postgres.js';

const write = (text = '') => process.stdout.write(`${text}\n`);

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 0 || value > 1000) throw new Error(`--${name} must be an integer 0..1000`);
  return value;
}

const repetitions = Math.max(1, option('repetitions', 15));
const baselineRepetitions = Math.max(1, option('baseline-repetitions', 5));
const warmup = option('warmup', 2);

type ListResult = Awaited<ReturnType<ReturnType<typeof dueItemsRepo>['list']>>;

interface Measured {
  readonly shape: QueryShape;
  readonly product: Timing;
  readonly baseline: Timing;
  readonly rows: number;
  readonly total: number;
  /** The same page and total as the baseline, and as the query before the benchmark. */
  readonly sameAsBaseline: boolean;
  readonly sameAsReference: boolean;
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return u.toString();
}

function sameResult(a: ListResult, b: { ids: readonly string[]; total: number }): boolean {
  return a.total === b.total && a.items.length === b.ids.length && a.items.every((item, i) => item.id === b.ids[i]);
}

const idsOf = (r: ListResult) => ({ ids: r.items.map((i) => i.id), total: r.total });

async function describeRun(db: Kysely<Database>, where: string, load: { ms: number; foreignKeysChecked: boolean }): Promise<string[]> {
  const counts = (
    await db
      .selectFrom('due_items')
      .select((eb) => [
        eb.fn.countAll<string>().as('all'),
        eb.fn.countAll<string>().filterWhere('status', '=', 'done').as('done'),
        eb.fn.countAll<string>().filterWhere('status', '=', 'open').as('open'),
        eb.fn.countAll<string>().filterWhere('status', '=', 'cancelled').as('cancelled'),
        eb.fn.countAll<string>().filterWhere((w) => w.and([w('status', '=', 'open'), w.or([w('overdue_at', 'is not', null), w('due_at', '<', NOW)])])).as('overdue'),
        eb.fn.countAll<string>().filterWhere((w) => w.and([w('status', '=', 'open'), w('responsible_user_id', 'is not', null)])).as('responsible'),
        eb.fn.countAll<string>().filterWhere('department_id', 'is not', null).as('department'),
      ])
      .executeTakeFirstOrThrow()
  );
  const households = await db.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const places = await db
    .selectFrom('jurisdictions')
    .select(['level', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('level')
    .execute();
  const n = (v: string | number) => Number(v).toLocaleString('en-US');
  return [
    ...(await describeMachine(db, where)),
    `places      ${places.map((p) => `${n(p.n)} ${p.level}`).join(', ')}`,
    `households  ${n(households.n)}`,
    `due_items   ${n(counts.all)} rows: ${n(counts.done)} done (${((100 * Number(counts.done)) / Number(counts.all)).toFixed(1)} %), ${n(counts.open)} open of which ${n(counts.overdue)} overdue, ${n(counts.cancelled)} cancelled; ${n(counts.responsible)} open with a responsible person; ${n(counts.department)} department items`,
    `sizes       ${await sizesOf(db, 'public.due_items')}`,
    `load        ${(load.ms / 1000).toFixed(1)} s in all (migrate, seed, bulk load${load.foreignKeysChecked ? '' : ' without row-by-row foreign-key checks'}, baseline copy, VACUUM ANALYZE)`,
    `runs        now = ${NOW.toISOString()}; page size 50; per query ${warmup} warm-up + ${repetitions} measured runs (product), ${warmup} + ${baselineRepetitions} (baseline), one after the other`,
  ];
}

async function main(): Promise<void> {
  const started = performance.now();
  write(`GET /due-items benchmark: ${HOUSEHOLDS.toLocaleString('en-US')} households in ${TOWNS} towns × ${VILLAGES_PER_TOWN} villages, a year of the deadline register`);
  const database = await startBenchDatabase('shoudi_bench');
  const stopOnSignal = () => {
    void database.dispose().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const db = createDb(database.url, { max: 4 });
  const baselineDb = createDb(withSearchPath(database.url, BASELINE_SCHEMA), { max: 4 });
  try {
    const loadStart = performance.now();
    await migrateToLatest(db);
    await seedPolicyProfiles(db);
    await seedDemoCounty(db, async () => 'bench-no-login');
    const { foreignKeysChecked } = await loadRegister(database.url, (s) => write(`  load: ${s.step} — ${(s.ms / 1000).toFixed(1)} s`));
    const load = { ms: performance.now() - loadStart, foreignKeysChecked };

    const cadre = await db.selectFrom('users').select('id').where('username', '=', 'cun.donggang').executeTakeFirstOrThrow();
    const department = await db.selectFrom('departments').select('id').where('code', '=', 'mz').executeTakeFirstOrThrow();
    const shapes = queryShapes({ villageCadre: cadre.id, department: department.id });

    const measured: Measured[] = [];
    for (const shape of shapes) {
      const product = await timeRepeated(() => dueItemsRepo(db).list(shape.filter), { warmup, repetitions });
      const baseline = await timeRepeated(() => dueItemsRepo(baselineDb).list(shape.filter), { warmup, repetitions: baselineRepetitions });
      measured.push({
        shape,
        product: product.timing,
        baseline: baseline.timing,
        rows: product.last.items.length,
        total: product.last.total,
        sameAsBaseline: sameResult(product.last, idsOf(baseline.last)),
        sameAsReference: sameResult(product.last, await referenceList(db, shape.filter)),
      });
      write(`  measured: ${shape.name}`);
    }

    const plans: string[] = [];
    for (const shape of shapes) {
      const product = await explainPageAndCount(database.url, (on) => dueItemsRepo(on).list(shape.filter));
      const baseline = await explainPageAndCount(withSearchPath(database.url, BASELINE_SCHEMA), (on) => dueItemsRepo(on).list(shape.filter));
      plans.push(`  ${shape.name} — ${shape.who}`);
      for (const [label, plan, base] of [
        ['page ', product.page, baseline.page],
        ['count', product.count, baseline.count],
      ] as const) {
        plans.push(
          `    ${label}: ${ms(plan['Execution Time'])} ms, ${buffers(plan)}; due_items by ${accessPaths(plan, 'due_items').join(' + ')}` +
            `  (baseline ${ms(base['Execution Time'])} ms, ${accessPaths(base, 'due_items').join(' + ')})`,
        );
        plans.push(...planLines(plan, 'due_items'));
      }
    }

    write();
    for (const line of await describeRun(db, database.where, load)) write(line);
    write();
    write('Product: dueItemsRepo(db).list() on the register with its indexes. Baseline: the same list() on a copy of due_items');
    write('without indexes. Times in ms. "same as base": same page and total as the baseline; "as before": same page and total');
    write('as the list query before this benchmark (bench/due-items/reference.ts).');
    write(
      table([
        ['query', 'rows', 'total', 'median', 'p95', 'base median', 'base p95', 'base/product', 'same as base', 'as before'],
        ...measured.map((m) => [
          m.shape.name,
          String(m.rows),
          m.total.toLocaleString('en-US'),
          ms(m.product.medianMs),
          ms(m.product.p95Ms),
          ms(m.baseline.medianMs),
          ms(m.baseline.p95Ms),
          `${(m.baseline.medianMs / m.product.medianMs).toFixed(1)}×`,
          m.sameAsBaseline ? 'yes' : 'NO',
          m.sameAsReference ? 'yes' : 'NO',
        ]),
      ]),
    );
    write();
    write('Plans of the product queries (EXPLAIN ANALYZE, BUFFERS; one run after the measurements):');
    for (const line of plans) write(line);
    write();
    write(`finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    if (measured.some((m) => !m.sameAsBaseline || !m.sameAsReference)) process.exitCode = 1;
  } finally {
    await db.destroy();
    await baselineDb.destroy();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await database.dispose();
  }
}

await main();
