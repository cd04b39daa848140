/**
 * One month of N households on a Temporal server: the household workflow (or
 * the bare engine's) started for each as the run after the year's hand-over
 * would be — a monitoring object with last month's update still open — so that
 * its first act is the month turn (the month's items opened); then the update
 * with re-assessment from 90 % of the villages' cadres, 30 at a time; then the
 * deadline of last month's update passes and the rest are marked overdue. Each
 * phase ends when the register (or the bare table) shows it done.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { addMonths, startOfPeriod } from '../../domain/calendar/dates.js';
import type { Period } from '../../domain/calendar/dates.js';
import { HttpError } from '../../api/errors.js';
import { applyUpdate } from '../../api/workflow-update.js';
import { householdWorkflowId, submitMonthlyUpdate, type HouseholdWorkflowInput } from '../../workflows/household/definitions.js';
import { startProcess, stopProcess, type Managed } from '../../scripts/processes.js';
import { bareMonthlyUpdate, type BareHouseholdInput } from './bare-workflow.js';
import { cpuBetween, rssMbOf, sampleCpu, type CpuSample } from './cpu.js';
import { isRest, withClient, type LoadedHousehold } from './load.js';

export interface MonthRun {
  readonly households: number;
  readonly updates: number;
  readonly overdue: number;
  /** Seconds of each phase: the month turn, the updates, the deadline (from the deadline on). */
  readonly monthTurnS: number;
  readonly updatesS: number;
  readonly deadlineS: number;
  /** Waiting for the deadline after the updates (not counted). */
  readonly idleS: number;
  /** The deadline passed before the updates were all done: the phases overlapped. */
  readonly overlapped: boolean;
  /** Updates that came after the deadline (only when the phases overlapped). */
  readonly late: number;
  readonly cpu: CpuSample;
  readonly stateTransitions?: number;
  readonly historyEvents?: number;
  /** The worker processes' resident memory (MiB, summed) once polling, and at the end with the month's households cached. */
  readonly workerRssMb: { readonly before: number; readonly after: number };
}

export const activeSeconds = (r: MonthRun): number => r.monthTurnS + r.updatesS + r.deadlineS;

/** Runs `fn` over the items, `concurrency` at a time; the first failure stops the rest. */
export async function inPool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length && !failed) {
        const item = items[next++] as T;
        try {
          await fn(item);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not done within ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** An update no worker accepted within the API's deadline (503, busy) is sent again with its id, as the console resends it: applied once. */
async function resentWhileBusy<T>(send: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof HttpError && error.statusCode === 503)) throw error;
    }
  }
}

const count = (url: string, statement: string, params: unknown[]) =>
  withClient(url, async (c) => Number((await c.query<{ n: string }>(statement, params)).rows[0]?.n ?? 0));

/** The benchmark's worker process; resolves once it polls. */
export async function startWorker(env: NodeJS.ProcessEnv, output: NodeJS.WritableStream): Promise<Managed> {
  let ready: () => void = () => {};
  const polling = new Promise<void>((resolve) => (ready = resolve));
  const lines = new (await import('node:stream')).Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      if (text.includes('ready')) ready();
      else output.write(text);
      done();
    },
  });
  const worker = startProcess('worker', process.execPath, ['--import', 'tsx', 'bench/county-month/worker.ts'], env, lines);
  await Promise.race([polling, worker.exited.then((code) => Promise.reject(new Error(`the benchmark worker exited (${code}) before polling`)))]);
  return worker;
}

export interface EngineOptions {
  readonly subject: 'household' | 'bare';
  readonly households: readonly LoadedHousehold[];
  readonly address: string;
  readonly appUrl: string;
  readonly ownerUrl: string;
  readonly serverPid: () => number | undefined;
  readonly postmasterPid: number;
  readonly month: Period;
  readonly lastMonth: Period;
  readonly openedAt: number;
  readonly deadline: number;
  readonly concurrency: number;
  readonly workerEnv: Record<string, string>;
  /** Worker processes on the task queue. */
  readonly workers: number;
  readonly output: NodeJS.WritableStream;
}

function householdInput(h: LoadedHousehold, o: EngineOptions): HouseholdWorkflowInput {
  const key = `household:${h.id}:monthly_update:${o.lastMonth}`;
  return {
    version: 1,
    householdId: h.id,
    place: { countyId: '990101', townId: h.townId, villageId: h.villageId, groupId: null },
    channel: 'cadre_visit',
    openedBy: { userId: h.cadreUserId, role: 'village_cadre', jurisdictionId: h.villageId },
    carried: {
      openedAt: o.openedAt,
      stage: 'monitoring',
      category: 'unstable',
      riskCauses: ['illness'],
      eventSeq: 10,
      casesOpened: 1,
      currentCase: null,
      dueItems: [{ key, kind: 'monthly_update', period: o.lastMonth, dueAt: o.deadline, doneAt: null, late: false, overdue: false }],
      lastAssessment: null,
      eliminationCase: null,
      eliminationsOpened: 0,
      monthlyDueDay: 20,
    },
  };
}

