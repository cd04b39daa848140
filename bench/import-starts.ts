/**
 * An import's household workflows started (issue 19, goal: 50,000 within 15
 * minutes, ≥ 56/s): N households saved by an import job, then the job's start
 * phase as it runs after the import (the start activity: concurrent starts
 * under the pace, from the system's worker in a process of its own) — the
 * households started/s, and settled/s: until every household's first task
 * wrote its registration. Baseline in the same run, on the same server: the
 * bare engine — a trivial workflow making one one-row write, started by the
 * benchmark with as many starts in flight as the pace allows at most. Worker
 * memory (RSS) before and after, the households cached (--max-cached sizes
 * the cache, as WORKER_MAX_CACHED_WORKFLOWS does). With --workers 1,3 the
 * start phase runs once for each number of worker processes on one queue.
 *
 *   npm run bench:import-starts -- --households 5000 [--servers dev,postgres] [--workers 1,3] [--max-cached N] [--rate 100]
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DEFAULT_PACE } from '../activities/imports/start-pace.js';
import { migrateToLatest } from '../db/migrate.js';
import { importJobsRepo } from '../db/repositories/import-jobs.js';
import { parseConfig } from '../platform/config.js';
import { LOCAL_ROLES } from '../platform/embedded-postgres.js';
import { urlAs } from '../scripts/database.js';
import { stopProcess } from '../scripts/processes.js';
import { DEFAULT_STARTS_PER_SECOND } from '../workflows/import/definitions.js';
import { rssMbOf } from './county-month/cpu.js';
import { inPool, startWorker } from './county-month/engine.js';
import { loadCounty, withClient } from './county-month/load.js';
import { SERVER_KINDS, SERVER_NAMES, startServer, type ServerKind } from './county-month/servers.js';
import { startImportJob } from './support/import-starts.js';
import { seedDemo } from './support/load.js';
import { describeMachine } from './support/machine.js';
import { table } from './support/measure.js';
import { count, listOf, workerCounts as workerCountsOf } from './support/options.js';
import { runBenchmark, write } from './support/run.js';
import { cachedWorkflows, workerMemory } from '../worker/tuning.js';


const households = count('households', 2000, 50_000) as number;
const rate = count('rate', DEFAULT_STARTS_PER_SECOND, 10_000) as number;
const maxCached = count('max-cached', undefined, 1_000_000);
const servers = listOf<ServerKind>('servers', SERVER_KINDS, 'dev');
const workerCounts = workerCountsOf();
const say = (m: string) => write(`  ${m}`);
const config = parseConfig(process.env);

const scalar = (url: string, statement: string, params: unknown[] = []) => withClient(url, async (c) => Number((await c.query<{ n: string }>(statement, params)).rows[0]?.n ?? 0));

/** N households saved by an import job, as its save phase leaves them (the rows the start phase reads). */
async function savedImport(url: string, db: Parameters<typeof importJobsRepo>[0], prefix: string): Promise<string> {
  const user = await db.selectFrom('users').select('id').where('username', '=', 'xian.xczx').executeTakeFirstOrThrow();
  const job = await importJobsRepo(db).create({ countyId: '990101', scopeId: '990101', uploadedBy: user.id, fileName: `${prefix}.xlsx` });
  await withClient(url, (c) =>
    c.query(
      `with villages as (select id, parent_id, row_number() over (order by id) - 1 as k, count(*) over () as n from jurisdictions where level = 'village' and id like '990101%'),
            made as (
              insert into households (county_id, town_id, village_id, group_id, address, head_name, category)
              select '990101', v.parent_id, v.id, null, $2 || '村' || g || '号', $2 || '户主' || g, 'unstable'
              from generate_series(0, $3::int - 1) g join villages v on v.k = g % v.n
              returning id)
       insert into import_rows (job_id, sheet_no, sheet, row_no, cells, relation, outcome, household_id, entered_on)
       select $1, 1, 'members', row_number() over (), '{}'::jsonb, 'head', 'imported', id, date '2021-05-10' from made`,
      [job.id, prefix, households],
    ),
  );
  await importJobsRepo(db).update(job.id, { status: 'starting', householdsImported: households, householdsTotal: households });
  return job.id;
}

interface StartsRun {
  readonly subject: string;
  readonly startS: number;
  readonly settledS: number;
  readonly rssBefore: number;
  readonly rssAfter: number;
  readonly exhausted?: number;
}

