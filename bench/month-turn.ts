/**
 * The month turn at once or spread (issue 19, `month-turn-spread`): N
 * households waiting on a timer to their month's opening, on the dev server as
 * `npm start` runs it, with the bare engine's workflow (a timer, then one
 * one-row write: the least an opening costs). The real household workflow's
 * timer is to the calendar's month start (plus its moment), which a benchmark
 * cannot wait for, so its moments are reproduced here: the same function of the
 * same workflow ids (domain/monitoring/month-turn.ts), the six-hour window
 * scaled to --window seconds. Measured, in one run on one server, each way:
 * the timers due in the first minute, the engine's time from the turn until
 * every household has opened, how far behind its moment each opening ran, and
 * how long a cadre's update sent during the turn waits for its answer.
 *
 *   npm run bench:month-turn -- --households 2000 [--window 120] [--probes 30] [--lead S]
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { applyUpdate } from '../api/workflow-update.js';
import { migrateToLatest } from '../db/migrate.js';
import { MONTH_TURN_SPREAD_MS, monthTurnDelayMs } from '../domain/monitoring/month-turn.js';
import { parseConfig } from '../platform/config.js';
import { LOCAL_ROLES } from '../platform/embedded-postgres.js';
import { urlAs } from '../scripts/database.js';
import { stopProcess } from '../scripts/processes.js';
import { householdWorkflowId } from '../workflows/household/definitions.js';
import { bareMonthlyUpdate, type BareHouseholdInput } from './county-month/bare-workflow.js';
import { cpuBetween, parentOf, sampleCpu } from './county-month/cpu.js';
import { inPool, startWorker } from './county-month/engine.js';
import { loadCounty, withClient } from './county-month/load.js';
import { SERVER_NAMES, startServer } from './county-month/servers.js';
import { seedDemo } from './support/load.js';
import { describeMachine } from './support/machine.js';
import { percentile, table } from './support/measure.js';
import { count } from './support/options.js';
import { runBenchmark, write } from './support/run.js';

const households = count('households', 2000, 50_000);
const windowS = count('window', 120, 21_600);
const probes = Math.min(count('probes', 30, 1000), households);
/** Seconds between the first start and the turn: every workflow must be waiting on its timer by then. */
const leadS = count('lead', Math.ceil(30 + households * 0.05), 3600);
const config = parseConfig(process.env);
const say = (m: string) => write(`  ${m}`);
const fmt = (n: number, digits = 1) => n.toFixed(digits);

type Mode = 'at-once' | 'spread';

interface TurnRun {
  readonly mode: Mode;
  readonly firstMinute: number;
  readonly openedS: number;
  readonly lagMs: readonly number[];
  readonly probeMs: readonly number[];
  /** Update calls the server let time out (each sent again). */
  readonly timedOut: number;
  readonly cpu: { server: number; worker: number; postgres: number };
}

/** The household's moment after the turn: none at once; under the spread its minute in 00:00–06:00, the window scaled. */
const momentMs = (mode: Mode, id: string) => (mode === 'at-once' ? 0 : (monthTurnDelayMs(householdWorkflowId(id)) * windowS * 1000) / MONTH_TURN_SPREAD_MS);

