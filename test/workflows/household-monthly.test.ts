import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMonths, endOfDayInPeriod, periodOf, type Period } from '../../domain/calendar.js';
import {
  getHouseholdState,
  householdWorkflowId,
  submitMonthlyUpdate,
  type HouseholdWorkflowInput,
} from '../../workflows/household/definitions.js';
import { MONTHLY_UPDATE_DAY } from '../../workflows/household/state.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { actorOf, eventsOf, insertHousehold } from '../helpers/fixtures.js';
import { testWorker, timeSkippingEnv, uniqueTaskQueue } from '../helpers/temporal.js';

let t: TestDatabase;
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
const taskQueue = uniqueTaskQueue();

beforeAll(async () => {
  t = await createTestDatabase();
  env = await timeSkippingEnv();
  worker = await testWorker(env, t.db, taskQueue);
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await t?.destroy();
});

async function startHousehold() {
  const { row, place } = await insertHousehold(t.db);
  const input: HouseholdWorkflowInput = {
    version: 1,
    householdId: row.id,
    place,
    channel: 'cadre_visit',
    openedBy: await actorOf(t.db, 'cun.donggang'),
  };
  const handle = await env.client.workflow.start('householdWorkflow', {
    taskQueue,
    workflowId: householdWorkflowId(row.id),
    args: [input],
  });
  await vi.waitFor(async () => expect(await eventsOf(t.db, row.id, 'household.registered')).toHaveLength(1), { timeout: 10_000 });
  return { householdId: row.id, handle, openedAt: await env.currentTimeMs() };
}

/** The first month whose deadline (end of the 20th, Shanghai) comes after the opening. */
function firstDuePeriod(openedAt: number): Period {
  const period = periodOf(openedAt);
  return endOfDayInPeriod(period, MONTHLY_UPDATE_DAY) > openedAt ? period : addMonths(period, 1);
}

describe('the monthly update deadline (the 20th, Asia/Shanghai)', () => {
  it('marks a missed month overdue at the deadline, accepts the late update, and keeps an on-time month clean', async () => {
    const { householdId, handle, openedAt } = await startHousehold();
    const missed = firstDuePeriod(openedAt);
    const missedDeadline = endOfDayInPeriod(missed, MONTHLY_UPDATE_DAY);

    // Just before the deadline nothing is overdue.
    await env.sleep(missedDeadline - (await env.currentTimeMs()) - 60 * 60_000);
    expect(await eventsOf(t.db, householdId, 'monthly_update.overdue')).toHaveLength(0);

    // A simulated month (or so) passes: at the deadline the missing update becomes overdue.
    await env.sleep(2 * 60 * 60_000);
    await vi.waitFor(async () => expect(await eventsOf(t.db, householdId, 'monthly_update.overdue')).toHaveLength(1), { timeout: 10_000 });
    const [overdue] = await eventsOf(t.db, householdId, 'monthly_update.overdue');
    expect(overdue?.payload).toMatchObject({ period: missed });
    expect(overdue?.occurred_at.getTime()).toBe(missedDeadline);
    expect(await handle.query(getHouseholdState)).toMatchObject({ overduePeriods: [missed] });

    const cadre = await actorOf(t.db, 'cun.donggang');
    const late = await handle.executeUpdate(submitMonthlyUpdate, { args: [{ actor: cadre, period: missed, note: '补报' }] });
    expect(late).toEqual({ period: missed, late: true });

    // The next month is submitted in time and never becomes overdue.
    const next = addMonths(missed, 1);
    await env.sleep(Date.parse(`${next}-05T00:00:00Z`) - (await env.currentTimeMs()));
    const onTime = await handle.executeUpdate(submitMonthlyUpdate, { args: [{ actor: cadre, period: next }] });
    expect(onTime).toEqual({ period: next, late: false });
    await env.sleep(endOfDayInPeriod(next, MONTHLY_UPDATE_DAY) - (await env.currentTimeMs()) + 60 * 60_000);

    const submitted = await eventsOf(t.db, householdId, 'monthly_update.submitted');
    expect(submitted.map((e) => e.payload)).toEqual([
      { period: missed, late: true, note: '补报' },
      { period: next, late: false, note: null },
    ]);
    expect((await eventsOf(t.db, householdId, 'monthly_update.overdue')).map((e) => (e.payload as { period: string }).period)).toEqual([missed]);
  });

  it('refuses a cadre of another village and a department user before anything is recorded', async () => {
    const { householdId, handle, openedAt } = await startHousehold();
    const period = periodOf(openedAt);
    const otherVillage = await actorOf(t.db, 'cun.hekou');
    const department = await actorOf(t.db, 'bumen.mz');

    const refused = async (actorName: string, actor: typeof otherVillage) => {
      const error = await handle.executeUpdate(submitMonthlyUpdate, { args: [{ actor, period }] }).catch((e: unknown) => e);
      expect(error, actorName).toBeInstanceOf(WorkflowUpdateFailedError);
      return (error as WorkflowUpdateFailedError).cause;
    };
    expect(await refused('other village', otherVillage)).toMatchObject({ type: 'NotAllowed', message: '该户不在您的管辖范围内' });
    expect(await refused('department', department)).toMatchObject({ type: 'NotAllowed', message: '“行业部门”不能办理“月度信息更新”' });
    expect(await eventsOf(t.db, householdId, 'monthly_update.submitted')).toHaveLength(0);
    expect((await handle.query(getHouseholdState)).monthlyUpdates).toHaveLength(0);
  });
});
