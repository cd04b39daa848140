/**
 * GET /households and GET /tasks at county scale: the product's
 * `householdsRepo(db).search` and `measureTasksRepo(db).list` on 100,000
 * households, their members and their department tasks, against a baseline
 * measured in the same run — the queries as they were before (one OR over the
 * jurisdiction columns, bench/households/reference.ts) on copies of households
 * and measure_tasks with the indexes they had before migration 013 (schema
 * bench_baseline, reached through search_path). Each product answer is checked
 * against the baseline's: the same page, in the same order, and the same total.
 *
 *   npm run bench:households [-- --repetitions=15 --baseline-repetitions=5 --warmup=2]
 */
import { Migrator, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createDb } from '../db/kysely.js';
import { migrateToLatest } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { householdsRepo } from '../db/repositories/households.js';
import { measureTasksRepo } from '../db/repositories/measure-tasks.js';
import { seedDemoCounty, seedPolicyProfiles } from '../db/seed.js';
import { BASELINE_SCHEMA, COUNTY_ID, HOUSEHOLDS, NOW, TOWNS, VILLAGES_PER_TOWN, loadHouseholds, vacuumAnalyze } from './households/load.js';
import { referenceSearch, referenceTaskList, type PageIds } from './households/reference.js';
import { GROUP, OTHER_VILLAGE, VILLAGE, searchShapes, taskShapes, type QueryShape, type Samples } from './households/shapes.js';
import { explainPageAndCount } from './support/explain.js';
import { describeMachine, sizesOf } from './support/machine.js';
import { accessPaths, buffers, ms, planLines, table, timeRepeated, type Timing } from './support/measure.js';
import { startBenchDatabase } from './support/postgres.js';

/** The last migration before the one this benchmark measures: the baseline's tables are copied at it. */
const BEFORE = '2026_11_23_012_due_items_indexes';

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

/** One list query: the product's function, the baseline's, and which table its plans are about. */
interface Subject<F> {
  readonly title: string;
  readonly table: 'households' | 'measure_tasks';
  readonly shapes: readonly QueryShape<F>[];
  product(db: Kysely<Database>, filter: F): Promise<PageIds>;
  baseline(db: Kysely<Database>, filter: F): Promise<PageIds>;
}

interface Measured {
  readonly name: string;
  readonly product: Timing;
  readonly baseline: Timing;
  readonly rows: number;
  readonly total: number;
  /** The same page, in the same order, and the same total as the baseline. */
  readonly same: boolean;
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return u.toString();
}

const samePage = (a: PageIds, b: PageIds) => a.total === b.total && a.ids.length === b.ids.length && a.ids.every((id, i) => id === b.ids[i]);

async function measure<F>(subject: Subject<F>, db: Kysely<Database>, baselineDb: Kysely<Database>): Promise<Measured[]> {
  const measured: Measured[] = [];
  for (const shape of subject.shapes) {
    const product = await timeRepeated(() => subject.product(db, shape.filter), { warmup, repetitions });
    const baseline = await timeRepeated(() => subject.baseline(baselineDb, shape.filter), { warmup, repetitions: baselineRepetitions });
    measured.push({
      name: shape.name,
      product: product.timing,
      baseline: baseline.timing,
      rows: product.last.ids.length,
      total: product.last.total,
      same: samePage(product.last, baseline.last),
    });
    write(`  measured: ${subject.title} — ${shape.name}`);
  }
  return measured;
}

async function plansOf<F>(subject: Subject<F>, url: string): Promise<string[]> {
  const lines: string[] = [];
  for (const shape of subject.shapes) {
    const product = await explainPageAndCount(url, (db) => subject.product(db, shape.filter));
    const baseline = await explainPageAndCount(withSearchPath(url, BASELINE_SCHEMA), (db) => subject.baseline(db, shape.filter));
    lines.push(`  ${shape.name} — ${shape.who}`);
    for (const [label, plan, base] of [
      ['page ', product.page, baseline.page],
      ['count', product.count, baseline.count],
    ] as const) {
      lines.push(
        `    ${label}: ${ms(plan['Execution Time'])} ms, ${buffers(plan)}; ${subject.table} by ${accessPaths(plan, subject.table).join(' + ')}` +
          `  (baseline ${ms(base['Execution Time'])} ms, ${accessPaths(base, subject.table).join(' + ')})`,
      );
      lines.push(...planLines(plan, subject.table));
    }
  }
  return lines;
}

