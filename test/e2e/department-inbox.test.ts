import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { decideStep, householdWorkflowId, openIdentification, submitApplication } from '../../workflows/household/definitions.js';
import { actorOf, insertHousehold } from '../helpers/fixtures.js';
import { application, demoActors } from '../helpers/household.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';
import { departmentId, planAndStart } from '../helpers/tasks.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({
  server: 'dev',
  api: true,
  beforeStart: (t) => demoCountyWithoutNotice(t.db, 'e2e-tasks-no-notice'),
});
const DAY = 24 * 60 * 60 * 1000;
const today = () => formatLocalDate(toLocalDate(Date.now()));

describe('a department works its inbox through the HTTP API', () => {
  it('lists its tasks, accepts and completes one with evidence, and the household file shows it', async () => {
    const { api, t, env, taskQueue } = stack;
    const town = await actorOf(t.db, 'zhen.dongcheng');
    const { row, place } = await insertHousehold(t.db, '钱七');
    const plan = await planAndStart(env.client, t.db, taskQueue, {
      householdId: row.id,
      place,
      drawnBy: town.userId,
      at: Date.now(),
      measures: [{ code: 'dibao_pension' }, { code: 'employment' }],
    });
    const key = plan.tasks.find((task) => task.measure === 'dibao_pension')!.taskKey;
    const mz = await api.login('bumen.mz');
    const rs = await api.login('bumen.rs');

    const inbox = await api.call('GET', '/tasks?status=open', { token: mz });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((i: { key: string }) => i.key)).toContain(key);
    expect(inbox.body.items.every((i: { department: { name: string } }) => i.department.name === '民政局')).toBe(true);
    expect(inbox.body.items.find((i: { key: string }) => i.key === key)).toMatchObject({
      household: { id: row.id, headName: '钱七' },
      town: { id: place.townId, name: '东城镇' },
      village: { id: place.villageId, name: '东岗村' },
      measure: { code: 'dibao_pension', name: '低保和养老保险' },
      status: 'assigned',
      statusName: '待接收',
      required: true,
      overdue: false,
    });
    const filtered = await api.call('GET', `/tasks?measure=dibao_pension&townId=${place.townId}&villageId=${place.villageId}&dueTo=${formatLocalDate(toLocalDate(Date.now() + 40 * DAY))}`, { token: mz });
    expect(filtered.body.items.map((i: { key: string }) => i.key)).toContain(key);
    expect((await api.call('GET', `/tasks?villageId=990101001202`, { token: mz })).body.items.map((i: { key: string }) => i.key)).not.toContain(key);
    expect((await api.call('GET', `/tasks?dueTo=${today()}`, { token: mz })).body.items.map((i: { key: string }) => i.key)).not.toContain(key);
    expect((await api.call('GET', '/tasks', { token: rs })).body.items.map((i: { key: string }) => i.key)).not.toContain(key);

    expect(await api.call('POST', `/tasks/${key}/accept`, { token: rs })).toMatchObject({ status: 403, body: { message: '该任务不由您所在的部门承办，您不能办理' } });
    await eventually(async () => expect((await api.call('POST', `/tasks/${key}/accept`, { token: mz })).body).toMatchObject({ status: 'accepted', statusName: '已接收' }));
    expect(await api.call('POST', `/tasks/${key}/accept`, { token: mz })).toMatchObject({ status: 409, body: { error: 'WrongStep' } });
    const noDocuments = await api.call('POST', `/tasks/${key}/complete`, { token: mz, body: { whatWasDone: '已纳入低保', date: today(), documents: [] } });
    expect(noDocuments.status).toBe(400);
    expect(noDocuments.body.message).toContain('请至少提供一份佐证材料');

    const completed = await api.call('POST', `/tasks/${key}/complete`, {
      token: mz,
      body: { whatWasDone: '经审核纳入农村低保，按月发放低保金', amountYuan: 680.5, date: today(), documents: [{ title: '低保审批表', reference: 'db-2026-118.pdf' }] },
    });
    expect(completed).toMatchObject({ status: 200, body: { key, status: 'completed', late: false } });
    expect(await api.call('POST', `/tasks/${key}/progress`, { token: mz, body: { text: '补充' } })).toMatchObject({ status: 409 });

    const done = await api.call('GET', `/tasks?status=completed`, { token: mz });
    expect(done.body.items.find((i: { key: string }) => i.key === key)).toMatchObject({ evidence: { amountFen: 68050, documents: [{ title: '低保审批表' }] }, late: false });

    await eventually(async () => {
      const file = await api.call('GET', `/households/${row.id}/file`, { token: mz });
      expect(file.status).toBe(200);
      const steps = file.body.events.filter((e: { details: { taskKey?: string } }) => e.details.taskKey === key);
      expect(steps.map((e: { kind: string }) => e.kind)).toEqual(['measure_task.assigned', 'measure_task.accepted', 'measure_task.completed']);
      expect(steps[2]).toMatchObject({ actor: { name: '民政局', role: 'department' }, details: { late: false, evidence: { whatWasDone: '经审核纳入农村低保，按月发放低保金', amountFen: 68050 } } });
    });
  });

  it('shows the supervisors every overdue task with its age, department and town', async () => {
    const { api, t, env, taskQueue } = stack;
    const town = await actorOf(t.db, 'zhen.dongcheng');
    const { row, place } = await insertHousehold(t.db, '孙九');
    const plan = await planAndStart(env.client, t.db, taskQueue, {
      householdId: row.id,
      place,
      drawnBy: town.userId,
      at: Date.now() - 40 * DAY,
      measures: [{ code: 'employment' }],
      start: false,
    });
    const key = plan.tasks[0]!.taskKey;
    const overdue = await api.call('GET', `/tasks/overdue?townId=${place.townId}`, { token: await api.login('ducha') });
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.find((i: { key: string }) => i.key === key)).toMatchObject({
      department: { id: await departmentId(t.db, 'rs'), name: '人社局' },
      town: { name: '东城镇' },
      overdue: true,
      overdueDays: expect.any(Number),
    });
    expect(overdue.body.items.find((i: { key: string }) => i.key === key).overdueDays).toBeGreaterThanOrEqual(9);
    expect(await api.call('GET', '/tasks/overdue', { token: await api.login('bumen.rs') })).toMatchObject({ status: 403 });
    const mine = await api.call('GET', '/tasks?status=overdue', { token: await api.login('bumen.rs') });
    expect(mine.body.items.map((i: { key: string }) => i.key)).toContain(key);
  });


  it('the town draws up and confirms the plan over HTTP; the department completes it; the file shows plan and task', async () => {
    const { api, t, env } = stack;
    const actors = await demoActors(t.db);
    const townToken = await api.login('zhen.dongcheng');
    const created = await api.call('POST', '/households', {
      token: await api.login('cun.donggang'),
      body: { villageId: '990101001201', address: '东岗村二组3号', headName: '周十', category: 'lifted_out' },
    });
    const id = created.body.id as string;
    const handle = env.client.workflow.getHandle(householdWorkflowId(id));
    await applyUpdate(handle, openIdentification, { args: [{ actor: actors.cadre, channel: 'application', reason: '农户申报' }] });
    await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] });
    await applyUpdate(handle, decideStep, { args: [{ actor: actors.cadre, step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长'] }] });
    await applyUpdate(handle, decideStep, { args: [{ actor: actors.town, step: 'town_audit', decision: 'approve', opinion: '审核同意' }] });
    await applyUpdate(handle, decideStep, {
      args: [{ actor: actors.county, step: 'county_decision', decision: 'approve', opinion: '确定为监测对象', category: 'unstable', riskCauses: ['illness'] }],
    });

    const draft = await api.call('POST', `/households/${id}/plan/draft`, { token: townToken });
    expect(draft.status).toBe(200);
    expect(draft.body.measures.map((m: { code: string }) => m.code)).toContain('medical');
    const badDepartment = await api.call('POST', `/households/${id}/plan`, { token: townToken, body: { measures: [{ code: 'dibao_pension', departmentId: '00000000-0000-4000-8000-000000000000' }] } });
    expect(badDepartment).toMatchObject({ status: 400, body: { message: '所选承办部门不属于本县' } });
    const confirmed = await api.call('POST', `/households/${id}/plan`, { token: townToken, body: { measures: [{ code: 'dibao_pension', deadlineDays: 20 }], note: '先落实低保' } });
    expect(confirmed).toMatchObject({ status: 200, body: { planNo: 1, tasks: [{ measure: 'dibao_pension', departmentName: '民政局', deadlineDays: 20 }] } });
    const key = confirmed.body.tasks[0].taskKey as string;

    const mz = await api.login('bumen.mz');
    await eventually(async () => expect((await api.call('POST', `/tasks/${key}/accept`, { token: mz })).status).toBe(200));
    expect(
      await api.call('POST', `/tasks/${key}/complete`, { token: mz, body: { whatWasDone: '纳入低保', amountYuan: 500, date: today(), documents: [{ title: '审批表' }] } }),
    ).toMatchObject({ status: 200, body: { status: 'completed' } });
    await eventually(async () => {
      const file = await api.call('GET', `/households/${id}/file`, { token: townToken });
      const kinds = file.body.events.map((e: { kind: string }) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(['assistance_plan.confirmed', 'measure_task.assigned', 'measure_task.accepted', 'measure_task.completed']));
    });
    const tasks = await api.call('GET', `/households/${id}/tasks`, { token: townToken });
    expect(tasks.body.items).toMatchObject([{ key, status: 'completed', department: { name: '民政局' } }]);
  });
});

