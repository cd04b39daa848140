/**
 * Over the real stack: a household of 东岗村 taken through identification (with
 * its survey, facts and two measures), then every form and ledger of issue 14
 * beyond the roster downloaded over HTTP, read back with exceljs and checked —
 * title, headings, A4 set-up and a row's values — against the database; and
 * each refused outside the user's jurisdiction.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTownActivities } from '../../activities/town.js';
import { dueItemsRepo } from '../../db/repositories/due-items.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { ledgerMessages, quarterOfPeriod } from '../../domain/exports/ledgers.js';
import { measureName } from '../../domain/measures/tasks.js';
import type { AssessmentSummary } from '../../domain/monitoring/risk-signal.js';
import { checkCharacter, maskIdNumber } from '../../domain/people/id-number.js';
import { shifanV2 } from '../../domain/policy/counties/shifan.js';
import { confirmPlan, DONGCHENG, DONGGANG, loginAll, registerHousehold, thisMonth, type Tokens } from '../helpers/journeys.js';
import { DEMO_COUNTY, pointDemoCountyAt } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';

const PROFILE = 'e2e-exports-focus';
/** The demo county deciding without a public notice, with Suyuan's focus criteria [004] so that the assessments carry the flags. */
const stack = useStack({
  server: 'dev',
  api: true,
  beforeStart: async (t) => {
    const body = { ...shifanV2, id: PROFILE, version: 1, effectiveFrom: '2020-01', identificationSteps: ['application', 'village_review', 'town_audit', 'county_decision'], publicNoticeDays: undefined };
    await policyProfilesRepo(t.db).addMissing([
      { id: PROFILE, version: 1, effectiveFrom: '2020-01', countyName: '示范县', body: { ...body, focusCriteria: { source: '004', incomeDown: true, belowMonitoring: true, belowFocusLine: false, transferSharePercentAbove: 50 } } },
    ]);
    await pointDemoCountyAt(t.db, PROFILE);
  },
});

const idNumber = (birth: string, sequence: string) => {
  const first17 = `990101${birth.replaceAll('-', '')}${sequence}`;
  return `${first17}${checkCharacter(first17)}`;
};
const HEAD_ID = idNumber('1975-03-04', '031');

let tokens: Tokens;
let household: string;
let headMember: string;

