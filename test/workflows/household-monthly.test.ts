import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { addMonths, periodOf, startOfPeriod, endOfDayInPeriod, type Period } from '../../domain/calendar/dates.js';
import {
  getHouseholdState,
  householdWorkflowId,
  recordVisit,
  submitMonthlyUpdate,
  type HouseholdWorkflowInput,
} from '../../workflows/household/definitions.js';
import { actorOf, eventsOf, insertHousehold } from '../helpers/fixtures.js';
import { keepHistory } from '../helpers/histories.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping' });
const HOUR = 60 * 60_000;

async function startHousehold(options: { registeredAt?: number } = {}) {
  const { t, env, taskQueue } = stack;
  const { row, place } = await insertHousehold(t.db);
  const input: HouseholdWorkflowInput = {
    version: 1,
    householdId: row.id,
    place,
    channel: 'cadre_visit',
    openedBy: await actorOf(t.db, 'cun.donggang'),
    ...options,
  };
  const handle = await env.client.workflow.start('householdWorkflow', { taskQueue, workflowId: householdWorkflowId(row.id), args: [input] });
  await eventually(async () => expect(await eventsOf(t.db, row.id, 'household.registered')).toHaveLength(1));
  return { householdId: row.id, handle, openedAt: await env.currentTimeMs() };
}

/** The first month whose deadline (end of the 20th, Shanghai, in the demo county) comes after the opening. */
function firstDuePeriod(openedAt: number): Period {
  const period = periodOf(openedAt);
  return endOfDayInPeriod(period, 20) > openedAt ? period : addMonths(period, 1);
}

const dueItems = (householdId: string, period?: Period) => {
  let query = stack.t.db.selectFrom('due_items').selectAll().where('household_id', '=', householdId);
  if (period) query = query.where('period', '=', period);
  return query.orderBy('due_at').orderBy('kind').execute();
};

describe('the monthly update and visit, due before the 20th (Asia/Shanghai)', () => {
  it('marks missed items overdue at the deadline and tells the village and the town; a late update is accepted and recorded late', async () => {
    const { t, env } = stack;
    const { householdId, handle, openedAt } = await startHousehold();
    const missed = firstDuePeriod(openedAt);
    const deadline = endOfDayInPeriod(missed, 20);

    // Registered after this month's deadline, the household is first due next month.
    if (missed !== periodOf(openedAt)) await env.sleep(startOfPeriod(missed) + HOUR - (await env.currentTimeMs()));
    await eventually(async () => expect((await dueItems(householdId, missed)).map((i) => i.kind)).toEqual(['monthly_update', 'monthly_visit']));
    const visitDeadline = startOfPeriod(addMonths(missed, 1));
    const opened = await dueItems(householdId, missed);
    expect(opened.map((i) => [i.kind, i.period, i.due_at.getTime(), i.status, i.overdue_at])).toEqual([
      ['monthly_update', missed, deadline, 'open', null],
      ['monthly_visit', missed, visitDeadline, 'open', null],
    ]);

    // An hour before the 20th ends nothing is overdue; two hours later the update is, the visit (due by the month's end) not yet.
    await env.sleep(deadline - (await env.currentTimeMs()) - HOUR);
    expect(await eventsOf(t.db, householdId, 'monthly_update.overdue')).toHaveLength(0);
    await env.sleep(2 * HOUR);
    await eventually(async () => expect(await eventsOf(t.db, householdId, 'monthly_update.overdue')).toHaveLength(1));
    const [overdue] = await eventsOf(t.db, householdId, 'monthly_update.overdue');
    expect(overdue).toMatchObject({ payload: { period: missed } });
    expect(overdue!.occurred_at.getTime()).toBe(deadline);
    expect((await dueItems(householdId, missed)).map((i) => [i.kind, i.status, i.overdue_at?.getTime() ?? null])).toEqual([
      ['monthly_update', 'open', deadline],
      ['monthly_visit', 'open', null],
    ]);
    const inbox = await t.db.selectFrom('notifications').selectAll().where('household_id', '=', householdId).where('notification_key', 'like', `%:${missed}:%`).orderBy('notification_key').execute();
    expect(inbox.map((n) => [n.recipient_jurisdiction_id, n.recipient_role])).toEqual([
      ['990101001', 'town_officer'],
      ['990101001201', 'village_cadre'],
    ]);
    expect(inbox[1]!.body).toBe(`东岗村户主“王五”的${missed}月度信息更新未在 ${missed}-20 前完成，已逾期，请尽快办理`);

    const cadre = await actorOf(t.db, 'cun.donggang');
    const late = await applyUpdate(handle, submitMonthlyUpdate, { args: [{ actor: cadre, period: missed, note: '补报' }] });
    expect(late).toMatchObject({ period: missed, late: true });
    const updateItem = (await dueItems(householdId, missed)).find((i) => i.kind === 'monthly_update')!;
    expect(updateItem.status).toBe('done');
    expect(updateItem.done_by).toBe(cadre.userId);

    // The visit, never made, is overdue at the month's end.
    await env.sleep(visitDeadline - (await env.currentTimeMs()) + HOUR);
    await eventually(
      async () => expect((await eventsOf(t.db, householdId, 'monthly_visit.overdue')).map((e) => (e.payload as { period: string }).period)).toContain(missed),
      { timeout: 10_000 },
    );

    // The next month: update and visit in time; nothing becomes overdue.
    const next = addMonths(missed, 1);
    await env.sleep(startOfPeriod(next) + 4 * 24 * HOUR - (await env.currentTimeMs()));
    expect(await applyUpdate(handle, submitMonthlyUpdate, { args: [{ actor: cadre, period: next }] })).toMatchObject({ late: false });
    expect(await applyUpdate(handle, recordVisit, { args: [{ actor: cadre, period: next, visitedOn: `${next}-05`, findings: '家中生活正常' }] })).toEqual({
      period: next,
      late: false,
      signal: 'none',
    });
    await env.sleep(startOfPeriod(addMonths(next, 1)) - (await env.currentTimeMs()) + HOUR);
    await eventually(async () => expect((await dueItems(householdId)).filter((i) => i.period === next).map((i) => i.status)).toEqual(['done', 'done']));

    const submitted = await eventsOf(t.db, householdId, 'monthly_update.submitted');
    expect(submitted.map((e) => (e.payload as { period: string; late: boolean }).late)).toEqual([true, false]);
    expect((await eventsOf(t.db, householdId, 'monthly_update.overdue')).map((e) => (e.payload as { period: string }).period)).toEqual([missed]);
    // The visit item of the missed month stays overdue until done.
    expect((await dueItems(householdId, missed)).filter((i) => i.status === 'open').map((i) => [i.kind, i.overdue_at?.getTime()])).toEqual([['monthly_visit', visitDeadline]]);
    await keepHistory(env.client, 'household-monthly-overdue-late', handle.workflowId);
  });

  it('refuses a cadre of another village and a department user before anything is recorded', async () => {
    const { t } = stack;
    const { householdId, handle, openedAt } = await startHousehold();
    const period = periodOf(openedAt);
    const otherVillage = await actorOf(t.db, 'cun.hekou');
    const department = await actorOf(t.db, 'bumen.mz');

    const refused = async (actorName: string, actor: typeof otherVillage) => {
      const error = await applyUpdate(handle, submitMonthlyUpdate, { args: [{ actor, period }] }).catch((e: unknown) => e);
      expect(error, actorName).toBeInstanceOf(WorkflowUpdateFailedError);
      return (error as WorkflowUpdateFailedError).cause;
    };
    expect(await refused('other village', otherVillage)).toMatchObject({ type: 'NotAllowed', message: '该户不在您的管辖范围内' });
    expect(await refused('department', department)).toMatchObject({ type: 'NotAllowed', message: '“行业部门”不能办理“月度信息更新”' });
    expect(await eventsOf(t.db, householdId, 'monthly_update.submitted')).toHaveLength(0);
    expect((await handle.query(getHouseholdState)).lastAssessment).toBeNull();
  });
});

