import { beforeAll, describe, expect, it } from 'vitest';
import { DONGCHENG, loginAll, thisMonth, userId, type Tokens } from '../helpers/journeys.js';
import { eventually } from '../helpers/wait.js';
import { pointDemoCountyAt } from '../helpers/profiles.js';
import { useStack, type Api } from '../helpers/stack.js';
import { departmentId } from '../helpers/tasks.js';

// Xinfeng's cadence [003] gives the county, 人社局 and each town items of their own in every month and quarter.
// 人社局 goes by its full name here: the seed's short name finds it by its code, not by its name.
const stack = useStack({
  server: 'dev',
  api: true,
  cadences: true,
  beforeStart: async (t) => {
    await pointDemoCountyAt(t.db, 'xinfeng');
    await t.owner.updateTable('departments').set({ name: '人力资源和社会保障局' }).where('code', '=', 'rs').execute();
  },
});
let tokens: Tokens;
beforeAll(async () => {
  tokens = await loginAll(stack.api);
});

/** The one open item of `kind` the user sees in the register, once the cadence workflow has opened it. */
async function openItem(api: Api, token: string, kind: string, query = ''): Promise<any> {
  let found: any;
  await eventually(async () => {
    const page = await api.call('GET', `/due-items?kind=${kind}${query}`, { token });
    expect(page.body.items).toHaveLength(1);
    found = page.body.items[0];
  });
  return found;
}

const itemsOf = async (api: Api, token: string, kind: string, state: 'open' | 'done') => (await api.call('GET', `/due-items?kind=${kind}&state=${state}`, { token })).body.items;
const doneBy = (key: string) => stack.t.db.selectFrom('due_items').select('done_by').where('item_key', '=', key).executeTakeFirstOrThrow();

describe('POST /county-items/:kind/:period/complete', () => {
  it('the county bureau closes the month’s data comparison, 人社局 its quarterly summary: done in the register once, late only after the deadline', async () => {
    const { api, t } = stack;
    const month = thisMonth();
    const comparison = await openItem(api, tokens.county, 'department_data_comparison');
    expect(comparison).toMatchObject({ kindName: '部门数据比对筛查', period: month, town: null, department: null, status: 'open' });
    const complete = (token: string, body: unknown, kind = 'department_data_comparison', period = month) =>
      api.call('POST', `/county-items/${kind}/${period}/complete`, { token, body });
    const summary = { summary: '已与民政、教育、医保、残联完成数据比对' };

    expect(await complete(tokens.rs, summary)).toMatchObject({ status: 403, body: { error: 'NotAllowed', message: '该事项不由您负责，不能办结' } });
    expect(await complete(tokens.town, summary)).toMatchObject({ status: 403, body: { message: '“乡镇干部”不能办理“办结台账事项”' } });
    expect(await complete(tokens.cadre, summary)).toMatchObject({ status: 403, body: { message: '“村干部”不能办理“办结台账事项”' } });
    expect(await complete(tokens.supervisor, summary)).toMatchObject({ status: 403, body: { message: '“督查人员”不能办理“办结台账事项”' } });
    expect(await complete(tokens.county, { summary: ' ' })).toMatchObject({ status: 400, body: { message: '填写的内容有误：请填写办理情况' } });
    expect(await complete(tokens.county, summary, 'department_data_comparison', '2026-13')).toMatchObject({
      status: 400,
      body: { message: '填写的内容有误：期次格式应为 YYYY、YYYY-MM 或 YYYY-Qn' },
    });
    expect(await complete(tokens.county, summary, 'Data-Comparison')).toMatchObject({ status: 400, body: { message: '填写的内容有误：事项类型格式不正确' } });
    expect(await complete(tokens.county, summary, 'department_data_comparison', '2030-01')).toMatchObject({
      status: 409,
      body: { error: 'WrongStep', message: '2030-01部门数据比对筛查尚未开始或不存在' },
    });
    expect(await itemsOf(api, tokens.county, 'department_data_comparison', 'open')).toEqual([comparison]);

    const done = await complete(tokens.county, summary);
    expect(done.status).toBe(200);
    const [closed] = await itemsOf(api, tokens.county, 'department_data_comparison', 'done');
    expect(closed).toMatchObject({ key: comparison.key, status: 'done', doneAt: done.body.doneAt });
    expect(done.body).toEqual({ kind: 'department_data_comparison', period: month, doneAt: closed.doneAt, late: Date.parse(closed.doneAt) >= Date.parse(comparison.dueAt) });
    expect(await itemsOf(api, tokens.county, 'department_data_comparison', 'open')).toEqual([]);
    expect((await doneBy(comparison.key)).done_by).toBe(await userId(api, tokens.county));
    expect(await complete(tokens.county, summary)).toMatchObject({ status: 409, body: { message: `${month}部门数据比对筛查已办结` } });

    // 人社局's own item: only its department sees and closes it.
    const rs = await departmentId(t.db, 'rs');
    const quarterly = await openItem(api, tokens.rs, 'hrss_quarter_summary');
    expect(quarterly).toMatchObject({ kindName: '人社局季度稳岗就业情况汇总', period: expect.stringMatching(/^\d{4}-Q[1-4]$/), department: { id: rs, name: '人力资源和社会保障局' } });
    expect(await itemsOf(api, tokens.mz, 'hrss_quarter_summary', 'open')).toEqual([]);
    const hrss = { summary: '本季度稳岗就业措施已汇总报县乡村振兴局' };
    expect(await complete(tokens.mz, hrss, 'hrss_quarter_summary', quarterly.period)).toMatchObject({ status: 403, body: { message: '该事项不由您负责，不能办结' } });
    expect(await complete(tokens.county, hrss, 'hrss_quarter_summary', quarterly.period)).toMatchObject({ status: 403, body: { message: '该事项不由您负责，不能办结' } });
    const summed = await complete(tokens.rs, hrss, 'hrss_quarter_summary', quarterly.period);
    expect(summed).toMatchObject({ status: 200, body: { kind: 'hrss_quarter_summary', period: quarterly.period } });
    expect((await itemsOf(api, tokens.rs, 'hrss_quarter_summary', 'done')).map((i: { key: string; doneAt: string }) => [i.key, i.doneAt])).toEqual([[quarterly.key, summed.body.doneAt]]);
  });
});