async function download(path: string, token: string) {
  const response = await fetch(`${stack.api.base}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  const name = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(response.headers.get('content-disposition') ?? '')![1]!);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return { book, name, sheet: book.worksheets[0]! };
}
const statusOf = async (path: string, token: string) => (await fetch(`${stack.api.base}/api${path}`, { headers: { authorization: `Bearer ${token}` } })).status;
const cells = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
/** The data rows (below the title, subtitle and headings). */
function body(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => n > 3 && rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
/** A two-column form as label → value. */
function form(sheet: ExcelJS.Worksheet): Map<string, unknown> {
  return new Map(body(sheet).map((r) => [String(r[0]), r[1]]));
}
function expectLedger(sheet: ExcelJS.Worksheet, title: string, headings: readonly string[]) {
  expect(String(sheet.getCell('A1').value)).toBe(title);
  expect(cells(sheet, 3)).toEqual([...headings]);
  expect(sheet.pageSetup).toMatchObject({ paperSize: 9 });
}
const latestSummary = async (id: string) =>
  (
    await stack.t.db
      .selectFrom('household_events')
      .select('payload')
      .where('household_id', '=', id)
      .where('kind', 'in', ['identification.assessed', 'monitoring.assessed'])
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
  ).payload as { summary: AssessmentSummary };

beforeAll(async () => {
  const { api } = stack;
  tokens = await loginAll(api);
  household = await registerHousehold(api, tokens, '出口甲');
  const add = async (name: string, id: string, relation: string, labourAbility: string, extra: Record<string, unknown> = {}) => {
    const added = await api.call('POST', `/households/${household}/members`, { token: tokens.cadre, body: { name, idNumber: id, relation, labourAbility, ...extra } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    return added.body.id as string;
  };
  headMember = await add('出口甲', HEAD_ID, 'head', 'capable');
  await add('出口甲妻', idNumber('1977-05-06', '042'), 'spouse', 'partial');
  await add('出口甲子', idNumber('2012-07-08', '051'), 'child', 'none', { isStudent: true });
  const step = (token: string, path: string, payload: unknown) => api.call('POST', `/households/${household}/identification${path}`, { token, body: payload });
  expect((await step(tokens.cadre, '', { channel: 'application', reason: '农户申报：户主患病' })).status).toBe(200);
  const month = thisMonth();
  expect(
    await step(tokens.cadre, '/application', {
      statement: '户主患慢性病，务工收入下降，申请纳入监测',
      riskCauses: ['illness'],
      survey: {
        memberCount: 3,
        income: [{ period: month, kind: 'wages', yuan: 900 }],
        spending: [{ period: month, kind: 'medical', yuan: 8000, rigid: true }],
        lastYearIncomePerCapita: 5000,
        threats: { basicMedical: true, safeHousing: false },
      },
      evidence: [{ title: '门诊病历', reference: 'MZ-2026-01' }],
      facts: { members: [{ memberId: headMember, employed: true }] },
    }),
  ).toMatchObject({ status: 200, body: { current: 'village_review' } });
  expect((await step(tokens.cadre, '/decisions', { step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长', '驻村工作队员'] })).status).toBe(200);
  expect((await step(tokens.town, '/decisions', { step: 'town_audit', decision: 'approve', opinion: '审核同意' })).status).toBe(200);
  expect((await step(tokens.county, '/decisions', { step: 'county_decision', decision: 'approve', opinion: '确定为监测对象', category: 'unstable', riskCauses: ['illness'] })).body).toMatchObject({ status: 'approved' });
  await confirmPlan(api, tokens, household, [{ code: 'dibao_pension' }, { code: 'employment' }]);
}, 180_000);

describe('a household’s forms of Mile’s 附件 [001]', () => {
  it('附件1 脱贫监测户申请书: the application as filed and each step’s opinion, from the file', async () => {
    const { t } = stack;
    const { name, sheet } = await download(`/exports/households/${household}/application`, tokens.cadre);
    expect(name).toBe('出口甲户脱贫监测户申请书.xlsx');
    expectLedger(sheet, '脱贫监测户申请书', ledgerMessages.application.headings);
    const filed = await t.db.selectFrom('household_events').select(['payload']).where('household_id', '=', household).where('kind', '=', 'identification.application_submitted').executeTakeFirstOrThrow();
    const values = form(sheet);
    expect(values.get('申请理由（情况陈述）')).toBe((filed.payload as { statement: string }).statement);
    expect(values.get('身份证号码')).toBe(maskIdNumber(HEAD_ID));
    expect(values.get('风险类型')).toBe('因病');
    expect(values.get('上年人均纯收入（元）')).toBe(5000);
    expect(values.get('佐证材料')).toBe('门诊病历（MZ-2026-01）');
    expect(values.get('村组评议参与人员')).toBe('村民小组长、驻村工作队员');
    expect(String(values.get('村组评议意见'))).toMatch(/^同意：评议通过（.+，\d{4}-\d{2}-\d{2}）$/);
    expect(String(values.get('县级确定意见'))).toContain('同意：确定为监测对象');
  });

  it('附件3-1 返贫致贫风险户调查表: the survey’s threats, totals and facts, and the members', async () => {
    const { book, sheet } = await download(`/exports/households/${household}/survey`, tokens.town);
    expectLedger(sheet, '返贫致贫风险户调查表（出口甲户）', ledgerMessages.survey.headings);
    const values = form(sheet);
    expect(values.get('“两不愁三保障”及饮水安全：基本医疗')).toBe('存在问题');
    expect(values.get('“两不愁三保障”及饮水安全：住房安全')).toBe('有保障');
    expect(values.get('“两不愁三保障”及饮水安全：吃饭')).toBe('未调查');
    expect(values.get('调查收入合计（元）')).toBe(900);
    expect(values.get('其中刚性支出（元）')).toBe(8000);
    expect(values.get('住房、饮水、就业等情况')).toBe('出口甲已就业');
    const members = await stack.t.db.selectFrom('household_members').select('name').where('household_id', '=', household).where('left_at', 'is', null).execute();
    expect(body(book.getWorksheet('家庭成员')!).map((r) => r[1]).sort()).toEqual(members.map((m) => m.name).sort());
  });

  it('附件4 帮扶措施表 of the household and of its village: a row per task, as the tasks table holds them', async () => {
    const { t } = stack;
    const tasks = await t.db
      .selectFrom('measure_tasks as k')
      .innerJoin('departments as d', 'd.id', 'k.department_id')
      .select(['k.measure', 'd.name', 'k.status'])
      .where('k.household_id', '=', household)
      .orderBy('k.assigned_at')
      .orderBy('k.id')
      .execute();
    expect(tasks).toHaveLength(2);
    const own = await download(`/exports/households/${household}/measures`, tokens.town);
    expectLedger(own.sheet, '致贫返贫风险户帮扶措施表（出口甲户）', ledgerMessages.measures.headings);
    expect(body(own.sheet).map((r) => r.slice(1, 4))).toEqual(tasks.map((k) => [measureName(k.measure), k.name, '是']));
    expect(body(own.sheet)[0]![6]).toBe('待接收');

    const village = await download(`/exports/measures?jurisdictionId=${DONGGANG}`, tokens.town);
    expectLedger(village.sheet, '致贫返贫风险户帮扶措施表（东岗村）', ledgerMessages.measures.placeHeadings);
    const n = await t.db.selectFrom('measure_tasks').select(sql<string>`count(*)`.as('n')).where('village_id', '=', DONGGANG).where('status', '<>', 'cancelled').executeTakeFirstOrThrow();
    expect(body(village.sheet)).toHaveLength(Number(n.n));
    expect(body(village.sheet).filter((r) => r[3] === '出口甲').map((r) => r[4])).toEqual(tasks.map((k) => measureName(k.measure)));
  });
  it('附件5 动态监测分析研判表 of the household: a row per assessment of its file, as stored', async () => {
    const { t } = stack;
    const { sheet, name } = await download(`/exports/households/${household}/analysis`, tokens.cadre);
    expect(name).toBe('出口甲户动态监测分析研判表.xlsx');
    expectLedger(sheet, '脱贫监测户动态监测分析研判表（出口甲户）', ledgerMessages.analysis.householdHeadings);
    const assessed = await t.db.selectFrom('household_events').select('payload').where('household_id', '=', household).where('kind', 'in', ['identification.assessed', 'monitoring.assessed']).orderBy('occurred_at').orderBy('id').execute();
    expect(assessed.length).toBeGreaterThan(0);
    const rows = body(sheet);
    expect(rows).toHaveLength(assessed.length);
    const { summary } = assessed[0]!.payload as { summary: AssessmentSummary };
    expect(rows[0]!.slice(2, 9)).toEqual([
      summary.period,
      summary.members,
      summary.perCapitaFen! / 100,
      summary.monitoringLine ?? '',
      summary.belowMonitoring === null ? '' : summary.belowMonitoring ? '是' : '否',
      ledgerMessages.analysis.conclusions[summary.conclusion],
      expect.stringContaining('收入下降'),
    ]);
    expect(rows[0]![9]).toBe(summary.explanation.join('\n'));
  });
});

describe('the place-wide ledgers', () => {
  it('附件5 脱贫监测户动态监测分析研判表 of the village: the household’s latest assessment and measures; 附件6 lists the 边缘户 only', async () => {
    const { t } = stack;
    const { sheet } = await download(`/exports/analysis?jurisdictionId=${DONGGANG}`, tokens.cadre);
    expectLedger(sheet, '东岗村脱贫监测户动态监测分析研判表', ledgerMessages.analysis.headings);
    const { summary } = await latestSummary(household);
    const row = body(sheet).find((r) => r[3] === '出口甲')!;
    expect(row.slice(1, 9)).toEqual(['东城镇', '东岗村', '出口甲', maskIdNumber(HEAD_ID), 3, '脱贫不稳定户', '因病', '监测对象']);
    expect(row[9]).toBe(summary.period);
    expect(row[10]).toBe(summary.perCapitaFen! / 100);
    expect(row[12]).toBe(ledgerMessages.analysis.conclusions[summary.conclusion]);
    expect(String(row[13])).toContain('待接收');
    const unstable = await t.db.selectFrom('households').select(sql<string>`count(*)`.as('n')).where('village_id', '=', DONGGANG).where('category', '=', 'unstable').executeTakeFirstOrThrow();
    expect(body(sheet)).toHaveLength(Number(unstable.n));

    const marginal = await download(`/exports/analysis?jurisdictionId=${DONGGANG}&kind=marginal`, tokens.cadre);
    expect(String(marginal.sheet.getCell('A1').value)).toBe('东岗村边缘户动态监测分析研判表');
    expect(body(marginal.sheet).map((r) => r[3])).not.toContain('出口甲');
  });

  it('the 增收帮扶台账 of Suyuan [004]: every household of the place, the projection against last year and the five criteria as the assessment stored them', async () => {
    const { t } = stack;
    const { sheet, name } = await download(`/exports/income-ledger?jurisdictionId=${DONGGANG}`, tokens.town);
    expect(name).toBe('东岗村增收帮扶台账.xlsx');
    const l = ledgerMessages.incomeLedger;
    expectLedger(sheet, '东岗村脱贫户及防贫监测对象增收帮扶台账', [...l.before, '收入下降', '低于监测标准', '低于全国脱贫人口平均水平', '转移性收入占比过高', '整户无劳力且收入较低', ...l.after]);
    const { summary } = await latestSummary(household);
    expect(summary.focus).toMatchObject({ incomeDown: true, any: true });
    const row = body(sheet).find((r) => r[3] === '出口甲')!;
    const flag = (v: boolean | null | undefined) => (v === true ? '是' : v === false ? '否' : '—');
    expect(row.slice(7, 17)).toEqual([
      summary.period,
      summary.perCapitaFen! / 100,
      5000,
      summary.perCapitaFen! / 100 - 5000,
      '是',
      flag(summary.focus!.incomeDown),
      flag(summary.focus!.belowMonitoring),
      flag(summary.focus!.belowFocusLine),
      flag(summary.focus!.transferShareHigh),
      flag(summary.focus!.noLabourLowIncome),
    ]);
    expect(row[17]).toBe('因病');
    const all = await t.db.selectFrom('households').select(sql<string>`count(*)`.as('n')).where('village_id', '=', DONGGANG).executeTakeFirstOrThrow();
    expect(body(sheet)).toHaveLength(Number(all.n));
  });

  it('the quarterly employment ledger of Xinfeng [003]: each member able to work, the employment the application recorded, the employment task', async () => {
    const { t } = stack;
    const quarter = quarterOfPeriod(thisMonth());
    const { sheet } = await download(`/exports/employment-ledger?jurisdictionId=${DONGCHENG}&quarter=${quarter.key}`, tokens.town);
    expectLedger(sheet, `东城镇脱贫劳动力就业台账（${quarter.name}）`, ledgerMessages.employment.headings);
    const fact = await t.db.selectFrom('household_facts').select(['value', sql<string>`to_char(as_of, 'YYYY-MM-DD')`.as('as_of')]).where('member_id', '=', headMember).where('kind', '=', 'employment').executeTakeFirstOrThrow();
    expect(fact.value).toEqual({ employed: true });
    const ours = body(sheet).filter((r) => r[3] === '出口甲');
    // The head and the spouse (half labour); the child is a student without labour.
    expect(ours.map((r) => r[4])).toEqual(expect.arrayContaining(['出口甲', '出口甲妻']));
    expect(ours).toHaveLength(2);
    const head = ours.find((r) => r[4] === '出口甲')!;
    expect(head.slice(5, 12)).toEqual([maskIdNumber(HEAD_ID), '男', Number(quarter.lastDay.slice(0, 4)) - 1975 - (quarter.lastDay.slice(5) < '03-04' ? 1 : 0), '有劳动能力', '脱贫不稳定户', '已就业', fact.as_of]);
    expect(String(head[12])).toContain(measureName('employment'));
    expect(ours.find((r) => r[4] === '出口甲妻')![10]).toBe('未采集');
  });

  it('the open and overdue items: the village’s own, a department’s own only', async () => {
    const { t } = stack;
    const village = await download('/exports/items', tokens.cadre);
    expectLedger(village.sheet, '东岗村待办和逾期事项清单', ledgerMessages.items.headings);
    const open = await t.db.selectFrom('due_items').select(sql<string>`count(*)`.as('n')).where('village_id', '=', DONGGANG).where('status', '=', 'open').executeTakeFirstOrThrow();
    expect(body(village.sheet)).toHaveLength(Number(open.n));
    expect(body(village.sheet).filter((r) => r[5] === '出口甲').map((r) => r[1])).toContain('月度走访（走访服务信息采集表）');

    const mz = await download('/exports/items', tokens.mz);
    expect(String(mz.sheet.getCell('A1').value)).toBe('民政局待办和逾期事项清单');
    const dept = await t.db
      .selectFrom('due_items as d')
      .innerJoin('departments as dep', 'dep.id', 'd.department_id')
      .select(['d.kind', 'd.due_at'])
      .where('dep.code', '=', 'mz')
      .where('dep.county_id', '=', DEMO_COUNTY)
      .where('d.status', '=', 'open')
      .orderBy('d.due_at')
      .orderBy('d.id')
      .execute();
    expect(body(mz.sheet)).toHaveLength(dept.length);
    expect(body(mz.sheet).every((r) => r[6] === '民政局')).toBe(true);
    expect(body(mz.sheet).find((r) => r[5] === '出口甲')).toMatchObject({ 1: '帮扶措施任务', 9: '未办结', 10: 0 });

    const overdue = await download('/exports/items?overdue=true', tokens.cadre);
    expect(String(overdue.sheet.getCell('A1').value)).toBe('东岗村逾期事项清单');
    const late = await t.db
      .selectFrom('due_items')
      .select(sql<string>`count(*)`.as('n'))
      .where('village_id', '=', DONGGANG)
      .where('status', '=', 'open')
      .where((eb) => eb.or([eb('overdue_at', 'is not', null), eb('due_at', '<=', new Date())]))
      .executeTakeFirstOrThrow();
    expect(body(overdue.sheet)).toHaveLength(Number(late.n));
  });

  it('the town’s monthly report: the draft’s lists with the household that became a risk household this month', async () => {
    const { t } = stack;
    const period = thisMonth();
    const itemKey = `exports-test:town_monthly_report:${period}`;
    const dueAt = Date.now() + 86_400_000;
    await dueItemsRepo(t.db).open([{ key: itemKey, kind: 'town_monthly_report', countyId: DEMO_COUNTY, townId: DONGCHENG, period, dueAt: new Date(dueAt), openedAt: new Date() }]);
    await createTownActivities({ db: t.db }).generateTownReportDraft({ countyId: DEMO_COUNTY, townId: DONGCHENG, period: period as `${number}-${string}`, itemKey, dueAt, at: Date.now() });
    const { sheet, name } = await download(`/exports/towns/${DONGCHENG}/reports/${period}`, tokens.town);
    expect(name).toBe(`东城镇${period}风险户和风险消除户上报表.xlsx`);
    expectLedger(sheet, `东城镇${period.replace('-', '年')}月返贫致贫风险户、风险消除户上报表`, ledgerMessages.townReport.headings);
    const stored = await t.db.selectFrom('town_reports').select('draft').where('town_id', '=', DONGCHENG).where('period', '=', period).executeTakeFirstOrThrow();
    const draft = stored.draft as { newRisk: { headName: string }[]; monitoring: unknown[]; eliminated: unknown[] };
    expect(body(sheet).filter((r) => r[1] === '当月新增风险户').map((r) => r[3])).toEqual(draft.newRisk.map((h) => h.headName));
    expect(body(sheet).find((r) => r[3] === '出口甲' && r[1] === '当月新增风险户')).toMatchObject({ 2: '东岗村', 4: '新识别纳入监测' });
    expect(body(sheet)).toHaveLength(draft.newRisk.length + draft.monitoring.length + draft.eliminated.length);
    expect(await statusOf(`/exports/towns/${DONGCHENG}/reports/${period}`, tokens.cadre)).toBe(403);
  });

  it('refuses each export outside the user’s jurisdiction, and the place ledgers to a department', async () => {
    const outsider = tokens.otherCadre;
    for (const form of ['application', 'survey', 'measures']) expect(await statusOf(`/exports/households/${household}/${form}`, outsider)).toBe(403);
    for (const ledger of ['analysis', 'income-ledger', 'measures', 'employment-ledger']) {
      expect(await statusOf(`/exports/${ledger}?jurisdictionId=${DONGGANG}`, outsider)).toBe(403);
      expect(await statusOf(`/exports/${ledger}?jurisdictionId=${DONGGANG}`, tokens.otherTown)).toBe(403);
      expect(await statusOf(`/exports/${ledger}`, tokens.mz)).toBe(403);
    }
    expect(await statusOf(`/exports/households/${household}/application`, tokens.mz)).toBe(403);
    expect(await statusOf(`/exports/employment-ledger?quarter=2026-Q5`, tokens.town)).toBe(400);
    // A quarter before 2000 is a typing error, refused before any row is written (the fuzzer's 0000-Q1 cut the download short).
    const early = await fetch(`${stack.api.base}/api/exports/employment-ledger?quarter=0000-Q1`, { headers: { authorization: `Bearer ${tokens.town}` } });
    expect(early.status).toBe(400);
    expect(JSON.stringify(await early.json())).toContain('季度不能早于 2000 年');
  });
});
