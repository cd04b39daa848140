/**
 * A county's monthly cycle on the engine: N monitoring objects through one
 * month — the month's items opened (the month turn), the update with
 * re-assessment from 90 %, the deadline passed and the rest marked overdue, the
 * register (the read model) written — on the real household workflow, measured
 * in the same run against (a) the bare engine: a trivial workflow taking the
 * same update and timers with one one-row write per step, on the same server;
 * (b) a plain-SQL batch making the same record changes. On each server asked
 * for: the dev server as `npm start` runs it, optionally as it ran before the
 * SQLite pragmas, and the Temporal server persisting to PostgreSQL.
 *
 *   npm run bench:county-month -- --households 300 [--servers dev,postgres] [--servers dev-sync,dev]
 *       [--concurrency 30] [--max-cached N] [--workflow-tasks N] [--activity-tasks N] [--deadline-after S]
 */
import { addMonths, periodOf, startOfPeriod } from '../domain/calendar/dates.js';
import { migrateToLatest } from '../db/migrate.js';
import { createPolicyActivities } from '../activities/policy.js';
import { parseConfig } from '../platform/config.js';
import { LOCAL_ROLES } from '../platform/embedded-postgres.js';
import { urlAs } from '../scripts/database.js';
import { activeSeconds, runMonth, type MonthRun } from './county-month/engine.js';
import { parentOf } from './county-month/cpu.js';
import { isRest, loadCounty, loadHouseholds, withClient, type LoadedHousehold } from './county-month/load.js';
import { SERVER_KINDS, SERVER_NAMES, startServer, type ServerKind } from './county-month/servers.js';
import { rowsWritten, runSqlBatch, type BatchRun } from './county-month/sql-batch.js';
import { seedDemo } from './support/load.js';
import { describeMachine } from './support/machine.js';
import { table } from './support/measure.js';
import { count, listOf, workerCounts as workerCountsOf } from './support/options.js';
import { runBenchmark, write } from './support/run.js';
import { cachedWorkflows, workerMemory } from '../worker/tuning.js';


const households = count('households', 300, 50_000) as number;
const concurrency = count('concurrency', 30, 500) as number;
const servers = listOf<ServerKind>('servers', SERVER_KINDS, 'dev,postgres');
const maxCached = count('max-cached', undefined, 1_000_000);
const workflowTasks = count('workflow-tasks', undefined, 1000);
const activityTasks = count('activity-tasks', undefined, 1000);
const workerCounts = workerCountsOf();
/**
 * Seconds from the load to last month's deadline, which should come after the month turn and the updates (a
 * later one only waits longer, uncounted): for the bare engine an estimate, for the household workflow three
 * times what the bare engine took on the same server.
 */
const deadlineAfter = (bareSeconds: number | undefined) => count('deadline-after', undefined, 86_400) ?? Math.ceil(bareSeconds === undefined ? 30 + households * 0.3 : 30 + 3 * bareSeconds);
const workerEnv: Record<string, string> = {
  ...(maxCached ? { BENCH_MAX_CACHED: String(maxCached) } : {}),
  ...(workflowTasks ? { BENCH_WORKFLOW_TASKS: String(workflowTasks) } : {}),
  ...(activityTasks ? { BENCH_ACTIVITY_TASKS: String(activityTasks) } : {}),
};

const config = parseConfig(process.env);
const say = (m: string) => write(`  ${m}`);
const fmt = (n: number, digits = 1) => n.toFixed(digits);

interface Row {
  readonly server: string;
  readonly subject: string;
  readonly run: MonthRun | (BatchRun & { households: number });
}

