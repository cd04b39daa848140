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
import { migrateToLatest } from '../db/migrate.js';
import { dueItemsRepo, type DueItemFilter } from '../db/repositories/due-items.js';
import { HOUSEHOLDS, NOW, loadRegister } from './due-items/load.js';
import { referenceList } from './due-items/reference.js';
import { queryShapes } from './due-items/shapes.js';
import { allSame, measureShapes, pageIds, plansOf, report, type Subject } from './support/compare.js';
import { TOWNS, VILLAGES_PER_TOWN, placesLine, seedDemo } from './support/load.js';
import { describeMachine, sizesOf } from './support/machine.js';
import { runOptions, runsLine } from './support/options.js';
import { runBenchmark, write } from './support/run.js';

const options = runOptions();

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
  const n = (v: string | number) => Number(v).toLocaleString('en-US');
  return [
    ...(await describeMachine(db, where)),
    await placesLine(db),
    `households  ${n(households.n)}`,
    `due_items   ${n(counts.all)} rows: ${n(counts.done)} done (${((100 * Number(counts.done)) / Number(counts.all)).toFixed(1)} %), ${n(counts.open)} open of which ${n(counts.overdue)} overdue, ${n(counts.cancelled)} cancelled; ${n(counts.responsible)} open with a responsible person; ${n(counts.department)} department items`,
    `sizes       ${await sizesOf(db, 'public.due_items')}`,
    `load        ${(load.ms / 1000).toFixed(1)} s in all (migrate, seed, bulk load${load.foreignKeysChecked ? '' : ' without row-by-row foreign-key checks'}, baseline copy, VACUUM ANALYZE)`,
    runsLine(NOW, options),
  ];
}

await runBenchmark(
  `GET /due-items benchmark: ${HOUSEHOLDS.toLocaleString('en-US')} households in ${TOWNS} towns × ${VILLAGES_PER_TOWN} villages, a year of the deadline register`,
  async ({ url, baselineUrl, where, db, baselineDb }) => {
    const loadStart = performance.now();
    await migrateToLatest(db);
    await seedDemo(db);
    const { foreignKeysChecked } = await loadRegister(url, (s) => write(`  load: ${s.step} — ${(s.ms / 1000).toFixed(1)} s`));
    const load = { ms: performance.now() - loadStart, foreignKeysChecked };

    const cadre = await db.selectFrom('users').select('id').where('username', '=', 'cun.donggang').executeTakeFirstOrThrow();
    const department = await db.selectFrom('departments').select('id').where('code', '=', 'mz').executeTakeFirstOrThrow();
    const listed = async (on: Kysely<Database>, filter: DueItemFilter) => pageIds(await dueItemsRepo(on).list(filter));
    // The baseline is the product's own list() on the unindexed copy; the reference is the list query as it was.
    const list: Subject<DueItemFilter> = {
      table: 'due_items',
      shapes: queryShapes({ villageCadre: cadre.id, department: department.id }),
      product: listed,
      baseline: listed,
      reference: referenceList,
    };

    const measured = await measureShapes(list, { db, baselineDb }, options, (shape) => write(`  measured: ${shape.name}`));
    const plans = await plansOf(list, { url, baselineUrl });

    write();
    for (const line of await describeRun(db, where, load)) write(line);
    write();
    write('Product: dueItemsRepo(db).list() on the register with its indexes. Baseline: the same list() on a copy of due_items');
    write('without indexes. Times in ms. "same as base": same page and total as the baseline; "as before": same page and total');
    write('as the list query before this benchmark (bench/due-items/reference.ts).');
    write(report(measured));
    write();
    write('Plans of the product queries (EXPLAIN ANALYZE, BUFFERS; one run after the measurements):');
    for (const line of plans) write(line);
    if (!allSame(measured)) process.exitCode = 1;
  },
);