await runBenchmark(`Import starts benchmark: ${households.toLocaleString('en-US')} households' workflows started`, async ({ url, where, superuserUrl, db }) => {
  const appUrl = urlAs(url, LOCAL_ROLES.app);
  await migrateToLatest(db);
  await seedDemo(db);
  await loadCounty(url);
  const opener = await db.selectFrom('users').select(['id', 'role', 'jurisdiction_id']).where('username', '=', 'xian.xczx').executeTakeFirstOrThrow();
  const rows: Array<{ server: string } & StartsRun> = [];
  for (const kind of servers) {
    say(`starting the ${SERVER_NAMES[kind]}`);
    const server = await startServer(kind, { superuserUrl, cacheDir: config.SHOUDI_CACHE_DIR, say });
    const connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection, namespace: 'default' });
    try {
      for (const workers of workerCounts) {
        const label = `${kind}, ${workers} worker${workers > 1 ? 's' : ''}`;
        for (const subject of ['bare', 'household'] as const) {
          const taskQueue = `import-starts-${subject}-${randomUUID()}`;
          const env = { ...process.env, ...(maxCached ? { BENCH_MAX_CACHED: String(maxCached) } : {}), BENCH_WORKFLOWS: subject, DATABASE_URL: appUrl, TEMPORAL_ADDRESS: server.address, BENCH_TASK_QUEUE: taskQueue };
          const procs = await Promise.all(Array.from({ length: workers }, () => startWorker(env, process.stderr)));
          const rss = () => procs.reduce((sum, w) => sum + rssMbOf(w.child.pid), 0);
          try {
            const rssBefore = rss();
            const t0 = performance.now();
            let startS: number;
            let exhausted: number | undefined;
            let settled: () => Promise<number>;
            if (subject === 'bare') {
              const ids = Array.from({ length: households }, () => randomUUID());
              const far = Date.now() + 24 * 3600_000;
              await inPool(ids, DEFAULT_PACE.maxWindow, async (id) => {
                await client.workflow.start('bareHouseholdWorkflow', { taskQueue, workflowId: `bare-${id}`, args: [{ householdId: id, deadline: far, monthEnds: far }] });
              });
              startS = (performance.now() - t0) / 1000;
              settled = () => scalar(url, `select count(*) as n from bench_steps where step = 'opened' and household_id = any($1::uuid[])`, [ids]);
            } else {
              const jobId = await savedImport(url, db, `${kind}-w${workers}`);
              // The job clears its staged rows once done: the households are taken from them first.
              const ids = (await db.selectFrom('import_rows').select('household_id').where('job_id', '=', jobId).execute()).map((r) => r.household_id);
              const begun = performance.now();
              const handle = await startImportJob(client, taskQueue, jobId, { userId: opener.id, role: opener.role, jurisdictionId: opener.jurisdiction_id ?? '990101' }, rate);
              await handle.result();
              startS = (performance.now() - begun) / 1000;
              const history = await handle.fetchHistory();
              // The start activity's answer: how often the server said "resource exhausted".
              for (const e of history.events ?? []) {
                const data = e.activityTaskCompletedEventAttributes?.result?.payloads?.[0]?.data;
                const text = data ? Buffer.from(data).toString('utf8') : '';
                const answer = text.startsWith('{') ? (JSON.parse(text) as { exhausted?: number }) : null;
                if (typeof answer?.exhausted === 'number') exhausted = answer.exhausted;
              }
              settled = () => scalar(url, `select count(*) as n from household_events where kind = 'household.registered' and household_id = any($1::uuid[])`, [ids]);
            }
            const settleBy = Date.now() + 120_000 + households * 500;
            while ((await settled()) < households) {
              if (Date.now() > settleBy) throw new Error(`${label}: ${subject}: not every household's first task was done in time`);
              await new Promise((r) => setTimeout(r, 250));
            }
            const settledS = (performance.now() - t0) / 1000;
            const row = { server: label, subject, startS, settledS, rssBefore, rssAfter: rss(), ...(exhausted === undefined ? {} : { exhausted }) };
            say(`${label}: ${subject}: started in ${startS.toFixed(1)} s (${(households / startS).toFixed(1)}/s), first tasks done in ${settledS.toFixed(1)} s; worker RSS ${rssBefore.toFixed(0)} → ${row.rssAfter.toFixed(0)} MiB`);
            rows.push(row);
          } finally {
            await Promise.all(procs.map((w) => stopProcess(w, 'SIGTERM', 10_000)));
          }
        }
      }
    } finally {
      await connection.close();
      await server.stop();
    }
  }

  write();
  for (const line of await describeMachine(db, where)) write(line);
  write(`starts      ${households.toLocaleString('en-US')} households per run; the import's pace ${rate}/s at most, ${DEFAULT_PACE.initialWindow}→${DEFAULT_PACE.maxWindow} starts in flight; the bare engine started ${DEFAULT_PACE.maxWindow} at a time`);
  write(`worker      ${maxCached ? `maxCachedWorkflows=${maxCached}` : `the worker's default cache, ${cachedWorkflows({ WORKER_MAX_CACHED_WORKFLOWS: undefined }, workerMemory()).households} (from the heap, worker/tuning.ts)`}; RSS of the worker process(es), MiB: polling → every household settled (cached)`);
  write();
  write(
    table([
      ['server', 'subject', 'started in s', 'started/s', '× bare', 'settled in s', 'settled/s', '50,000 started in', 'resource exhausted', 'worker MiB', 'MiB per 1,000'],
      ...rows.map((r) => {
        const bare = rows.find((b) => b.server === r.server && b.subject === 'bare');
        return [
          r.server,
          r.subject === 'bare' ? 'bare engine' : 'import (start activity)',
          r.startS.toFixed(1),
          (households / r.startS).toFixed(1),
          bare && r.subject !== 'bare' ? `${(bare.startS / r.startS).toFixed(2)}×` : '',
          r.settledS.toFixed(1),
          (households / r.settledS).toFixed(1),
          `${((50_000 / (households / r.startS)) / 60).toFixed(1)} min`,
          r.exhausted === undefined ? '' : String(r.exhausted),
          `${r.rssBefore.toFixed(0)}→${r.rssAfter.toFixed(0)}`,
          (((r.rssAfter - r.rssBefore) / households) * 1000).toFixed(1),
        ];
      }),
    ]),
  );
  const imports = rows.filter((r) => r.subject === 'household');
  const worst = Math.min(...imports.map((r) => households / r.startS));
  write(`goal        50,000 households started within 15 minutes (≥ 55.6/s): ${worst >= 50_000 / 900 ? 'met' : 'MISSED'} — slowest run ${worst.toFixed(1)}/s`);
});
