import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../domain/people/id-number.js';
import { resumePendingComparisonDiscoveries } from '../../api/services/comparison.js';
import { addDays, endOfLocalDay, toLocalDate } from '../../domain/calendar/dates.js';
import { fileEvents, loginAll, monitoredHousehold, registerHousehold, thisMonth, type Tokens } from '../helpers/journeys.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'dev', api: true, beforeStart: (t) => demoCountyWithoutNotice(t.db, 'e2e-comparison') });

const id = (seq: number, birth = '19700101') => {
  const first17 = `990101${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const A_HEAD = id(11);
const A_CHILD = id(12, '20120301');
const B_HEAD = id(21);
const C_HEAD = id(31);
const STRANGER = id(41);
const BAD_ID = `${A_HEAD.slice(0, 17)}${A_HEAD.endsWith('0') ? '1' : '0'}`;

const month = thisMonth();
const csv = (headings: readonly string[], rows: readonly (readonly string[])[]) => `${[headings, ...rows].map((r) => r.join(',')).join('\n')}\n`;
const COMMON = ['身份证号', '姓名', '数据月份'];

async function sendFeed(token: string, feed: string, content: string, fileName = `${feed}.csv`, forMonth = month) {
  const form = new FormData();
  form.append('file', new Blob([content]), fileName);
  const response = await fetch(`${stack.api.base}/api/comparison/feeds/${feed}/${forMonth}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}

const FEEDS = {
  yb_medical: csv([...COMMON, '年度个人自付费用（元）', '住院次数'], [
    [A_HEAD, '甲', month, '12000', '2'],
    [B_HEAD, '乙', month, '500', '0'],
    [C_HEAD, '丙', month, '20000', '3'],
    [STRANGER, '外', month, '15000', '1'],
    [BAD_ID, '错', month, '100', '0'],
  ]),
  jy_schooling: csv([...COMMON, '就学状态', '资助金额（元）'], [[A_CHILD, '甲子', month, '辍学', '']]),
  cl_disability: csv([...COMMON, '残疾等级'], [[A_HEAD, '甲', month, '二级']]),
  zj_housing: csv([...COMMON, '房屋安全等级', '是否唯一住房'], [[B_HEAD, '乙', month, 'D级', '是']]),
  sl_water: csv([...COMMON, '水质检测结果'], [[A_HEAD, '甲', month, '合格']]),
  rs_employment: csv([...COMMON, '就业状态', '是否参保'], [[A_HEAD, '甲', month, '就业', '是']]),
  mz_dibao: csv([...COMMON, '保障状态', '月保障金额（元）'], [[B_HEAD, '乙', month, '在保', '500'], [C_HEAD, '丙', month, '在保', '500']]),
} as const;
const UPLOADER: Record<keyof typeof FEEDS, string> = { yb_medical: 'bumen.yb', jy_schooling: 'bumen.jy', cl_disability: 'bumen.cl', zj_housing: 'bumen.zj', sl_water: 'bumen.sl', rs_employment: 'bumen.rs', mz_dibao: 'bumen.mz' };

let tokens: Tokens;
let a: string;
let b: string;
let c: string;
const count = async (table: string, where = sql`true`) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(stack.t.owner)).rows[0]!.n);

async function member(household: string, name: string, idNumber: string, relation: string) {
  const added = await stack.api.call('POST', `/households/${household}/members`, { token: tokens.cadre, body: { name, idNumber, relation, labourAbility: relation === 'child' ? 'none' : 'capable' } });
  expect(added.status).toBe(201);
}
async function consent(household: string) {
  const signed = await stack.api.call('POST', `/households/${household}/consents`, {
    token: tokens.cadre,
    body: { signerName: '户主', signedOn: '2026-01-05', covers: ['income', 'assets', 'social_security', 'medical', 'education', 'housing'], document: '承诺授权书（纸质）第1号' },
  });
  expect(signed.status).toBe(201);
}

beforeAll(async () => {
  tokens = await loginAll(stack.api);
  a = await monitoredHousehold(stack.api, tokens, '甲');
  await member(a, '甲', A_HEAD, 'head');
  await member(a, '甲子', A_CHILD, 'child');
  b = await registerHousehold(stack.api, tokens, '乙');
  await member(b, '乙', B_HEAD, 'head');
  c = await registerHousehold(stack.api, tokens, '丙');
  await member(c, '丙', C_HEAD, 'head');
  await consent(a);
  await consent(b);
}, 240_000);

