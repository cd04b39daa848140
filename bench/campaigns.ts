/**
 * Launch of a special inspection campaign 专项督查 at county scale: the cohort's
 * snapshot, then the workflow's fan-out of every household's check into the
 * deadline register, page by page, continuing as new. Measured: the time until
 * every check exists, the largest history of any run (Temporal's limits:
 * 51,200 events, 2,000 pending activities), the database's work
 * (pg_stat_database), and the progress, board and board trend queries' p99 at that size.
 * The baseline, measured in the same run: one statement writing every check at
 * once (what a single activity without paging would do) — no workflow at all;
 * for the database's work, the same statement's; for the engine, its CPU time
 * (the Temporal server's and this worker's) against the statement's time; for
 * each query, a plain count over the same rows (no buckets, no names). A run
 * over Temporal's limits fails the benchmark.
 *
 *   npm run bench:campaigns [-- --households=50000]   (default 5,000)
 */
import type { History } from '@temporalio/common/lib/proto-utils.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { readdir, readFile } from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import { createCampaignActivities } from '../activities/campaign.js';
import { campaignInput } from '../api/services/campaigns.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { campaignsRepo } from '../db/repositories/campaigns.js';
import { overdueTrendRepo } from '../db/repositories/overdue-trend.js';
import { supervisionRepo } from '../db/repositories/supervision.js';
import { trendInstants } from '../domain/supervision/trend.js';
import { ensureTemporalBinaries } from '../platform/temporal-binaries.js';
import { parseConfig } from '../platform/config.js';
import { createShoudiWorker } from '../worker/create-worker.js';
import { campaignWorkflowId } from '../workflows/campaign/definitions.js';
import { COUNTY_ID, seedDemo } from './support/load.js';
import { runBenchmark, write } from './support/run.js';

const arg = process.argv.find((a) => a.startsWith('--households='));
const HOUSEHOLDS = arg ? Number(arg.slice('--households='.length)) : 5000;
if (!Number.isInteger(HOUSEHOLDS) || HOUSEHOLDS < 1 || HOUSEHOLDS > 1_000_000) throw new Error('--households must be 1..1000000');
const DAY = 24 * 60 * 60 * 1000;

const p99 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.ceil(samples.length * 0.99) - 1)]!;

async function dbStats(db: Kysely<Database>) {
  const r = await sql<{ commits: string; inserted: string; updated: string; read: string }>`
    select xact_commit as commits, tup_inserted as inserted, tup_updated as updated, blks_read + blks_hit as read from pg_stat_database where datname = current_database()`.execute(db);
  const row = r.rows[0]!;
  return { commits: Number(row.commits), inserted: Number(row.inserted), updated: Number(row.updated), read: Number(row.read) };
}

/** CPU milliseconds used so far by the Temporal server this process started (its child), and by this process (the worker). */
async function engineCpu(): Promise<{ server: number; worker: number }> {
  const ticks = 100; // USER_HZ on Linux
  let server = 0;
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid … utime(14) stime(15): the fields after the command's closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[1] === String(process.pid) && stat.includes('(temporal')) server += ((Number(fields[11]) + Number(fields[12])) / ticks) * 1000;
  }
  const own = process.cpuUsage();
  return { server, worker: (own.user + own.system) / 1000 };
}