await runBenchmark(`County month benchmark: ${households.toLocaleString('en-US')} monitoring objects through one monthly cycle`, async ({ url, where, superuserUrl, db }) => {
  const appUrl = urlAs(url, LOCAL_ROLES.app);
  await migrateToLatest(db);
  await seedDemo(db);
  await loadCounty(url);
  // The backend's parent, read while the backend runs.
  const postmasterPid = await withClient(url, async (c) => parentOf(Number((await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid)));

  const now = Date.now();
  const month = periodOf(now);
  const lastMonth = addMonths(month, -1);
  const openedAt = startOfPeriod(addMonths(month, -3));
  const plan = await createPolicyActivities({ db }).planMonth({ countyId: '990101', period: month, eliminated: false });
  if (plan.items.some((i) => i.dueAt <= now)) say(`note: a deadline of ${month} has passed already: the month turn marks it overdue at once`);

  const rows: Row[] = [];
  let firstHousehold: readonly LoadedHousehold[] | undefined;
  for (const kind of servers) {
    say(`starting the ${SERVER_NAMES[kind]}`);
    const server = await startServer(kind, { superuserUrl, cacheDir: config.SHOUDI_CACHE_DIR, say });
    try {
      for (const workers of workerCounts) {
      const label = workerCounts.length > 1 || workers > 1 ? `${kind}, ${workers} worker${workers > 1 ? 's' : ''}` : kind;
      let bareSeconds: number | undefined;
      for (const subject of ['bare', 'household'] as const) {
        const after = deadlineAfter(bareSeconds);
        const deadline = Date.now() + after * 1000;
        const loaded = await loadHouseholds(url, { subject, prefix: `${kind}-w${workers}-${subject}`, households, openedAt: new Date(openedAt), lastMonth, deadline: new Date(deadline) });
        say(`${label}: ${subject === 'bare' ? 'the bare engine' : 'the household workflow'} — ${households} households, last month's deadline in ${after} s`);
        const run = await runMonth({
          subject,
          households: loaded,
          address: server.address,
          appUrl,
          ownerUrl: url,
          serverPid: server.pid,
          postmasterPid,
          month,
          lastMonth,
          openedAt,
          deadline,
          concurrency,
          workerEnv,
          workers,
          output: process.stderr,
        });
        say(`  month turn ${fmt(run.monthTurnS)} s, updates ${fmt(run.updatesS)} s, deadline ${fmt(run.deadlineS)} s (waited ${fmt(run.idleS)} s for it)${run.late ? `; ${run.late} updates after the deadline` : ''}`);
        if (subject === 'bare') bareSeconds = activeSeconds(run);
        rows.push({ server: label, subject, run });
        if (subject === 'household' && !firstHousehold) firstHousehold = loaded;
      }
      }
    } finally {
      await server.stop();
    }
  }

  // The SQL batch, with the re-assessment's result the workflow wrote for the same figures.
  let compared: Array<[string, Record<string, number>]> = [];
  if (firstHousehold) {
    const sample = firstHousehold.find((h) => !isRest(h.index)) as LoadedHousehold;
    const payload = async (kind: string) =>
      (await db.selectFrom('household_events').select('payload').where('household_id', '=', sample.id).where('kind', '=', kind).executeTakeFirst())?.payload as Record<string, unknown> | undefined;
    const assessed = await payload('monitoring.assessed');
    if (!assessed) throw new Error('the household workflow wrote no re-assessment');
    const deadline = Date.now() + 1000;
    const loaded = await loadHouseholds(url, { subject: 'sql', prefix: 'sql', households, openedAt: new Date(openedAt), lastMonth, deadline: new Date(deadline) });
    await new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())));
    const batch = await runSqlBatch({ ownerUrl: url, households: loaded, month, lastMonth, plan, deadline, assessed, suggested: (await payload('monitoring.elimination_suggested')) ?? null });
    rows.push({ server: '—', subject: 'sql', run: { ...batch, households } });
    compared = [
      ['household workflow', await rowsWritten(url, firstHousehold.map((h) => h.id))],
      ['SQL batch', await rowsWritten(url, loaded.map((h) => h.id))],
    ];
  }

  write();
  for (const line of await describeMachine(db, where)) write(line);
  write(`month       ${month} opened; last month ${lastMonth}'s update: ${households - Math.ceil(households / 10)} sent (re-assessed), ${Math.ceil(households / 10)} overdue at its deadline; ${concurrency} at a time`);
  write(`worker      ${workerCounts.join(', ')} process(es) on one task queue; ${maxCached ? `maxCachedWorkflows=${maxCached}` : `the worker's default cache, ${cachedWorkflows({ WORKER_MAX_CACHED_WORKFLOWS: undefined }, workerMemory()).households} (from the heap, worker/tuning.ts)`}${workflowTasks ? `, ${workflowTasks} workflow tasks` : ''}${activityTasks ? `, ${activityTasks} activity tasks` : ''} at once`);
  write(`servers     ${servers.map((s) => `${s}: ${SERVER_NAMES[s]}`).join('; ')}`);
  write();
  const sqlRow = rows.find((r) => r.subject === 'sql');
  const total = (r: Row) => ('cpu' in r.run ? activeSeconds(r.run) : r.run.monthTurnS + r.run.updatesS + r.run.deadlineS);
  const subjectName = { household: 'household workflow', bare: 'bare engine', sql: 'plain-SQL batch' } as const;
  write('Times in seconds (each phase until the register shows it done; the wait for the deadline not counted); CPU in seconds by process; worker MiB: resident memory once polling → at the end, the households cached.');
  write(
    table([
      ['server', 'subject', 'turn', 'updates', 'deadline', 'total', 'households/s', '× SQL', '× bare', 'transitions', 'trans./s', 'events', 'cpu server', 'cpu worker', 'cpu postgres', 'cpu bench', 'worker MiB'],
      ...rows.map((r) => {
        const bare = rows.find((b) => b.server === r.server && b.subject === 'bare');
        const run = r.run;
        const engine = 'cpu' in run ? run : undefined;
        return [
          r.server,
          subjectName[r.subject as keyof typeof subjectName] + (engine?.overlapped ? ` (phases overlapped, ${engine.late} late)` : ''),
          fmt(run.monthTurnS),
          fmt(run.updatesS),
          fmt(run.deadlineS),
          fmt(total(r)),
          fmt(households / total(r), 2),
          sqlRow ? `${fmt(total(r) / total(sqlRow), 0)}×` : '',
          bare && r.subject === 'household' ? `${fmt(total(r) / total(bare), 2)}×` : '',
          engine?.stateTransitions?.toLocaleString('en-US') ?? '',
          engine?.stateTransitions ? fmt(engine.stateTransitions / total(r), 0) : '',
          engine?.historyEvents?.toLocaleString('en-US') ?? '',
          engine ? fmt(engine.cpu.server) : '',
          engine ? fmt(engine.cpu.worker) : '',
          engine ? fmt(engine.cpu.postgres) : '',
          engine ? fmt(engine.cpu.bench) : '',
          engine ? `${fmt(engine.workerRssMb.before, 0)}→${fmt(engine.workerRssMb.after, 0)}` : '',
        ];
      }),
    ]),
  );
  if (compared.length > 0) {
    write();
    write('Rows the month wrote for its households (the same record changes):');
    const keys = [...new Set(compared.flatMap(([, c]) => Object.keys(c)))].sort();
    write(table([['table', ...compared.map(([n]) => n)], ...keys.map((k) => [k, ...compared.map(([, c]) => String(c[k] ?? 0))])]));
    if (keys.some((k) => compared[0]?.[1][k] !== compared[1]?.[1][k])) {
      write('NOT THE SAME: the batch does not make the workflow\'s record changes');
      process.exitCode = 1;
    }
  }
});
