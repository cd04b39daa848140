import { beforeAll, describe, expect, it } from 'vitest';
import {
  dayAfter,
  dueItemsOf,
  fileEvents,
  loginAll,
  monitoredHousehold,
  monthAfter,
  registerHousehold,
  thisMonth,
  today,
  userId,
  type Tokens,
} from '../helpers/journeys.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';

const stack = useStack({ server: 'dev', api: true, beforeStart: (t) => demoCountyWithoutNotice(t.db, 'e2e-monitoring-no-notice') });
let tokens: Tokens;
beforeAll(async () => {
  tokens = await loginAll(stack.api);
});

const doneBy = (key: string) => stack.t.db.selectFrom('due_items').select('done_by').where('item_key', '=', key).executeTakeFirstOrThrow();

describe('POST /households/:id/monthly-updates', () => {
  it('the village files a monitoring object’s update: the month’s item closes, the file records it, and income above the line suggests risk elimination', async () => {
    const { api } = stack;
    const id = await monitoredHousehold(api, tokens, '冯一');
    const month = thisMonth();
    // Registered after the month's deadline (the 20th), a household is first due next month: then there is no item to close.
    const item = (await dueItemsOf(api, tokens.cadre, id)).find((i) => i.kind === 'monthly_update' && i.period === month);
    const before = (await fileEvents(api, tokens.cadre, id)).length;

    const update = await api.call('POST', `/households/${id}/monthly-updates`, {
      token: tokens.cadre,
      body: {
        period: month,
        note: '本月务工收入稳定',
        income: [{ period: month, kind: 'wages', yuan: 30000 }],
        memberCount: 1,
        memberChanges: '无变化',
        policiesEnjoyed: ['城乡居民基本医疗保险'],
      },
    });
    expect(update.status).toBe(200);

    const done = (await dueItemsOf(api, tokens.cadre, id, 'done')).filter((i) => i.kind === 'monthly_update');
    expect(done.map((i) => i.key)).toEqual(item ? [item.key] : []);
    const late = item ? Date.parse(done[0].doneAt) >= Date.parse(item.dueAt) : true;
    expect(update.body).toEqual({ period: month, late, signal: 'elimination_suggested' });
    expect((await dueItemsOf(api, tokens.cadre, id)).map((i) => i.kind)).not.toContain('monthly_update');
    if (item) expect((await doneBy(item.key)).done_by).toBe(await userId(api, tokens.cadre));

    const events = (await fileEvents(api, tokens.town, id)).slice(before);
    expect(events.map((e) => e.kind)).toEqual(['monthly_update.submitted', 'monitoring.assessed', 'monitoring.elimination_suggested']);
    expect(events[0]).toMatchObject({
      kindName: '月度信息更新',
      actor: { name: '东岗村 村干部', role: 'village_cadre' },
      details: { period: month, late, note: '本月务工收入稳定', memberChanges: '无变化', policiesEnjoyed: ['城乡居民基本医疗保险'] },
    });
    // This month's wages replace those the application reported for it: the latest submission of a month and kind is in force.
    expect(events[1]).toMatchObject({
      kindName: '月度收支研判',
      actor: null,
      details: { period: month, summary: { period: month, members: 1, conclusion: 'not_eligible', perCapitaFen: 3_000_000, monitoringLine: 11520, belowMonitoring: false } },
    });
    expect(events[2]).toMatchObject({
      kindName: '建议启动风险消除',
      actor: null,
      details: { period: month, reasons: [`${month} 人均收入 30,000.00 元，已高于监测标准 11,520 元，且无风险情形，建议启动风险消除程序`] },
    });
  });

  it('refuses another village, a department and bad input, writing nothing', async () => {
    const { api } = stack;
    const id = await registerHousehold(api, tokens, '褚三');
    const month = thisMonth();
    const [next, last] = [monthAfter(month, 1), monthAfter(month, -1)];
    const events = await fileEvents(api, tokens.cadre, id);
    const open = await dueItemsOf(api, tokens.cadre, id);
    const update = (token: string, body: Record<string, unknown>) => api.call('POST', `/households/${id}/monthly-updates`, { token, body });

    expect(await update(tokens.otherCadre, { period: month })).toMatchObject({ status: 403, body: { error: 'FORBIDDEN', message: '该户不在您的管辖范围内' } });
    // A department without a task of this household does not reach it at all (issue 18, defect 6).
    expect(await update(tokens.mz, { period: month })).toMatchObject({ status: 403, body: { error: 'FORBIDDEN', message: '本部门没有该户的帮扶任务，不能查看该户信息' } });
    expect(await update(tokens.county, { period: month })).toMatchObject({ status: 403, body: { message: '“县乡村振兴局”不能办理“月度信息更新”' } });

    const badPeriod = await update(tokens.cadre, { period: '2026-13' });
    expect(badPeriod).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT', message: '填写的内容有误：月份格式应为 YYYY-MM' } });
    expect((await update(tokens.cadre, { period: month, memberCount: 0 })).body.message).toBe('填写的内容有误：家庭人口数至少为1');
    expect(await update(tokens.cadre, { period: next })).toMatchObject({ status: 400, body: { error: 'InvalidInput', message: `${next} 尚未到来，不能提前填报` } });
    expect(await update(tokens.cadre, { period: last })).toMatchObject({ status: 400, body: { message: `${last} 早于该户建档时间` } });
    expect(await update(tokens.cadre, { period: month, income: [{ period: next, kind: 'wages', yuan: 100 }] })).toMatchObject({
      status: 400,
      body: { message: `${next} 的收支晚于本次更新的月份 ${month}` },
    });
    expect(await api.call('POST', `/households/${id}/monthly-updates`, { body: { period: month } })).toMatchObject({ status: 401, body: { message: '请先登录' } });

    expect(await fileEvents(api, tokens.cadre, id)).toEqual(events);
    expect(await dueItemsOf(api, tokens.cadre, id)).toEqual(open);
  });
});