const ratio = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(1)}x` : 'n/a');

/**
 * The counters once every backend has flushed what it did: an idle backend
 * reports its last work up to ten seconds late (PostgreSQL 15's pgstat,
 * PGSTAT_IDLE_INTERVAL), so they are read eleven seconds after the work.
 */
async function settledStats(db: Kysely<Database>) {
  await new Promise((r) => setTimeout(r, 11_000));
  return dbStats(db);
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await run();
  return [value, performance.now() - started];
}

await runBenchmark(`campaign launch: ${HOUSEHOLDS.toLocaleString('en-US')} households`, async ({ db, url }) => {
  await migrateToLatest(db);
  await seedDemo(db);
  const towns = (await db.selectFrom('jurisdictions').select('id').where('parent_id', '=', COUNTY_ID).where('level', '=', 'town').execute()).map((t) => t.id);
  const villages = await db.selectFrom('jurisdictions').select(['id', 'parent_id']).where('level', '=', 'village').where('parent_id', 'in', towns).execute();
  await sql`
    insert into households (county_id, town_id, village_id, address, head_name, category)
    select ${COUNTY_ID}, v.parent_id, v.id, 'bench-' || g, '户主' || g, 'lifted_out'
    from generate_series(1, ${HOUSEHOLDS}) g
    join (select id, parent_id, row_number() over (order by id) - 1 as k from jurisdictions where id in (${sql.join(villages.map((v) => v.id))})) v
      on v.k = g % ${villages.length}`.execute(db);
  await sql`analyze`.execute(db);
  const lead = await db.selectFrom('users').select('id').where('role', '=', 'leadership_group').executeTakeFirstOrThrow();
  const launch = (name: string) => {
    const now = new Date();
    return campaignsRepo(db).launch({
      countyId: COUNTY_ID,
      area: { id: COUNTY_ID, level: 'county' },
      name,
      reason: 'bench',
      criteria: { categories: ['lifted_out'] },
      checklist: ['visit'],
      responsible: 'village',
      departmentId: null,
      definedBy: lead.id,
      launchedAt: now,
      dueAt: new Date(now.getTime() + 10 * DAY),
    });
  };

  // Baseline: the snapshot and every check in one statement, no workflow.
  const [baselineCampaign, baselineSnapshot] = await timed(() => launch('baseline'));
  const baselineBefore = await settledStats(db);
  const [, baselineFanOut] = await timed(() => campaignsRepo(db).fanOutPage(baselineCampaign.id, 0, HOUSEHOLDS, new Date()));
  const baselineAfter = await settledStats(db);
  // The baseline's checks leave the register again: the board below counts the product's rows only.
  await sql`delete from due_items where item_key like ${`campaign:${baselineCampaign.id}:check:%`}`.execute(db);
  await sql`vacuum analyze due_items`.execute(db);

  Runtime.install({ logger: new DefaultLogger('WARN') });
  const binaries = await ensureTemporalBinaries(parseConfig(process.env).SHOUDI_CACHE_DIR);
  const env = await TestWorkflowEnvironment.createLocal({ server: { executable: binaries.cli ? { type: 'existing-path', path: binaries.cli } : { type: 'cached-download' }, ip: '127.0.0.1' } });
  try {
    const worker = await createShoudiWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue: 'bench-campaigns', db, shutdownGraceTime: '1 second' });
    const running = worker.run();
    const [campaign, snapshot] = await timed(() => launch('product'));
    const before = await settledStats(db);
    const cpuBefore = await engineCpu();
    const started = performance.now();
    await env.client.workflow.start('campaignWorkflow', { taskQueue: 'bench-campaigns', workflowId: campaignWorkflowId(campaign.id), args: [campaignInput(campaign)] });
    let polls = 0;
    for (;;) {
      polls += 1;
      const row = await campaignsRepo(db).findById(campaign.id);
      if (row?.status === 'open') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const fanOut = performance.now() - started;
    const cpuAfter = await engineCpu();
    const after = await settledStats(db);
    const items = await sql<{ n: string }>`select count(*) as n from due_items where item_key like ${`campaign:${campaign.id}:check:%`}`.execute(db);

    const runs: number[] = [];
    let runId: string | undefined = (await env.client.workflow.getHandle(campaignWorkflowId(campaign.id)).describe()).runId;
    let pendingMax = 0;
    while (runId) {
      const history: History = await env.client.workflow.getHandle(campaignWorkflowId(campaign.id), runId).fetchHistory();
      const events = history.events ?? [];
      runs.push(events.length);
      let pending = 0;
      for (const e of events) {
        if (e.activityTaskScheduledEventAttributes) pending += 1;
        if (e.activityTaskCompletedEventAttributes || e.activityTaskFailedEventAttributes) pending -= 1;
        pendingMax = Math.max(pendingMax, pending);
      }
      runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
    }

    const board: number[] = [];
    const trend: number[] = [];
    const progress: number[] = [];
    const plainBoard: number[] = [];
    const plainProgress: number[] = [];
    // Eleven days on, every check is overdue: the board and its six months' trend at their largest.
    const later = Date.now() + 11 * DAY;
    for (let i = 0; i < 30; i++) {
      board.push((await timed(() => supervisionRepo(db).overdueBoard(COUNTY_ID, 'register', 'town', new Date(later))))[1]);
      trend.push((await timed(() => overdueTrendRepo(db).byMonth(COUNTY_ID, 'town', trendInstants(later, 6))))[1]);
      progress.push((await timed(() => campaignsRepo(db).figures(campaign, 'town', new Date())))[1]);
      // The same rows, counted plainly.
      plainBoard.push((await timed(() => sql`select town_id, count(*) from due_items where county_id = ${COUNTY_ID} and status = 'open' and due_at <= ${new Date(later)} group by town_id`.execute(db)))[1]);
      plainProgress.push((await timed(() => sql`select town_id, count(*) from campaign_households where campaign_id = ${campaign.id} group by town_id`.execute(db)))[1]);
    }
    const d = (a: { commits: number; inserted: number; updated: number; read: number }, b: typeof a) => ({
      commits: b.commits - a.commits,
      inserted: b.inserted - a.inserted,
      updated: b.updated - a.updated,
      read: b.read - a.read,
    });
    const work = d(before, after);
    const baseWork = d(baselineBefore, baselineAfter);
    const serverCpu = cpuAfter.server - cpuBefore.server;
    const workerCpu = cpuAfter.worker - cpuBefore.worker;
    const eventsMax = Math.max(...runs);

    // The campaign's watch at that size: every tenth household's check found a problem, none rectified. The first
    // sweep after the dates finds every reminder, overdue and escalation due at once; the second has nothing new
    // (what each check or rectification makes the workflow do again). Baseline: a plain read of the open problems.
    const found = new Date();
    const problemRows = await sql`
      with p as (
        insert into campaign_problems (campaign_id, household_id, kind, description, town_id, village_id, department_id, found_at, found_by, due_at)
        select ch.campaign_id, ch.household_id, 'income_drop', 'bench', ch.town_id, ch.village_id, ch.department_id, ${found}, ${lead.id}, ${new Date(found.getTime() + 5 * DAY)}
        from campaign_households ch where ch.campaign_id = ${campaign.id} and ch.seq % 10 = 0
        returning id, household_id, town_id, village_id, department_id, due_at)
      insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, department_id, due_at, opened_at)
      select 'campaign:' || ${campaign.id} || ':rectify:' || p.id, 'campaign_rectification', ${COUNTY_ID}, p.town_id, p.village_id, p.household_id, p.department_id, p.due_at, ${found}
      from p`.execute(db);
    await sql`analyze`.execute(db);
    const activities = createCampaignActivities({ db });
    const sweepAt = found.getTime() + 30 * DAY;
    const sweep = async () => {
      try {
        return (await timed(() => activities.sweepCampaign({ campaignId: campaign.id, at: sweepAt })))[1];
      } catch (error) {
        write(`sweep       FAILED: ${(error as Error).message.slice(0, 300)}`);
        process.exitCode = 1;
        return Number.NaN;
      }
    };
    const firstSweep = await sweep();
    const againSweep = await sweep();
    const [, plainProblems] = await timed(() => sql`select * from campaign_problems where campaign_id = ${campaign.id} and status = 'open' order by due_at`.execute(db));
    const escalated = await sql<{ n: string }>`select count(*) as n from campaign_problems where campaign_id = ${campaign.id} and escalation_level = 2`.execute(db);
    const told = await sql<{ n: string }>`select count(*) as n from notifications where notification_key like ${`campaign:${campaign.id}:rectify:%`}`.execute(db);

    write();
    write(`database    ${url.replace(/:[^:@/]*@/, ':***@')}`);
    write(`cohort      ${campaign.cohort_count} households; checks in the register: ${items.rows[0]!.n}`);
    write(`snapshot    ${snapshot.toFixed(0)} ms (baseline's ${baselineSnapshot.toFixed(0)} ms)`);
    write(`fan-out     ${fanOut.toFixed(0)} ms until every check exists; baseline (one statement, no workflow) ${baselineFanOut.toFixed(0)} ms; ratio ${(fanOut / baselineFanOut).toFixed(1)}x`);
    write(`histories   ${runs.length} runs; events per run at most ${eventsMax} (limit 51,200: ${((eventsMax / 51_200) * 100).toFixed(2)} %); pending activities at most ${pendingMax} (limit 2,000)`);
    write(`            events per run: ${runs.join(', ')}`);
    write(
      `database    during the fan-out: ${work.commits} commits (${polls} of them this benchmark's polling; baseline ${baseWork.commits}), ${work.inserted} rows inserted (baseline ${baseWork.inserted}, ${ratio(work.inserted, baseWork.inserted)}), ${work.updated} updated (baseline ${baseWork.updated}), ${work.read} blocks read (baseline ${baseWork.read}, ${ratio(work.read, baseWork.read)})`,
    );
    write(
      `engine      during the fan-out: Temporal server ${serverCpu.toFixed(0)} ms CPU, worker (this process) ${workerCpu.toFixed(0)} ms CPU — ${ratio(serverCpu + workerCpu, baselineFanOut)} the baseline statement's time (which needs no engine)`,
    );
    write(
      `queries     p99 of 30 at ${items.rows[0]!.n} open checks: overdue board ${p99(board).toFixed(1)} ms (${ratio(p99(board), p99(plainBoard))} a plain count of the same rows, ${p99(plainBoard).toFixed(1)} ms); its trend by month (6 months) ${p99(trend).toFixed(1)} ms (${ratio(p99(trend), p99(plainBoard))}); campaign progress by town ${p99(progress).toFixed(1)} ms (${ratio(p99(progress), p99(plainProgress))} a plain count of the cohort, ${p99(plainProgress).toFixed(1)} ms)`,
    );
    write(
      `sweep       ${Number(problemRows.numAffectedRows ?? 0n)} open problems past their dates: first sweep ${firstSweep.toFixed(0)} ms (${escalated.rows[0]!.n} escalated, ${told.rows[0]!.n} messages), the next ${againSweep.toFixed(0)} ms — ${ratio(againSweep, plainProblems)} a plain read of the open problems (${plainProblems.toFixed(0)} ms)`,
    );
    if (eventsMax > 51_200 || pendingMax > 2000 || Number(items.rows[0]!.n) !== campaign.cohort_count) {
      process.exitCode = 1;
      write('FAILED: a run over Temporal\'s limits, or not every check in the register');
    }
    worker.shutdown();
    await running;
  } finally {
    await env.teardown();
  }
});
