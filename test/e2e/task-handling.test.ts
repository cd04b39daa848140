import { beforeAll, describe, expect, it } from 'vitest';
import { confirmPlan, dueItemsOf, fileEvents, loginAll, monitoredHousehold, userId, type Tokens } from '../helpers/journeys.js';
import { eventually } from '../helpers/wait.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack, type Api } from '../helpers/stack.js';
import { departmentId } from '../helpers/tasks.js';

const stack = useStack({ server: 'dev', api: true, beforeStart: (t) => demoCountyWithoutNotice(t.db, 'e2e-task-handling-no-notice') });
let tokens: Tokens;
beforeAll(async () => {
  tokens = await loginAll(stack.api);
});

/** A task key of the right shape whose household does not exist. */
const STRANGER_TASK = 'task-00000000-0000-4000-8000-000000000000-1-dibao_pension-1';

const tasksOf = async (api: Api, token: string, id: string): Promise<any[]> => (await api.call('GET', `/households/${id}/tasks`, { token })).body.items;
const taskIn = async (api: Api, token: string, id: string, key: string) => (await tasksOf(api, token, id)).find((task) => task.key === key);
const entriesOf = async (api: Api, id: string, taskKey: string) => (await fileEvents(api, tokens.town, id)).filter((e) => e.details?.taskKey === taskKey);
/** 2026-12-31 → 2026年12月31日, as the messages write a day. */
const dayCn = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
};

describe('POST /tasks/:key/hand-back', () => {
  it('the department hands a task back with its reason: the task ends, its register item is cancelled, the file records it and the town is told', async () => {
    const { api, t } = stack;
    const id = await monitoredHousehold(api, tokens, '许一');
    const [task] = await confirmPlan(api, tokens, id, [{ code: 'dibao_pension' }]);
    const key = task.taskKey as string;
    const handBack = (token: string, body: unknown, taskKey = key) => api.call('POST', `/tasks/${taskKey}/hand-back`, { token, body });
    const reason = { reason: 'not_eligible', text: '家庭财产超过低保标准' };

    expect(await handBack(tokens.rs, reason)).toMatchObject({ status: 403, body: { error: 'FORBIDDEN', message: '该任务不由您所在的部门承办，您不能办理' } });
    expect(await handBack(tokens.town, reason)).toMatchObject({ status: 403, body: { message: '只有承办部门的工作人员才能办理该任务' } });
    expect((await handBack(tokens.mz, { ...reason, reason: 'too_busy' })).status).toBe(400);
    expect(await handBack(tokens.mz, { ...reason, text: ' ' })).toMatchObject({ status: 400, body: { message: '填写的内容有误：请说明退回的具体理由' } });
    expect(await handBack(tokens.mz, reason, 'task-1')).toMatchObject({ status: 400, body: { message: '填写的内容有误：任务编号格式不正确' } });
    expect(await handBack(tokens.mz, reason, STRANGER_TASK)).toMatchObject({ status: 404, body: { message: '未找到该帮扶任务' } });
    expect(await taskIn(api, tokens.town, id, key)).toMatchObject({ status: 'assigned', handBack: null });

    const handedBack = await handBack(tokens.mz, reason);
    expect(handedBack).toMatchObject({ status: 200 });
    expect(handedBack.body).toEqual({ key, status: 'handed_back', statusName: '已退回', acceptedAt: null, completedAt: null, late: false, escalationLevel: 0 });

    const listed = await taskIn(api, tokens.town, id, key);
    expect(listed).toMatchObject({ status: 'handed_back', statusName: '已退回', handBack: { reason: 'not_eligible', reasonName: '不符合条件', text: '家庭财产超过低保标准' } });
    const item = await t.db.selectFrom('due_items').select(['status', 'kind']).where('item_key', '=', key).executeTakeFirstOrThrow();
    expect(item).toEqual({ kind: 'measure_task', status: 'cancelled' });
    expect((await dueItemsOf(api, tokens.town, id)).map((i) => i.key)).not.toContain(key);

    const entries = await entriesOf(api, id, key);
    expect(entries.map((e) => e.kind)).toEqual(['measure_task.assigned', 'measure_task.handed_back']);
    expect(entries[1]).toMatchObject({ kindName: '部门退回帮扶任务', actor: { id: await userId(api, tokens.mz), role: 'department' }, details: { reason: 'not_eligible', text: '家庭财产超过低保标准' } });
    const inbox = await api.call('GET', '/notifications', { token: tokens.town });
    expect(inbox.body.items.filter((n: { householdId: string; title: string }) => n.householdId === id && n.title === '【任务退回】低保和养老保险')).toEqual([
      expect.objectContaining({ body: '民政局退回了东城镇东岗村许一户的帮扶措施“低保和养老保险”，理由：不符合条件（家庭财产超过低保标准），请重新指派承办部门', read: false }),
    ]);

    expect(await handBack(tokens.mz, reason)).toMatchObject({ status: 409, body: { error: 'WrongStep', message: '该任务已退回，不能再办理' } });
    expect(await api.call('POST', `/tasks/${key}/accept`, { token: tokens.mz })).toMatchObject({ status: 409, body: { message: '该任务已退回，不能再办理' } });
  });
});