function report(measured: readonly Measured[]): string {
  return table([
    ['query', 'rows', 'total', 'median', 'p95', 'base median', 'base p95', 'base/product', 'same as base'],
    ...measured.map((m) => [
      m.name,
      String(m.rows),
      m.total.toLocaleString('en-US'),
      ms(m.product.medianMs),
      ms(m.product.p95Ms),
      ms(m.baseline.medianMs),
      ms(m.baseline.p95Ms),
      `${(m.baseline.medianMs / m.product.medianMs).toFixed(1)}×`,
      m.same ? 'yes' : 'NO',
    ]),
  ]);
}

/** A member's name and ID numbers from the loaded rows (see Samples). */
async function samplesFrom(db: Kysely<Database>): Promise<Samples> {
  const currentMember = (where: 'village_id' | 'group_id', place: string, notHead: boolean) => {
    let query = db
      .selectFrom('household_members as m')
      .innerJoin('households as h', 'h.id', 'm.household_id')
      .select(['m.name', 'm.id_number'])
      .where(`h.${where}`, '=', place)
      .where('m.left_at', 'is', null);
    // A full name of three characters: one of the rarer ones.
    if (notHead) query = query.where('m.relation', '<>', 'head').where((eb) => eb(eb.fn<number>('char_length', ['m.name']), '=', 3));
    return query.orderBy('m.id_number').limit(1).executeTakeFirstOrThrow();
  };
  const member = await currentMember('village_id', VILLAGE, true);
  return {
    memberName: member.name,
    idNumberInGroup: (await currentMember('group_id', GROUP, false)).id_number,
    idNumberElsewhere: (await currentMember('village_id', OTHER_VILLAGE, false)).id_number,
  };
}