describe('what a department may read of the registry (issue 18, defect 6)', () => {
  it('reads the households its tasks concern and no other, in the list, the search and each household’s record', async () => {
    const { api, t, env, taskQueue } = stack;
    const town = await actorOf(t.db, 'zhen.dongcheng');
    const { row: assisted, place } = await insertHousehold(t.db, '郑有任务');
    const { row: other } = await insertHousehold(t.db, '郑无任务');
    await planAndStart(env.client, t.db, taskQueue, { householdId: assisted.id, place, drawnBy: town.userId, at: Date.now(), measures: [{ code: 'dibao_pension' }] });
    const [mz, rs, cadre] = [await api.login('bumen.mz'), await api.login('bumen.rs'), await api.login('cun.donggang')];
    await eventually(async () => expect((await api.call('GET', `/households/${assisted.id}`, { token: mz })).status).toBe(200));

    for (const path of ['', '/members', '/file', '/identification', '/tasks']) {
      expect(await api.call('GET', `/households/${other.id}${path}`, { token: mz })).toMatchObject({ status: 403, body: { message: '本部门没有该户的帮扶任务，不能查看该户信息' } });
    }
    // 人社局 has no task of this household's plan either.
    expect((await api.call('GET', `/households/${assisted.id}/file`, { token: rs })).status).toBe(403);
    const listed = (token: string, query: string) => api.call('GET', `/households?${query}`, { token }).then((r) => r.body.items.map((h: { id: string }) => h.id));
    expect(await listed(mz, 'name=郑')).toEqual([assisted.id]);
    expect(await listed(mz, 'limit=200')).not.toContain(other.id);
    expect(await listed(rs, 'name=郑')).toEqual([]);
    // The village reads both, as before.
    expect(await listed(cadre, 'name=郑')).toEqual(expect.arrayContaining([assisted.id, other.id]));
  });
});
