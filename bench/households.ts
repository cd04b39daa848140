/**
 * GET /households and GET /tasks at county scale: the product's
 * `householdsRepo(db).search` and `measureTasksRepo(db).list` on 100,000
 * households, their members and their department tasks, against a baseline
 * measured in the same run — the queries as they were before (one OR over the
 * jurisdiction columns, bench/households/reference.ts) on copies of
 * households, household_members and measure_tasks with the indexes they had
 * before migration 013 (schema bench_baseline, reached through search_path). Each product answer is checked
 * against the baseline's: the same page, in the same order, and the same total.
 *
 *   npm run bench:households [-- --repetitions=15 --baseline-repetitions=5 --warmup=2]
 */
import { Migrator, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { householdsRepo } from '../db/repositories/households.js';
import { measureTasksRepo, type TaskListFilter } from '../db/repositories/measure-tasks.js';
import { HOUSEHOLDS, NOW, loadHouseholds, vacuumAnalyze } from './households/load.js';
import { referenceSearch, referenceTaskList, type SearchFilter } from './households/reference.js';
import { GROUP, OTHER_VILLAGE, VILLAGE, searchShapes, taskShapes, type Samples } from './households/shapes.js';
import { allSame, measureShapes, pageIds, plansOf, report, type Subject } from './support/compare.js';
import { COUNTY_ID, TOWNS, VILLAGES_PER_TOWN, placesLine, seedDemo } from './support/load.js';
import { describeMachine, sizesOf } from './support/machine.js';
import { runOptions, runsLine } from './support/options.js';
import { runBenchmark, write } from './support/run.js';

/** The last migration before the one this benchmark measures: the baseline's tables are copied at it. */
const BEFORE = '2026_11_23_012_due_items_indexes';

const options = runOptions();

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
  const taskTotal = tasks.reduce((sum, t) => sum + Number(t.n), 0);
  return [
    await placesLine(db),
    `households  ${n(households.county)} in county ${COUNTY_ID} and ${n(households.elsewhere)} in a neighbouring county; ${n(households.no_group)} without a group; ${n(households.times)} distinct registration times`,
    `members     ${n(members.all)}, of whom ${n(members.left)} have left`,
    `tasks       ${n(taskTotal)} in ${n(plans.n)} plans: ${tasks.map((t) => `${n(t.n)} ${t.status}`).join(', ')}; ${n(overdue.n)} open past their deadline`,
    `sizes       ${await sizesOf(db, 'public.households')}`,
    `            ${await sizesOf(db, 'public.household_members')}`,
    `            ${await sizesOf(db, 'public.measure_tasks')}`,
  ];
}

await runBenchmark(
  `GET /households and GET /tasks benchmark: ${HOUSEHOLDS.toLocaleString('en-US')} households in ${TOWNS} towns × ${VILLAGES_PER_TOWN} villages, their members and tasks`,
  async ({ url, baselineUrl, where, db, baselineDb }) => {
    const loadStart = performance.now();
    const before = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(BEFORE);
    if (before.error) throw new Error(`migration to ${BEFORE} failed`, { cause: before.error });
    await seedDemo(db);
    const { foreignKeysChecked } = await loadHouseholds(url, (s) => write(`  load: ${s.step} — ${(s.ms / 1000).toFixed(1)} s`));
    const migrationStart = performance.now();
    const applied = await migrateToLatest(db);
    const migrationMs = performance.now() - migrationStart;
    write(`  load: migration ${applied.join(', ')} on the loaded tables — ${(migrationMs / 1000).toFixed(1)} s`);
    const vacuumStart = performance.now();
    await vacuumAnalyze(url);
    write(`  load: vacuum (analyze) — ${((performance.now() - vacuumStart) / 1000).toFixed(1)} s`);
    const loadMs = performance.now() - loadStart;

    const samples = await samplesFrom(db);
    const search: Subject<SearchFilter> = {
      table: 'households',
      shapes: searchShapes(samples),
      product: async (on, filter) => pageIds(await householdsRepo(on).search(filter)),
      baseline: referenceSearch,
    };
    const tasks: Subject<TaskListFilter> = {
      table: 'measure_tasks',
      shapes: taskShapes(),
      product: async (on, filter) => pageIds(await measureTasksRepo(on).list(filter)),
      baseline: referenceTaskList,
    };

    const searchMeasured = await measureShapes(search, { db, baselineDb }, options, (shape) => write(`  measured: GET /households — ${shape.name}`));
    const taskMeasured = await measureShapes(tasks, { db, baselineDb }, options, (shape) => write(`  measured: GET /tasks — ${shape.name}`));
    const searchPlans = await plansOf(search, { url, baselineUrl });
    const taskPlans = await plansOf(tasks, { url, baselineUrl });

    write();
    for (const line of await describeMachine(db, where)) write(line);
    for (const line of await describeData(db)) write(line);
    const later = applied.map((name) => name.split('_')[3]).join(', ');
    write(`load        ${(loadMs / 1000).toFixed(1)} s in all (migrate, seed, bulk load${foreignKeysChecked ? '' : ' without row-by-row foreign-key checks'}, baseline copy, migrations ${later}, VACUUM ANALYZE)`);
    write(runsLine(NOW, options));
    write();
    write(`Product: the repository function after migrations ${later} (013: one jurisdiction column by its level; 014: the current`);
    write('members\' names by household). Baseline: the function as it was (one OR over the jurisdiction columns) on copies of');
    write('households, household_members and measure_tasks with the indexes they had before migration 013. Times in ms, each the');
    write('page and its total (two statements in parallel), and the product\'s level look-up.');
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
    if (!allSame([...searchMeasured, ...taskMeasured])) process.exitCode = 1;
  },
);