async function describeData(db: Kysely<Database>): Promise<string[]> {
  const n = (v: string | number | bigint) => Number(v).toLocaleString('en-US');
  const households = await db
    .selectFrom('households')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('county_id', '=', COUNTY_ID).as('county'),
      eb.fn.countAll<string>().filterWhere('county_id', '<>', COUNTY_ID).as('elsewhere'),
      eb.fn.countAll<string>().filterWhere('group_id', 'is', null).as('no_group'),
      eb.fn.count<string>('created_at').distinct().as('times'),
    ])
    .executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('household_members')
    .select((eb) => [eb.fn.countAll<string>().as('all'), eb.fn.countAll<string>().filterWhere('left_at', 'is not', null).as('left')])
    .executeTakeFirstOrThrow();
  const plans = await db.selectFrom('assistance_plans').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const tasks = await db
    .selectFrom('measure_tasks')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .orderBy('status')
    .execute();
  const overdue = await db
    .selectFrom('measure_tasks')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', 'in', ['assigned', 'accepted', 'in_progress'])
    .where('due_at', '<=', NOW)
    .executeTakeFirstOrThrow();
  const places = await db
    .selectFrom('jurisdictions')
    .select(['level', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('level')
    .orderBy('level')
    .execute();
  const taskTotal = tasks.reduce((sum, t) => sum + Number(t.n), 0);
  return [
    `places      ${places.map((p) => `${n(p.n)} ${p.level}`).join(', ')}`,
    `households  ${n(households.county)} in county ${COUNTY_ID} and ${n(households.elsewhere)} in a neighbouring county; ${n(households.no_group)} without a group; ${n(households.times)} distinct registration times`,
    `members     ${n(members.all)}, of whom ${n(members.left)} have left`,
    `tasks       ${n(taskTotal)} in ${n(plans.n)} plans: ${tasks.map((t) => `${n(t.n)} ${t.status}`).join(', ')}; ${n(overdue.n)} open past their deadline`,
    `sizes       ${await sizesOf(db, 'public.households')}`,
    `            ${await sizesOf(db, 'public.measure_tasks')}`,
  ];
}

async function main(): Promise<void> {
  const started = performance.now();
  write(`GET /households and GET /tasks benchmark: ${HOUSEHOLDS.toLocaleString('en-US')} households in ${TOWNS} towns × ${VILLAGES_PER_TOWN} villages, their members and tasks`);
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
    const before = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(BEFORE);
    if (before.error) throw new Error(`migration to ${BEFORE} failed`, { cause: before.error });
    await seedPolicyProfiles(db);
    await seedDemoCounty(db, async () => 'bench-no-login');
    const { foreignKeysChecked } = await loadHouseholds(database.url, (s) => write(`  load: ${s.step} — ${(s.ms / 1000).toFixed(1)} s`));
    const migrationStart = performance.now();
    const applied = await migrateToLatest(db);
    const migrationMs = performance.now() - migrationStart;
    write(`  load: migration ${applied.join(', ')} on the loaded tables — ${(migrationMs / 1000).toFixed(1)} s`);
    const vacuumStart = performance.now();
    await vacuumAnalyze(database.url);
    write(`  load: vacuum (analyze) — ${((performance.now() - vacuumStart) / 1000).toFixed(1)} s`);
    const loadMs = performance.now() - loadStart;

    const samples = await samplesFrom(db);
    const search: Subject<Parameters<ReturnType<typeof householdsRepo>['search']>[0]> = {
      title: 'GET /households',
      table: 'households',
      shapes: searchShapes(samples),
      product: async (on, filter) => {
        const page = await householdsRepo(on).search(filter);
        return { ids: page.items.map((i) => i.id), total: page.total };
      },
      baseline: referenceSearch,
    };
    const tasks: Subject<Parameters<ReturnType<typeof measureTasksRepo>['list']>[0]> = {
      title: 'GET /tasks',
      table: 'measure_tasks',
      shapes: taskShapes(),
      product: async (on, filter) => {
        const page = await measureTasksRepo(on).list(filter);
        return { ids: page.items.map((i) => i.id), total: page.total };
      },
      baseline: referenceTaskList,
    };

    const searchMeasured = await measure(search, db, baselineDb);
    const taskMeasured = await measure(tasks, db, baselineDb);
    const searchPlans = await plansOf(search, database.url);
    const taskPlans = await plansOf(tasks, database.url);

    write();
    for (const line of await describeMachine(db, database.where)) write(line);
    for (const line of await describeData(db)) write(line);
    write(`load        ${(loadMs / 1000).toFixed(1)} s in all (migrate, seed, bulk load${foreignKeysChecked ? '' : ' without row-by-row foreign-key checks'}, baseline copy, migration 013, VACUUM ANALYZE)`);
    write(`runs        now = ${NOW.toISOString()}; page size 50; per query ${warmup} warm-up + ${repetitions} measured runs (product), ${warmup} + ${baselineRepetitions} (baseline), one after the other`);
    write();
    write('Product: the repository function with migration 013 (one jurisdiction column by its level). Baseline: the function as it');
    write('was (one OR over the jurisdiction columns) on copies of households and measure_tasks with the indexes they had before');
    write('migration 013. Times in ms, each the page and its total (two statements in parallel), and the product\'s level look-up.');
    write('"same as base": the same page in the same order and the same total as the baseline.');
    write();
    write(`householdsRepo(db).search — GET /households (sample name ${samples.memberName})`);
    write(report(searchMeasured));
    write();
    write('measureTasksRepo(db).list — GET /tasks');
    write(report(taskMeasured));
    write();
    write('Plans of the product queries (EXPLAIN ANALYZE, BUFFERS; one run after the measurements):');
    write(' households');
    for (const line of searchPlans) write(line);
    write(' measure_tasks');
    for (const line of taskPlans) write(line);
    write();
    write(`finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    if ([...searchMeasured, ...taskMeasured].some((m) => !m.same)) process.exitCode = 1;
  } finally {
    await db.destroy();
    await baselineDb.destroy();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await database.dispose();
  }
}

await main();