describe('department data comparison 部门数据比对 over HTTP', () => {
  it('compares seven departments’ feeds: exactly the facts, warnings, follow-ups, discoveries, candidates and skipped households the fixture implies', async () => {
    for (const [feed, content] of Object.entries(FEEDS) as [keyof typeof FEEDS, string][]) {
      const sent = await sendFeed(await stack.api.login(UPLOADER[feed]), feed, content);
      expect(sent, feed).toMatchObject({ status: 201, body: { feed, repeated: false } });
    }
    const facts = (await sql<{ household_id: string; kind: string; member_id: string | null; value: Record<string, unknown> }>`
      select household_id, kind, member_id, value from household_facts where source = 'department' order by household_id, kind`.execute(stack.t.owner)).rows;
    const byKind = (h: string) => facts.filter((f) => f.household_id === h).map((f) => [f.kind, f.value]);
    expect(byKind(a)).toEqual(expect.arrayContaining([
      ['medical_out_of_pocket', { yuan: 12000, hospitalStays: 2 }],
      ['schooling', { status: 'out_of_school' }],
      ['disability', { grade: '2' }],
      ['drinking_water', { status: 'safe' }],
      ['employment', { employed: true, insured: true }],
    ]));
    expect(byKind(a)).toHaveLength(5);
    expect(byKind(b)).toEqual(expect.arrayContaining([
      ['medical_out_of_pocket', { yuan: 500, hospitalStays: 0 }],
      ['housing', { safetyGrade: 'D', soleResidence: true }],
      ['social_assistance', { programme: 'dibao', status: 'in_care', monthlyYuan: 500 }],
    ]));
    expect(byKind(b)).toHaveLength(3);
    expect(byKind(c)).toEqual([]);

    const warnings = (await sql<{ household_id: string; rule: string; routed: string; due_item_key: string | null }>`
      select household_id, rule, routed, due_item_key from comparison_warnings order by household_id, rule`.execute(stack.t.owner)).rows;
    expect(warnings.filter((w) => w.household_id === a).map((w) => [w.rule, w.routed]).sort()).toEqual([
      ['disability_severe_new', 'follow_up'],
      ['dropout', 'follow_up'],
      ['medical_above_line', 'follow_up'],
    ]);
    expect(warnings.filter((w) => w.household_id === b).map((w) => [w.rule, w.routed]).sort()).toEqual([
      ['house_c_d', 'discovery'],
      ['mz_dibao_new', 'discovery'],
    ]);
    expect(warnings).toHaveLength(5);

    // Each follow-up of the monitored household has its clock: the profile's 15 days, to the end of the day.
    const due = (await sql<{ due_at: Date; town_id: string }>`select due_at, town_id from due_items where kind = 'comparison_follow_up' and household_id = ${a}`.execute(stack.t.owner)).rows;
    expect(due).toHaveLength(3);
    const expectedDue = endOfLocalDay(addDays(toLocalDate(Date.now()), 15));
    for (const d of due) expect(Math.abs(d.due_at.getTime() - expectedDue)).toBeLessThan(24 * 3600 * 1000 + 1);
    expect(await count('notifications', sql`kind = 'comparison.warning'`)).toBe(10);

    // The household not monitored gets a discovery: one case, opened by the first warning, joined by the second.
    await eventually(async () => {
      const rows = (await sql<{ discovery: string }>`select discovery from comparison_warnings where household_id = ${b} order by id`.execute(stack.t.owner)).rows;
      expect(rows.map((r) => r.discovery)).toEqual(['opened', 'joined']);
    });
    // Saved while Temporal was out of reach, they stay pending: the API's sweep at start hands them over, once (the update id is the warning's).
    await sql`update comparison_warnings set discovery = 'pending' where household_id = ${b}`.execute(stack.t.owner);
    expect(await resumePendingComparisonDiscoveries(stack.api.app)).toEqual({ checked: 2, handed: 2 });
    const swept = (await sql<{ discovery: string }>`select discovery from comparison_warnings where household_id = ${b} order by id`.execute(stack.t.owner)).rows;
    expect(swept.map((r) => r.discovery)).toEqual(['opened', 'joined']);
    const caseOfB = await stack.api.call('GET', `/households/${b}/identification`, { token: tokens.cadre });
    expect(caseOfB.status).toBe(200);
    expect(JSON.stringify(caseOfB.body)).toContain('department_warning');

    // The household file names each feed.
    const file = await fileEvents(stack.api, tokens.cadre, a);
    expect(file.filter((e) => e.kind === 'comparison.matched')).toHaveLength(5);

    const report = await stack.api.call('GET', `/comparison/${month}`, { token: tokens.county });
    expect(report.status).toBe(200);
    const yb = report.body.departments.find((d: { feed: string }) => d.feed === 'yb_medical');
    expect(yb).toMatchObject({ received: true, rowsReceived: 5, matched: 2, unknown: 1, rejected: 1, noConsent: 1, warnings: 1, householdsAffected: 2 });
    const t = report.body.totals;
    expect(t).toMatchObject({ rowsReceived: 12, matched: 8, unknown: 1, rejected: 1, noConsent: 2, warnings: 5 });
    expect(t.rowsReceived).toBe(t.matched + t.unknown + t.rejected + t.noConsent);
    expect(report.body.departments.find((d: { feed: string }) => d.feed === 'jr_loans')).toMatchObject({ received: false, rowsReceived: 0 });
    expect(report.body.skipped.map((r: { name: string; feedName: string }) => [r.feedName, r.name]).sort()).toEqual([['医保 个人自付与住院', '丙'], ['民政 低保', '丙']]);
    expect(report.body.candidates.map((r: { name: string }) => r.name)).toEqual(['外']);
    expect(report.body.warnings).toHaveLength(5);
    expect(report.body.warnings.find((w: { rule: string }) => w.rule === 'medical_above_line')).toMatchObject({ feedName: '医保 个人自付与住院', rowNo: 2, month, headName: '甲', routed: 'follow_up' });

    const exported = await fetch(`${stack.api.base}/api/comparison/${month}/export`, { headers: { authorization: `Bearer ${tokens.county}` } });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('changes nothing when the same feed is sent again', async () => {
    const before = await Promise.all(['household_facts', 'comparison_warnings', 'comparison_batches', 'comparison_rows', 'household_events', 'due_items', 'notifications'].map((table) => count(table)));
    const again = await sendFeed(await stack.api.login('bumen.yb'), 'yb_medical', FEEDS.yb_medical);
    expect(again).toMatchObject({ status: 200, body: { repeated: true, rowsReceived: 5 } });
    const after = await Promise.all(['household_facts', 'comparison_warnings', 'comparison_batches', 'comparison_rows', 'household_events', 'due_items', 'notifications'].map((table) => count(table)));
    expect(after).toEqual(before);
  });

  it('keeps one batch when the same new file is sent twice at once: the second waits for the first and answers repeated', async () => {
    const sl = await stack.api.login('bumen.sl');
    const file = csv([...COMMON, '水质检测结果'], [[STRANGER, '外', month, '未检测']]);
    const both = await Promise.all([sendFeed(sl, 'sl_water', file), sendFeed(sl, 'sl_water', file)]);
    expect(both.map((r) => [r.status, r.body.repeated]).sort()).toEqual([[200, true], [201, false]]);
    expect(both[0].body.id).toBe(both[1].body.id);
  });

  it('refuses a wrong month, another county, another department’s feed, unknown or missing columns, a future month, each in Chinese and writing nothing', async () => {
    const yb = await stack.api.login('bumen.yb');
    const mz = await stack.api.login('bumen.mz');
    const rows = await count('comparison_rows');
    const other = month === '2026-01' ? '2025-12' : `${month.slice(0, 5)}${String(Number(month.slice(5)) - 1).padStart(2, '0')}`;
    const wrongMonth = await sendFeed(yb, 'yb_medical', csv([...COMMON, '年度个人自付费用（元）'], [[A_HEAD, '甲', month, '1'], [B_HEAD, '乙', other, '1']]));
    expect(wrongMonth).toMatchObject({ status: 400, body: { message: `第3行的数据月份是${other}，与本次比对月份${month}不符，整份文件未导入` } });
    const wrongCounty = await sendFeed(yb, 'yb_medical', csv([...COMMON, '年度个人自付费用（元）', '县级区划代码'], [[A_HEAD, '甲', month, '1', '440233']]));
    expect(wrongCounty).toMatchObject({ status: 400, body: { message: '第2行的县级区划代码不是本县的，整份文件未导入' } });
    const otherDepartment = await sendFeed(mz, 'yb_medical', FEEDS.yb_medical);
    expect(otherDepartment).toMatchObject({ status: 403, body: { message: '这类数据由医保局上传，本部门不能上传其他部门的数据' } });
    const unknownColumn = await sendFeed(yb, 'yb_medical', csv([...COMMON, '年度个人自付费用（元）', '银行卡号'], [[A_HEAD, '甲', month, '1', '6222']]));
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body.message).toContain('银行卡号');
    const missing = await sendFeed(yb, 'yb_medical', csv(COMMON, [[A_HEAD, '甲', month]]));
    expect(missing).toMatchObject({ status: 400, body: { message: '文件缺少这些列：年度个人自付费用（元），整份文件未导入' } });
    const future = await sendFeed(yb, 'yb_medical', FEEDS.yb_medical, 'yb.csv', '2099-01');
    expect(future).toMatchObject({ status: 400, body: { message: '比对月份不能晚于本月' } });
    const notSheet = await sendFeed(yb, 'yb_medical', 'x', 'yb.pdf');
    expect(notSheet).toMatchObject({ status: 400, body: { message: '请上传 .xlsx 或 .csv 格式的比对数据文件' } });
    expect(await count('comparison_rows')).toBe(rows);
  });

  it('keeps a follow-up open until someone records what was done, once', async () => {
    const report = await stack.api.call('GET', `/comparison/${month}`, { token: tokens.town });
    const warning = report.body.warnings.find((w: { rule: string }) => w.rule === 'medical_above_line');
    expect(warning).toMatchObject({ followedUpAt: null });
    expect(warning.dueAt).not.toBeNull();
    // A town sees its own skipped households; the unknown person's row names no town, so no town sees it.
    expect(report.body.skipped.map((r: { name: string }) => r.name)).toEqual(['丙', '丙']);
    expect(report.body.candidates).toEqual([]);
    const elsewhere = await stack.api.call('GET', `/comparison/${month}`, { token: tokens.otherTown });
    expect([elsewhere.body.warnings, elsewhere.body.skipped, elsewhere.body.candidates]).toEqual([[], [], []]);
    const outsider = await stack.api.call('POST', `/comparison/warnings/${warning.id}/follow-up`, { token: tokens.otherTown, body: { note: '已核实' } });
    expect(outsider.status).toBe(404);
    const done = await stack.api.call('POST', `/comparison/warnings/${warning.id}/follow-up`, { token: tokens.town, body: { note: '已入户核实，申请医疗救助' } });
    expect(done.status).toBe(200);
    const again = await stack.api.call('POST', `/comparison/warnings/${warning.id}/follow-up`, { token: tokens.town, body: { note: '再次' } });
    expect(again).toMatchObject({ status: 409, body: { message: '这条预警已经记录了跟进情况' } });
    const item = (await sql<{ status: string }>`select d.status from due_items d join comparison_warnings w on w.due_item_key = d.item_key where w.id = ${warning.id}`.execute(stack.t.owner)).rows;
    expect(item).toEqual([{ status: 'done' }]);
    expect(await count('due_items', sql`kind = 'comparison_follow_up' and status = 'open'`)).toBe(2);
  });

  it('skips a household whose consent was withdrawn', async () => {
    const consents = await stack.api.call('GET', `/households/${a}/consents`, { token: tokens.cadre });
    const withdrawn = await stack.api.call('POST', `/households/${a}/consents/${consents.body.items[0].id}/withdrawal`, { token: tokens.cadre, body: { note: '户主撤回授权' } });
    expect(withdrawn.status).toBe(200);
    const facts = await count('household_facts', sql`household_id = ${a} and kind = 'loan'`);
    const sent = await sendFeed(await stack.api.login('bumen.jr'), 'jr_loans', csv([...COMMON, '贷款金额（元）', '是否逾期'], [[A_HEAD, '甲', month, '30000', '是']]));
    expect(sent).toMatchObject({ status: 201, body: { rowsReceived: 1, matched: 0, noConsent: 1, warnings: 0 } });
    expect(await count('household_facts', sql`household_id = ${a} and kind = 'loan'`)).toBe(facts);
  });
});

describe('a department’s own system pushes its feed 部门系统推送', () => {
  const push = (token: string, feed: string, rows: unknown, forMonth = month) => stack.api.call('POST', `/comparison/feeds/${feed}/${forMonth}/rows`, { token, body: { rows } });

  it('compares pushed JSON rows as an upload, answers the same rows again as repeated, and refuses what an upload refuses', async () => {
    const cl = await stack.api.login('bumen.cl');
    const listed = await stack.api.call('GET', `/comparison/feeds/${month}`, { token: cl });
    expect(listed.body.items.find((f: { id: string }) => f.id === 'cl_disability').fields).toEqual([
      { field: 'idNumber', heading: '身份证号', required: true },
      { field: 'name', heading: '姓名', required: true },
      { field: 'month', heading: '数据月份', required: true },
      { field: 'countyCode', heading: '县级区划代码', required: false },
      { field: 'town', heading: '乡镇', required: false },
      { field: 'grade', heading: '残疾等级', required: true },
    ]);
    const rows = [{ idNumber: B_HEAD, name: '乙', month, grade: '一级' }, { idNumber: STRANGER, name: '外', month, grade: 3 }, { idNumber: BAD_ID, name: '错', month, grade: '二级' }];
    const sent = await push(cl, 'cl_disability', rows);
    expect(sent).toMatchObject({ status: 201, body: { feed: 'cl_disability', fileName: '部门系统推送', rowsReceived: 3, matched: 1, unknown: 1, rejected: 1, warnings: 1, repeated: false } });
    const warning = (await sql<{ rule: string; routed: string; row_no: number }>`select rule, routed, row_no from comparison_warnings where batch_id = ${sent.body.id}`.execute(stack.t.owner)).rows;
    expect(warning).toEqual([{ rule: 'disability_severe_new', routed: 'discovery', row_no: 1 }]);
    // Its discovery joins the household's identification case, handed over by the month's workflow.
    await eventually(async () => {
      const handed = (await sql<{ discovery: string }>`select discovery from comparison_warnings where batch_id = ${sent.body.id}`.execute(stack.t.owner)).rows;
      expect(handed).toEqual([{ discovery: 'joined' }]);
    });

    const tables = ['household_facts', 'comparison_warnings', 'comparison_batches', 'comparison_rows', 'household_events', 'notifications'];
    const before = await Promise.all(tables.map((table) => count(table)));
    expect(await push(cl, 'cl_disability', rows)).toMatchObject({ status: 200, body: { id: sent.body.id, repeated: true } });
    expect(await push(await stack.api.login('bumen.mz'), 'cl_disability', rows)).toMatchObject({ status: 403, body: { message: '这类数据由残联上传，本部门不能上传其他部门的数据' } });
    expect(await push(cl, 'cl_disability', [{ idNumber: B_HEAD, name: '乙', month, grade: '一级', bankCard: '6222' }])).toMatchObject({ status: 400, body: { message: '文件里有本类数据没有的列：bankCard。请使用本类数据的模板，或确认没有选错数据类别，整份文件未导入' } });
    expect(await push(cl, 'cl_disability', [{ idNumber: B_HEAD, name: '乙', month }])).toMatchObject({ status: 400, body: { message: '文件缺少这些列：残疾等级，整份文件未导入' } });
    const other = month === '2026-01' ? '2025-12' : `${month.slice(0, 5)}${String(Number(month.slice(5)) - 1).padStart(2, '0')}`;
    expect(await push(cl, 'cl_disability', [{ idNumber: B_HEAD, name: '乙', month: other, grade: '一级' }])).toMatchObject({ status: 400, body: { message: `第1行的数据月份是${other}，与本次比对月份${month}不符，整份文件未导入` } });
    expect((await push(cl, 'cl_disability', [])).status).toBe(400);
    expect((await push(cl, 'cl_disability', [{ idNumber: { nested: true } }])).status).toBe(400);
    expect(await Promise.all(tables.map((table) => count(table)))).toEqual(before);
  });
});
