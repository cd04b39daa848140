/**
 * Launch of a special inspection campaign 专项督查 at county scale: the cohort's
 * snapshot, then the workflow's fan-out of every household's check into the
 * deadline register, page by page, continuing as new. Measured: the time until
 * every check exists, the largest history of any run (Temporal's limits:
 * 51,200 events, 2,000 pending activities), the database's work
 * (pg_stat_database), and the progress, board and board trend queries' p99 at that size.
 * The baseline, measured in the same run: one statement writing every check at
 * once (what a single activity without paging would do) — no workflow at all.
 *
 *   npm run bench:campaigns [-- --households=50000]   (default 5,000)
 */
import type { History } from '@temporalio/common/lib/proto-utils.js';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { sql, type Kysely } from 'kysely';
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
  const [, baselineFanOut] = await timed(() => campaignsRepo(db).fanOutPage(baselineCampaign.id, 0, HOUSEHOLDS, new Date()));

  Runtime.install({ logger: new DefaultLogger('WARN') });
  const binaries = await ensureTemporalBinaries(parseConfig(process.env).SHOUDI_CACHE_DIR);
  const env = await TestWorkflowEnvironment.createLocal({ server: { executable: binaries.cli ? { type: 'existing-path', path: binaries.cli } : { type: 'cached-download' }, ip: '127.0.0.1' } });
  try {
    const worker = await createShoudiWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue: 'bench-campaigns', db, shutdownGraceTime: '1 second' });
    const running = worker.run();
    const [campaign, snapshot] = await timed(() => launch('product'));
    const before = await dbStats(db);
    const started = performance.now();
    await env.client.workflow.start('campaignWorkflow', { taskQueue: 'bench-campaigns', workflowId: campaignWorkflowId(campaign.id), args: [campaignInput(campaign)] });
    for (;;) {
      const row = await campaignsRepo(db).findById(campaign.id);
      if (row?.status === 'open') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const fanOut = performance.now() - started;
    const after = await dbStats(db);
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
    // Eleven days on, every check is overdue: the board and its six months' trend at their largest.
    const later = Date.now() + 11 * DAY;
    for (let i = 0; i < 30; i++) {
      board.push((await timed(() => supervisionRepo(db).overdueBoard(COUNTY_ID, 'register', 'town', new Date(later))))[1]);
      trend.push((await timed(() => overdueTrendRepo(db).byMonth(COUNTY_ID, 'town', trendInstants(later, 6))))[1]);
      progress.push((await timed(() => campaignsRepo(db).figures(campaign, 'town', new Date())))[1]);
    }

    write();
    write(`database    ${url.replace(/:[^:@/]*@/, ':***@')}`);
    write(`cohort      ${campaign.cohort_count} households; checks in the register: ${items.rows[0]!.n}`);
    write(`snapshot    ${snapshot.toFixed(0)} ms (baseline's ${baselineSnapshot.toFixed(0)} ms)`);
    write(`fan-out     ${fanOut.toFixed(0)} ms until every check exists; baseline (one statement, no workflow) ${baselineFanOut.toFixed(0)} ms; ratio ${(fanOut / baselineFanOut).toFixed(1)}x`);
    write(`histories   ${runs.length} runs; events per run at most ${Math.max(...runs)} (limit 51,200); pending activities at most ${pendingMax} (limit 2,000)`);
    write(`database    during the fan-out: ${after.commits - before.commits} commits, ${after.inserted - before.inserted} rows inserted, ${after.updated - before.updated} updated, ${after.read - before.read} blocks read`);
    write(`queries     p99 of 30: overdue board ${p99(board).toFixed(1)} ms; its trend by month (6 months) ${p99(trend).toFixed(1)} ms; campaign progress by town ${p99(progress).toFixed(1)} ms`);
    worker.shutdown();
    await running;
  } finally {
    await env.teardown();
  }
});