export async function runMonth(o: EngineOptions): Promise<MonthRun> {
  const taskQueue = `county-month-${o.subject}-${randomUUID()}`;
  const ids = o.households.map((h) => h.id);
  const updated = o.households.filter((h) => !isRest(h.index));
  const rest = o.households.length - updated.length;
  const workerEnv = { ...process.env, ...o.workerEnv, BENCH_WORKFLOWS: o.subject, DATABASE_URL: o.appUrl, TEMPORAL_ADDRESS: o.address, BENCH_TASK_QUEUE: taskQueue };
  const workers = await Promise.all(Array.from({ length: o.workers }, () => startWorker(workerEnv, o.output)));
  const connection = await Connection.connect({ address: o.address });
  const client = new Client({ connection, namespace: 'default' });
  const pids = { server: o.serverPid, workers: () => workers.map((w) => w.child.pid), postmaster: o.postmasterPid };
  const timeout = 600_000 + o.households.length * 2000;
  try {
    const rss = () => workers.reduce((sum, w) => sum + rssMbOf(w.child.pid), 0);
    const rssBefore = rss();
    const cpu0 = sampleCpu(pids);
    const t0 = performance.now();
    // The month turn: each household's run begins by opening the month's items.
    const workflowId = (h: LoadedHousehold) => (o.subject === 'household' ? householdWorkflowId(h.id) : `bare-${h.id}`);
    await inPool(o.households, o.concurrency, async (h) => {
      if (o.subject === 'household') {
        await client.workflow.start('householdWorkflow', { taskQueue, workflowId: workflowId(h), args: [householdInput(h, o)] });
      } else {
        const input: BareHouseholdInput = { householdId: h.id, deadline: o.deadline, monthEnds: startOfPeriod(addMonths(o.month, 1)) };
        await client.workflow.start('bareHouseholdWorkflow', { taskQueue, workflowId: workflowId(h), args: [input] });
      }
    });
    const opened =
      o.subject === 'household'
        ? () => count(o.ownerUrl, `select count(distinct household_id) as n from due_items where period = $1 and household_id = any($2::uuid[])`, [o.month, ids])
        : () => count(o.ownerUrl, `select count(*) as n from bench_steps where step = 'opened' and household_id = any($1::uuid[])`, [ids]);
    await until('the month turn', async () => (await opened()) >= ids.length, timeout);
    const t1 = performance.now();

    // The updates, 30 at a time, each awaited until the workflow answers.
    let late = 0;
    await inPool(updated, o.concurrency, async (h) => {
      const handle = client.workflow.getHandle(workflowId(h));
      if (o.subject === 'household') {
        const result = await resentWhileBusy(() => applyUpdate(handle, submitMonthlyUpdate, {
          updateId: `bench-${h.id}-${o.lastMonth}`,
          args: [
            {
              actor: { userId: h.cadreUserId, role: 'village_cadre', jurisdictionId: h.villageId },
              period: o.lastMonth,
              note: '本月收入稳定',
              income: [{ period: o.lastMonth, kind: 'wages', yuan: 30000 }],
              memberCount: 1,
              memberChanges: '无变化',
            },
          ],
        }));
        if (result.late) late += 1;
      } else {
        const result = await resentWhileBusy(() => applyUpdate(handle, bareMonthlyUpdate, { updateId: `bench-${h.id}`, args: [{ period: o.lastMonth }] }));
        if (result.late) late += 1;
      }
    });
    const t2 = performance.now();
    const idleMs = Math.max(0, o.deadline - Date.now());
    const overlapped = idleMs === 0;
    if (idleMs > 0) await new Promise((r) => setTimeout(r, idleMs));
    const t3start = performance.now();
    const overdue =
      o.subject === 'household'
        ? () => count(o.ownerUrl, `select count(*) as n from due_items where period = $1 and kind = 'monthly_update' and overdue_at is not null and household_id = any($2::uuid[])`, [o.lastMonth, ids])
        : () => count(o.ownerUrl, `select count(*) as n from bench_steps where step = 'overdue' and household_id = any($1::uuid[])`, [ids]);
    await until('the deadline', async () => (await overdue()) >= rest, timeout);
    const t3 = performance.now();
    const cpu = cpuBetween(cpu0, sampleCpu(pids));
    const workerRssMb = { before: rssBefore, after: rss() };

    let stateTransitions = 0;
    let historyEvents = 0;
    await inPool(o.households, o.concurrency, async (h) => {
      const described = await connection.workflowService.describeWorkflowExecution({ namespace: 'default', execution: { workflowId: workflowId(h) } });
      stateTransitions += Number(described.workflowExecutionInfo?.stateTransitionCount ?? 0);
      historyEvents += Number(described.workflowExecutionInfo?.historyLength ?? 0);
    });
    return {
      households: ids.length,
      updates: updated.length,
      overdue: rest,
      monthTurnS: (t1 - t0) / 1000,
      updatesS: (t2 - t1) / 1000,
      deadlineS: (t3 - t3start) / 1000,
      idleS: idleMs / 1000,
      overlapped,
      late,
      cpu,
      stateTransitions,
      historyEvents,
      workerRssMb,
    };
  } finally {
    await connection.close();
    await Promise.all(workers.map((w) => stopProcess(w, 'SIGTERM', 10_000)));
  }
}