describe('POST /households/:id/visits', () => {
  it('the town records a visit with its form: the month’s visit item closes, the file records it, and a risk found raises a warning', async () => {
    const { api } = stack;
    const id = await registerHousehold(api, tokens, '陈二');
    const month = thisMonth();
    const visitedOn = today();
    const item = (await dueItemsOf(api, tokens.cadre, id)).find((i) => i.kind === 'monthly_visit' && i.period === month);
    expect(item).toBeDefined();
    const before = (await fileEvents(api, tokens.cadre, id)).length;

    const visit = await api.call('POST', `/households/${id}/visits`, {
      token: tokens.town,
      body: { period: month, visitedOn, findings: '户主务工受伤，暂无收入', risksFound: ['accident'], threats: { safeHousing: false } },
    });
    expect(visit.status).toBe(200);
    const [done] = (await dueItemsOf(api, tokens.cadre, id, 'done')).filter((i) => i.kind === 'monthly_visit');
    expect(done).toMatchObject({ key: item.key, period: month, status: 'done' });
    const late = Date.parse(done.doneAt) >= Date.parse(item.dueAt);
    expect(visit.body).toEqual({ period: month, late, signal: 'warning' });
    expect((await doneBy(item.key)).done_by).toBe(await userId(api, tokens.town));

    const events = (await fileEvents(api, tokens.cadre, id)).slice(before);
    expect(events.map((e) => [e.kind, e.kindName])).toEqual([
      ['monitoring.visited', '入户走访'],
      ['monitoring.warning_raised', '风险预警'],
    ]);
    expect(events[0]).toMatchObject({
      actor: { name: '东城镇 乡村振兴办', role: 'town_officer' },
      details: { period: month, late, visitedOn, findings: '户主务工受伤，暂无收入', risksFound: ['accident'], threats: { safeHousing: false }, screeningsAnswered: 0 },
    });
    expect(events[1]).toMatchObject({ actor: null, details: { period: month, reasons: [`${visitedOn} 入户走访发现风险：户主务工受伤，暂无收入`] } });

    // A second visit in the month finds nothing: filed, no warning, the item stays closed as it was.
    const again = await api.call('POST', `/households/${id}/visits`, { token: tokens.cadre, body: { period: month, visitedOn, findings: '伤情好转，已复工' } });
    expect(again).toMatchObject({ status: 200, body: { period: month, late, signal: 'none' } });
    expect((await fileEvents(api, tokens.cadre, id)).slice(before + 2).map((e) => e.kind)).toEqual(['monitoring.visited']);
    expect((await dueItemsOf(api, tokens.cadre, id, 'done')).filter((i) => i.kind === 'monthly_visit')).toEqual([done]);
  });

  it('refuses another town, the county bureau and bad input, writing nothing', async () => {
    const { api } = stack;
    const id = await registerHousehold(api, tokens, '卫四');
    const month = thisMonth();
    const tomorrow = dayAfter(today());
    const events = await fileEvents(api, tokens.cadre, id);
    const open = await dueItemsOf(api, tokens.cadre, id);
    const visit = (token: string, body: Record<string, unknown>) =>
      api.call('POST', `/households/${id}/visits`, { token, body: { period: month, visitedOn: today(), findings: '家中情况正常', ...body } });

    expect(await visit(tokens.otherTown, {})).toMatchObject({ status: 403, body: { message: '该户不在您的管辖范围内' } });
    expect(await visit(tokens.county, {})).toMatchObject({ status: 403, body: { error: 'NotAllowed', message: '“县乡村振兴局”不能办理“入户走访”' } });
    expect(await visit(tokens.supervisor, {})).toMatchObject({ status: 403, body: { message: '“督查人员”不能办理“入户走访”' } });

    expect(await visit(tokens.cadre, { findings: '  ' })).toMatchObject({ status: 400, body: { message: '填写的内容有误：请填写走访发现的情况' } });
    expect(await visit(tokens.cadre, { visitedOn: '2026/12/01' })).toMatchObject({ status: 400, body: { message: '填写的内容有误：走访日期格式应为 YYYY-MM-DD' } });
    expect((await visit(tokens.cadre, { risksFound: ['bad_luck'] })).status).toBe(400);
    expect(await visit(tokens.cadre, { visitedOn: `${monthAfter(month, -1)}-15` })).toMatchObject({
      status: 400,
      body: { error: 'InvalidInput', message: `走访日期应为 ${month} 内的日期（YYYY-MM-DD）` },
    });
    // A day the month does not have is no visit date: refused at the edge, before the workflow sees it.
    expect(await visit(tokens.cadre, { visitedOn: `${month}-00` })).toMatchObject({ status: 400, body: { message: `填写的内容有误：走访日期：日期 ${month}-00 不存在` } });
    expect(await visit(tokens.cadre, { visitedOn: tomorrow })).toMatchObject({
      status: 400,
      body: { message: tomorrow.startsWith(month) ? `走访日期不能晚于今天（${today()}）` : `走访日期应为 ${month} 内的日期（YYYY-MM-DD）` },
    });

    expect(await fileEvents(api, tokens.cadre, id)).toEqual(events);
    expect(await dueItemsOf(api, tokens.cadre, id)).toEqual(open);
  });
});
