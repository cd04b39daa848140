import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { addMonths, periodOf, startOfPeriod, toLocalDate, type Period } from '../../domain/calendar/dates.js';
import { measureTasksRepo } from '../../db/repositories/measure-tasks.js';
import { notificationChannelsRepo } from '../../db/repositories/notification-channels.js';
import { completeCountyItem, countyWorkflowId, DIGEST_HOUR, type CountyWorkflowInput } from '../../workflows/county/definitions.js';
import { actorOf, insertHousehold } from '../helpers/fixtures.js';
import { keepHistory } from '../helpers/histories.js';
import { useStack } from '../helpers/stack.js';
import { departmentActor, departmentId } from '../helpers/tasks.js';
import { refusal } from '../helpers/updates.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping' });
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

const received: { key: string | undefined; body: { title: string } }[] = [];
const server = createServer((request: IncomingMessage, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString()));
  request.on('end', () => {
    received.push({ key: request.headers['idempotency-key'] as string | undefined, body: JSON.parse(body) as { title: string } });
    response.writeHead(200).end();
  });
});
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the monthly overdue digest to departments 月度逾期任务汇总', () => {
  it('sends each department with overdue tasks one digest on the 1st, to its inbox and its webhook', async () => {
    const { t, env, taskQueue } = stack;
    const [mz, rs] = [await departmentId(t.db, 'mz'), await departmentId(t.db, 'rs')];
    await notificationChannelsRepo(t.db).setWebhook(mz, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, secret: null });
    const { row } = await insertHousehold(t.db, '赵六');
    const now = await env.currentTimeMs();
    const task = (n: number, department: string, dueAt: number) => ({
      taskKey: `task-${row.id}-1-m${n}-1`,
      householdId: row.id,
      planNo: 1,
      countyId: row.county_id,
      townId: row.town_id,
      villageId: row.village_id,
      measure: n === 1 ? 'dibao_pension' : n === 2 ? 'medical' : 'employment',
      departmentId: department,
      required: true,
      assignedAt: new Date(now - 40 * DAY),
      assignedBy: null,
      dueAt: new Date(dueAt),
      reassignedFrom: null,
    });
    const town = await actorOf(t.db, 'zhen.dongcheng');
    await t.db
      .insertInto('assistance_plans')
      .values({ household_id: row.id, plan_no: 1, plan_key: `plan-${row.id}-1`, drawn_by: town.userId, confirmed_at: new Date(now - 40 * DAY), measures: JSON.stringify([]) })
      .execute();
    const month = periodOf(now);
    const nextMonth = addMonths(month, 1);
    const nextFirst = startOfPeriod(nextMonth) + DIGEST_HOUR * HOUR;
    // The workflow starts by catching up on last month's digest, which these
    // tasks must stay out of whatever day the test runs: two of 民政局's fall
    // due within this month, so are overdue by the next 1st; 人社局's is due
    // after that digest.
    await measureTasksRepo(t.db).insert([task(1, mz, startOfPeriod(month) + 5 * DAY), task(2, mz, startOfPeriod(nextMonth) - DAY), task(3, rs, nextFirst + 5 * DAY)]);

    const input: CountyWorkflowInput = { version: 1, countyId: '990101' };
    const handle = await env.client.workflow.start('countyWorkflow', { taskQueue, workflowId: countyWorkflowId('990101'), args: [input] });
    await env.sleep(nextFirst - (await env.currentTimeMs()) + HOUR);

    const inbox = (department: string) =>
      t.db.selectFrom('notifications').selectAll().where('recipient_department_id', '=', department).where('kind', '=', 'measure_task.overdue_digest').orderBy('created_at').execute();
    const titles = async (department: string) => (await inbox(department)).map((n) => n.title);
    await eventually(async () => expect(await titles(mz)).toEqual([`${month} 逾期帮扶任务汇总（2 项）`]));
    const [digest] = await inbox(mz);
    expect(digest!.created_at.getTime()).toBe(nextFirst);
    expect(digest!.body.split('\n')).toHaveLength(3);
    expect(digest!.body).toContain('户主“赵六”');
    expect(await inbox(rs)).toHaveLength(0);
    await eventually(() => expect(received).toHaveLength(1));
    expect(received[0]!.body.title).toBe(digest!.title);

    // A month on, 人社局's task is overdue too: each department gets that month's digest, once.
    await env.sleep(startOfPeriod(addMonths(nextMonth, 1)) + DIGEST_HOUR * HOUR - (await env.currentTimeMs()) + HOUR);
    await eventually(async () => expect(await titles(rs)).toEqual([`${nextMonth} 逾期帮扶任务汇总（1 项）`]));
    const monthly = [`${month} 逾期帮扶任务汇总（2 项）`, `${nextMonth} 逾期帮扶任务汇总（2 项）`];
    expect(await titles(mz)).toEqual(monthly);
    await eventually(() => expect(received.map((r) => r.body.title)).toEqual(monthly));
    await keepHistory(env.client, 'county-digest', handle.workflowId);
    await handle.terminate();
  });
});

