import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMonths, periodOf, startOfPeriod } from '../../domain/calendar.js';
import { measureTasksRepo } from '../../db/repositories/measure-tasks.js';
import { notificationChannelsRepo } from '../../db/repositories/notification-channels.js';
import { countyWorkflowId, DIGEST_HOUR, type CountyWorkflowInput } from '../../workflows/county/definitions.js';
import { actorOf, insertHousehold } from '../helpers/fixtures.js';
import { keepHistory } from '../helpers/histories.js';
import { useStack } from '../helpers/stack.js';
import { departmentId } from '../helpers/tasks.js';

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
    const nextFirst = startOfPeriod(addMonths(periodOf(now), 1)) + DIGEST_HOUR * HOUR;
    // Two of 民政局's tasks are overdue by then; 人社局's is due after the digest.
    await measureTasksRepo(t.db).insert([task(1, mz, now - 10 * DAY), task(2, mz, now - DAY), task(3, rs, nextFirst + 5 * DAY)]);

    const input: CountyWorkflowInput = { version: 1, countyId: '990101' };
    const handle = await env.client.workflow.start('countyWorkflow', { taskQueue, workflowId: countyWorkflowId('990101'), args: [input] });
    await env.sleep(nextFirst - (await env.currentTimeMs()) + HOUR);

    const inbox = (department: string) => t.db.selectFrom('notifications').selectAll().where('recipient_department_id', '=', department).where('kind', '=', 'measure_task.overdue_digest').execute();
    await vi.waitFor(async () => expect(await inbox(mz)).toHaveLength(1), { timeout: 10_000 });
    const [digest] = await inbox(mz);
    expect(digest!.created_at.getTime()).toBe(nextFirst);
    expect(digest!.title).toBe(`${periodOf(now)} 逾期帮扶任务汇总（2 项）`);
    expect(digest!.body.split('\n')).toHaveLength(3);
    expect(digest!.body).toContain('户主“赵六”');
    expect(await inbox(rs)).toHaveLength(0);
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 10_000 });
    expect(received[0]!.body.title).toBe(digest!.title);

    // A month on, 人社局's task is overdue too: each department gets that month's digest, once.
    await env.sleep(startOfPeriod(addMonths(periodOf(nextFirst), 1)) + DIGEST_HOUR * HOUR - (await env.currentTimeMs()) + HOUR);
    await vi.waitFor(async () => expect(await inbox(rs)).toHaveLength(1), { timeout: 10_000 });
    expect(await inbox(mz)).toHaveLength(2);
    await keepHistory(env.client, 'county-digest', handle.workflowId);
    await handle.terminate();
  });
});