await runBenchmark(`Month turn benchmark: ${households.toLocaleString('en-US')} households' month opened at once or spread`, async ({ url, where, superuserUrl, db }) => {
  const appUrl = urlAs(url, LOCAL_ROLES.app);
  await migrateToLatest(db);
  await seedDemo(db);
  await loadCounty(url);
  // The backend's parent, read while the backend runs.
  const postmaster = await withClient(url, async (c) => parentOf(Number((await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid)));
  say(`starting the ${SERVER_NAMES.dev}`);
  const server = await startServer('dev', { superuserUrl, cacheDir: config.SHOUDI_CACHE_DIR, say });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection, namespace: 'default' });
  const rows: TurnRun[] = [];
  try {
    for (const mode of ['at-once', 'spread'] as const) {
      const taskQueue = `month-turn-${mode}-${randomUUID()}`;
      const env = { ...process.env, BENCH_WORKFLOWS: 'bare', DATABASE_URL: appUrl, TEMPORAL_ADDRESS: server.address, BENCH_TASK_QUEUE: taskQueue };
      const worker = await startWorker(env, process.stderr);
      try {
        const ids: string[] = Array.from({ length: households }, () => randomUUID());
        const far = Date.now() + 24 * 3600_000;
        const turn = Date.now() + leadS * 1000;
        const opensAt = new Map(ids.map((id) => [id, turn + momentMs(mode, id)]));
        await inPool(ids, 30, async (id) => {
          const input: BareHouseholdInput = { householdId: id, deadline: far, monthEnds: far, opensAt: opensAt.get(id) as number };
          await client.workflow.start('bareHouseholdWorkflow', { taskQueue, workflowId: `turn-${id}`, args: [input] });
        });
        const early = Date.now() - turn;
        if (early > 0) throw new Error(`${mode}: the starts took ${fmt(early / 1000)} s past the turn; give a longer --lead`);
        say(`${mode}: ${households} households waiting; the turn in ${fmt(-early / 1000)} s`);
        await new Promise((r) => setTimeout(r, turn - Date.now()));
        const pids = { server: server.pid, workers: () => [worker.child.pid], postmaster };
        const cpu0 = sampleCpu(pids);
        const t0 = performance.now();
        // A cadre's update to each probe household a second into the turn (10 at a time), answered once the workflow took it.
        const probeMs: number[] = [];
        let timedOut = 0;
        const sent = (async () => {
          await new Promise((r) => setTimeout(r, 1000));
          await inPool(ids.slice(-probes), 10, async (id) => {
            const begun = performance.now();
            // Not answered within the server's deadline for an update call: sent again with its id (applied once), the wait counted whole.
            for (;;) {
              try {
                await applyUpdate(client.workflow.getHandle(`turn-${id}`), bareMonthlyUpdate, { updateId: `probe-${id}`, args: [{ period: 'probe' }] });
                break;
              } catch (error) {
                if (!(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)) throw error;
                timedOut += 1;
              }
            }
            probeMs.push(performance.now() - begun);
          });
        })();
        sent.catch(() => {});
        const opened = () => withClient(url, async (c) => (await c.query<{ household_id: string; at: Date }>(`select household_id, at from bench_steps where step = 'opened' and household_id = any($1::uuid[])`, [ids])).rows);
        let done = await opened();
        const by = Date.now() + windowS * 1000 + 600_000 + households * 500;
        while (done.length < households) {
          if (Date.now() > by) throw new Error(`${mode}: ${done.length} of ${households} opened in time`);
          await new Promise((r) => setTimeout(r, 250));
          done = await opened();
        }
        const openedS = (performance.now() - t0) / 1000;
        await sent;
        const cpu = cpuBetween(cpu0, sampleCpu(pids));
        const lagMs = done.map((r) => r.at.getTime() - (opensAt.get(r.household_id) as number)).sort((a, b) => a - b);
        const firstMinute = [...opensAt.values()].filter((at) => at < turn + 60_000).length;
        const run: TurnRun = { mode, firstMinute, openedS, lagMs, probeMs: probeMs.sort((a, b) => a - b), timedOut, cpu: { server: cpu.server, worker: cpu.worker, postgres: cpu.postgres } };
        say(`${mode}: every household opened ${fmt(openedS)} s after the turn; lag behind its moment p50 ${fmt(percentile(lagMs, 0.5) / 1000)} s, max ${fmt(lagMs.at(-1)! / 1000)} s; probe updates p50 ${fmt(percentile(run.probeMs, 0.5) / 1000, 2)} s`);
        rows.push(run);
        // The workflows wait for a month's end a day away: ended here, not left to the next mode's server time.
        await inPool(ids, 30, (id) => client.workflow.getHandle(`turn-${id}`).terminate('measured').then(() => undefined));
      } finally {
        await stopProcess(worker, 'SIGTERM', 10_000);
      }
    }
  } finally {
    await connection.close();
    await server.stop();
  }

  write();
  for (const line of await describeMachine(db, where)) write(line);
  write(`turn        ${households.toLocaleString('en-US')} households on ${SERVER_NAMES.dev}, one worker, the bare engine's workflow (a timer, then one activity writing one row); spread: the 6-hour window scaled to ${windowS} s (${fmt((households / windowS) * 60, 0)} openings a minute; a 50,000-household county over 6 h: ${fmt(50_000 / 360, 0)} a minute)`);
  write(`probes      ${probes} cadres' updates sent from 1 s after the turn, 10 at a time, each timed until the workflow answered`);
  write();
  const s = (ms: number) => fmt(ms / 1000, 2);
  write(
    table([
      ['month turn', 'timers due in 1st minute', 'all opened after (s)', 'lag p50 (s)', 'lag p99 (s)', 'lag max (s)', 'update p50 (s)', 'update p99 (s)', 'update max (s)', 'calls timed out', 'cpu server', 'cpu worker', 'cpu postgres'],
      ...rows.map((r) => [
        r.mode,
        r.firstMinute.toLocaleString('en-US'),
        fmt(r.openedS),
        s(percentile(r.lagMs, 0.5)),
        s(percentile(r.lagMs, 0.99)),
        s(r.lagMs.at(-1) ?? 0),
        s(percentile(r.probeMs, 0.5)),
        s(percentile(r.probeMs, 0.99)),
        s(r.probeMs.at(-1) ?? 0),
        String(r.timedOut),
        fmt(r.cpu.server),
        fmt(r.cpu.worker),
        fmt(r.cpu.postgres),
      ]),
    ]),
  );
  const [once, spread] = rows;
  if (once && spread) {
    write(`ratio       spread / at once: lag p99 ${fmt(percentile(spread.lagMs, 0.99) / Math.max(1, percentile(once.lagMs, 0.99)), 2)}×, update p50 ${fmt(percentile(spread.probeMs, 0.5) / Math.max(1, percentile(once.probeMs, 0.5)), 2)}×, update p99 ${fmt(percentile(spread.probeMs, 0.99) / Math.max(1, percentile(once.probeMs, 0.99)), 2)}×`);
  }
});