describe('POST /households/:id/tasks/:key/reassign', () => {
  it('the town gives a handed-back task to another department: a new task with its own deadline, in that department’s inbox and the file', async () => {
    const { api, t } = stack;
    const id = await monitoredHousehold(api, tokens, '何二');
    const tasks = await confirmPlan(api, tokens, id, [{ code: 'dibao_pension' }, { code: 'employment', required: false }]);
    const key = tasks.find((task) => task.measure === 'dibao_pension').taskKey as string;
    const employment = tasks.find((task) => task.measure === 'employment').taskKey as string;
    const rs = await departmentId(t.db, 'rs');
    const reassign = (token: string, body: Record<string, unknown>, taskKey = key) => api.call('POST', `/households/${id}/tasks/${taskKey}/reassign`, { token, body });
    const body = { departmentId: rs, deadlineDays: 15, note: '转人社局开发公益性岗位' };

    expect(await reassign(tokens.town, body)).toMatchObject({ status: 409, body: { error: 'WrongStep', message: '该任务待接收，只有部门退回的任务才能重新指派' } });
    expect((await api.call('POST', `/tasks/${key}/hand-back`, { token: tokens.mz, body: { reason: 'wrong_department', text: '应由人社局安置公益性岗位' } })).status).toBe(200);

    expect(await reassign(tokens.cadre, body)).toMatchObject({ status: 403, body: { error: 'NotAllowed', message: '“村干部”不能办理“重新指派帮扶任务”' } });
    expect(await reassign(tokens.otherTown, body)).toMatchObject({ status: 403, body: { error: 'FORBIDDEN', message: '该户不在您的管辖范围内' } });
    expect(await reassign(tokens.town, { ...body, departmentId: 'rs' })).toMatchObject({ status: 400, body: { message: '填写的内容有误：承办部门编号格式不正确' } });
    expect(await reassign(tokens.town, { ...body, departmentId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ status: 400, body: { message: '所选承办部门不属于本县' } });
    expect((await reassign(tokens.town, { ...body, deadlineDays: 0 })).body.message).toMatch(/^填写的内容有误：办理期限应为1至\d+天的整数$/);
    expect(await reassign(tokens.town, body, STRANGER_TASK)).toMatchObject({ status: 400, body: { error: 'InvalidInput', message: '该任务不属于此户' } });
    expect(await reassign(tokens.town, body, employment)).toMatchObject({ status: 409, body: { message: '该任务待接收，只有部门退回的任务才能重新指派' } });

    const reassigned = await reassign(tokens.town, body);
    expect(reassigned.status).toBe(200);
    const next = key.replace(/-1$/, '-2');
    expect(reassigned.body).toMatchObject({
      taskKey: next,
      planNo: 1,
      measure: 'dibao_pension',
      measureName: '低保和养老保险',
      departmentId: rs,
      departmentName: '人社局',
      deadlineDays: 15,
      required: true,
      reassignedFrom: key,
    });

    // The reassignment writes the new task; its own workflow then opens its register item and its file entry.
    const inbox = await api.call('GET', `/tasks?householdId=${id}`, { token: tokens.rs });
    // 人社局 now holds both: its own employment task and the reassigned one.
    expect(inbox.body.items.map((i: { key: string; status: string; reassignedFrom: string | null }) => [i.key, i.status, i.reassignedFrom]).sort()).toEqual(
      [
        [next, 'assigned', key],
        [employment, 'assigned', null],
      ].sort(),
    );
    const mz = await api.call('GET', `/tasks?householdId=${id}`, { token: tokens.mz });
    expect(mz.body.items.map((i: { key: string }) => i.key)).toEqual([key]);
    await eventually(async () => expect((await entriesOf(api, id, next)).map((e) => e.kind)).toEqual(['measure_task.reassigned', 'measure_task.assigned']));
    expect((await dueItemsOf(api, tokens.town, id)).find((i) => i.key === next)).toMatchObject({ kind: 'measure_task', department: { id: rs, name: '人社局' } });
    const [entry] = await entriesOf(api, id, next);
    expect(entry).toMatchObject({ kindName: '乡镇重新指派帮扶任务', actor: { id: await userId(api, tokens.town) }, details: { from: key, note: '转人社局开发公益性岗位', departmentName: '人社局', deadlineDays: 15 } });

    expect(await reassign(tokens.town, body)).toMatchObject({ status: 409, body: { message: '该任务已重新指派，请勿重复操作' } });
  });
});

describe('POST /households/:id/tasks/:key/waive', () => {
  it('the county states why an open required measure need not hold risk elimination back: recorded on the task and in the file, and the village may propose', async () => {
    const { api } = stack;
    const id = await monitoredHousehold(api, tokens, '吕三');
    const tasks = await confirmPlan(api, tokens, id, [{ code: 'dibao_pension' }, { code: 'employment', required: false }]);
    const key = tasks.find((task) => task.measure === 'dibao_pension').taskKey as string;
    const employment = tasks.find((task) => task.measure === 'employment').taskKey as string;
    const waive = (token: string, body: unknown, taskKey = key) => api.call('POST', `/households/${id}/tasks/${taskKey}/waive`, { token, body });
    const reason = { reason: '该户已纳入特困供养，不再办理低保' };
    const propose = () =>
      api.call('POST', `/households/${id}/elimination`, { token: tokens.cadre, body: { statement: '收入稳定，风险已消除', evidence: [{ title: '收入测算表' }] } });

    const lastDay = (await taskIn(api, tokens.town, id, key)).lastDay as string;
    expect(await propose()).toMatchObject({
      status: 409,
      body: {
        error: 'WrongStep',
        message: `以下必要帮扶措施尚未办结，不能提出风险消除：低保和养老保险（民政局，期限${dayCn(lastDay)}）。请督促承办部门办结，或由县乡村振兴局说明理由后再提出`,
      },
    });

    expect(await waive(tokens.town, reason)).toMatchObject({ status: 403, body: { error: 'NotAllowed', message: '“乡镇干部”不能办理“说明必要措施未办结的理由”' } });
    expect(await waive(tokens.mz, reason)).toMatchObject({ status: 403, body: { message: '“行业部门”不能办理“说明必要措施未办结的理由”' } });
    expect(await waive(tokens.county, { reason: ' ' })).toMatchObject({ status: 400, body: { message: '填写的内容有误：请填写理由' } });
    expect(await waive(tokens.county, reason, STRANGER_TASK)).toMatchObject({ status: 400, body: { message: '该任务不属于此户' } });
    expect(await waive(tokens.county, reason, employment)).toMatchObject({ status: 409, body: { message: '该措施不是风险消除的必要措施，无需说明' } });
    expect((await taskIn(api, tokens.town, id, key)).waiver).toBeNull();

    const waived = await waive(tokens.county, reason);
    expect(waived).toMatchObject({ status: 200, body: { measure: 'dibao_pension', open: [] } });
    // The task stays the department's to do; the reason stands beside it.
    expect(await taskIn(api, tokens.town, id, key)).toMatchObject({ status: 'assigned', waiver: { reason: reason.reason } });
    const [entry] = (await entriesOf(api, id, key)).filter((e) => e.kind === 'measure_task.requirement_waived');
    expect(entry).toMatchObject({
      kindName: '县级说明理由，该措施不作为风险消除前提',
      actor: { id: await userId(api, tokens.county), role: 'county_bureau' },
      details: { taskKey: key, measure: 'dibao_pension', measureName: '低保和养老保险', reason: reason.reason },
    });

    expect(await waive(tokens.county, reason)).toMatchObject({ status: 409, body: { message: '县级已对该措施作出说明' } });
    expect(await propose()).toMatchObject({ status: 200, body: { caseNo: 1, current: 'town_audit' } });
  });
});