describe('POST /towns/:id/items/:kind/:period/complete', () => {
  it('the town officer closes the quarter’s screening: done in the register with what was done, once; other towns, the county and villages are refused', async () => {
    const { api, t } = stack;
    const screening = await openItem(api, tokens.town, 'town_quarterly_screening', `&townId=${DONGCHENG}`);
    expect(screening).toMatchObject({ kindName: '镇季度排查', period: expect.stringMatching(/^\d{4}-Q[1-4]$/), town: { id: DONGCHENG, name: '东城镇' }, household: null });
    const quarter = screening.period as string;
    const complete = (token: string, body: unknown, kind = 'town_quarterly_screening', period = quarter, town = DONGCHENG) =>
      api.call('POST', `/towns/${town}/items/${kind}/${period}/complete`, { token, body });
    const summary = { summary: '  已完成本季度全镇入户排查，新发现风险户2户  ' };

    expect(await complete(tokens.otherTown, summary)).toMatchObject({ status: 403, body: { error: 'FORBIDDEN', message: '只能办理本乡镇的事项' } });
    expect(await complete(tokens.county, summary)).toMatchObject({ status: 403, body: { message: '“县乡村振兴局”不能办理“办结乡镇事项”' } });
    expect(await complete(tokens.cadre, summary)).toMatchObject({ status: 403, body: { message: '“村干部”不能办理“办结乡镇事项”' } });
    expect(await complete(tokens.town, { summary: '' })).toMatchObject({ status: 400, body: { message: '填写的内容有误：请填写办理情况' } });
    expect((await complete(tokens.town, summary, 'nonsense')).body.message).toMatch(/^填写的内容有误：事项类型不在可选范围内：月度走访/);
    expect(await complete(tokens.town, summary, 'town_quarterly_screening', '2026-Q5')).toMatchObject({
      status: 400,
      body: { message: '填写的内容有误：期次格式应为 YYYY-MM（月）、YYYY-Qn（季度）或 YYYY（年度）' },
    });
    expect(await complete(tokens.town, summary, 'town_monthly_report', thisMonth())).toMatchObject({
      status: 400,
      body: { error: 'InvalidInput', message: '月度风险户和风险消除户报告请核对草稿后通过“上报”办理' },
    });
    expect(await complete(tokens.town, summary, 'town_quarterly_screening', quarter, '990101009')).toMatchObject({ status: 404, body: { message: '未找到该乡镇' } });
    expect(await complete(tokens.town, summary, 'town_quarterly_screening', '2030-Q1')).toMatchObject({ status: 409, body: { message: '本乡镇没有待办的2030年第一季度镇季度排查' } });
    expect(await itemsOf(api, tokens.town, 'town_quarterly_screening', 'done')).toEqual([]);

    const done = await complete(tokens.town, summary);
    expect(done.status).toBe(200);
    const [closed] = await itemsOf(api, tokens.town, 'town_quarterly_screening', 'done');
    expect(closed).toMatchObject({ key: screening.key, status: 'done', doneAt: done.body.doneAt });
    const late = Date.parse(closed.doneAt) >= Date.parse(screening.dueAt);
    expect(done.body).toEqual({ kind: 'town_quarterly_screening', period: quarter, doneAt: closed.doneAt, late });
    expect(await t.db.selectFrom('town_item_completions').select(['town_id', 'kind', 'period', 'summary', 'completed_by', 'late']).where('item_key', '=', screening.key).execute()).toEqual([
      { town_id: DONGCHENG, kind: 'town_quarterly_screening', period: quarter, summary: '已完成本季度全镇入户排查，新发现风险户2户', completed_by: await userId(api, tokens.town), late },
    ]);
    // Another town's screening of the quarter stays open (once its own workflow has opened it).
    await eventually(async () =>
      expect((await itemsOf(api, tokens.otherTown, 'town_quarterly_screening', 'open')).map((i: { period: string; town: { id: string } }) => [i.town.id, i.period])).toEqual([['990101002', quarter]]),
    );

    const [year, q] = quarter.split('-Q');
    expect(await complete(tokens.town, summary)).toMatchObject({ status: 409, body: { message: `${year}年第${'一二三四'[Number(q) - 1]}季度镇季度排查已办结` } });
  });
});