describe('the county’s and its departments’ own items of the cadence (Xinfeng [003])', () => {
  it('opens the monthly data comparison and 人社局’s quarterly summary, marks them overdue with a message, takes late work from the right hands', async () => {
    const { t, env, taskQueue } = stack;
    await t.db.updateTable('jurisdictions').set({ policy_profile_id: 'xinfeng' }).where('id', '=', '990101').execute();
    const handle = await env.client.workflow.start('countyWorkflow', {
      taskQueue,
      workflowId: `${countyWorkflowId('990101')}-items`,
      args: [{ version: 1, countyId: '990101' } satisfies CountyWorkflowInput],
    });
    try {
      const rs = await departmentId(t.db, 'rs');
      const now = await env.currentTimeMs();
      const month = periodOf(now);
      const items = () => t.db.selectFrom('due_items').selectAll().where('county_id', '=', '990101').where('household_id', 'is', null).where('town_id', 'is', null).orderBy('due_at').orderBy('kind').execute();
      await eventually(async () => expect((await items()).map((i) => i.kind)).toContain('department_data_comparison'));
      const comparison = (await items()).find((i) => i.kind === 'department_data_comparison' && i.period === month)!;
      expect(comparison).toMatchObject({ department_id: null, due_at: new Date(startOfPeriod(addMonths(month, 1))) });

      // The month's end passes with the comparison not done: overdue, and the county bureau is told.
      await env.sleep(startOfPeriod(addMonths(month, 1)) - (await env.currentTimeMs()) + HOUR);
      await eventually(async () => expect((await items()).find((i) => i.item_key === comparison.item_key)?.overdue_at).toEqual(comparison.due_at));
      const told = await t.db.selectFrom('notifications').selectAll().where('due_item_key', '=', comparison.item_key).execute();
      expect(told.map((n) => [n.recipient_jurisdiction_id, n.recipient_role])).toEqual([['990101', 'county_bureau']]);

      // A department user may not close the county's item; the county bureau closes it late.
      const bureau = await actorOf(t.db, 'xian.xczx');
      const hrss = await departmentActor(t.db, 'rs');
      const done = { kind: 'department_data_comparison', period: month, summary: '已与民政、教育、医保、残联完成比对' };
      expect(await refusal(applyUpdate(handle, completeCountyItem, { args: [{ actor: hrss, ...done }] }))).toMatchObject({ type: 'NotAllowed' });
      expect(await applyUpdate(handle, completeCountyItem, { args: [{ actor: bureau, ...done }] })).toMatchObject({ late: true });

      // 人社局's summary of the quarter is its own: opened for it, overdue to it, and closed by it.
      await env.sleep(startOfPeriod(`${toLocalDate(await env.currentTimeMs()).year}-${String(Math.ceil(toLocalDate(await env.currentTimeMs()).month / 3) * 3).padStart(2, '0')}` as Period) - (await env.currentTimeMs()) + HOUR);
      await eventually(async () => expect((await items()).some((i) => i.kind === 'hrss_quarter_summary')).toBe(true));
      const summary = (await items()).find((i) => i.kind === 'hrss_quarter_summary')!;
      expect(summary.department_id).toBe(rs);
      await env.sleep(summary.due_at.getTime() - (await env.currentTimeMs()) + HOUR);
      await eventually(async () => expect(await t.db.selectFrom('notifications').select('recipient_department_id').where('due_item_key', '=', summary.item_key).execute()).toEqual([{ recipient_department_id: rs }]));
      const closed = await applyUpdate(handle, completeCountyItem, { args: [{ actor: hrss, kind: 'hrss_quarter_summary', period: summary.period!, summary: '本季度稳岗就业措施已汇总报县乡村振兴局' }] });
      expect(closed).toMatchObject({ late: true, period: summary.period });
    } finally {
      await handle.terminate();
      await t.db.updateTable('jurisdictions').set({ policy_profile_id: 'shifan' }).where('id', '=', '990101').execute();
    }
  });
});