describe('re-assessment with the policy in force for the month', () => {
  it('warns when Xinfeng’s warning line rises from 10,600 to 10,800 in November 2023, though the income stayed the same', async () => {
    const { t } = stack;
    await t.db.updateTable('jurisdictions').set({ policy_profile_id: 'xinfeng' }).where('id', '=', '990101').execute();
    try {
      // A household carried over from the earlier system, in monitoring scope since 2022; its 2023 months are entered late.
      const { householdId, handle } = await startHousehold({ registeredAt: Date.parse('2022-06-01T00:00:00+08:00') });
      const cadre = await actorOf(t.db, 'cun.donggang');
      // One person, 891.67 yuan a month: 10,700.04 a year — over 10,600, under 10,800.
      const months: Period[] = ['2022-12', '2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11'];
      const income = months.map((period) => ({ period, kind: 'wages' as const, yuan: 891.67 }));

      const october = await applyUpdate(handle, submitMonthlyUpdate, { args: [{ actor: cadre, period: '2023-10', memberCount: 1, income: income.slice(0, 11) }] });
      expect(october).toEqual({ period: '2023-10', late: true, signal: 'none' });
      const november = await applyUpdate(handle, submitMonthlyUpdate, { args: [{ actor: cadre, period: '2023-11', memberCount: 1, income: income.slice(11) }] });
      expect(november).toEqual({ period: '2023-11', late: true, signal: 'warning' });

      const [warning] = await eventsOf(t.db, householdId, 'monitoring.warning_raised');
      expect(warning!.payload).toEqual({
        period: '2023-11',
        reasons: ['2023-11 人均收入 10,700.04 元，低于预警线 10,800 元（预警线由 10,600 元调整为 10,800 元）'],
      });
      const assessed = await eventsOf(t.db, householdId, 'monitoring.assessed');
      expect(assessed.map((e) => (e.payload as { summary: { profileId: string; warningLine: number; belowWarning: boolean } }).summary)).toMatchObject([
        { profileId: 'xinfeng', warningLine: 10600, belowWarning: false },
        { profileId: 'xinfeng', warningLine: 10800, belowWarning: true },
      ]);
    } finally {
      await t.db.updateTable('jurisdictions').set({ policy_profile_id: 'shifan' }).where('id', '=', '990101').execute();
    }
  });
});
