import type { Client } from '@temporalio/client';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { addMonths, DAY_MS, periodOf, startOfPeriod } from '../../domain/calendar/dates.js';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';

const COUNTY = '990101';
const DONGCHENG = '990101001';
const XILING = '990101002';
const DONGGANG = '990101001201'; // 东岗村, 东城镇
const LINGSHANG = '990101002201'; // 岭上村, 西岭镇

/**
 * The month assessed is two months back (complete), the one before it gives the
 * change. Every fact sits whole days inside its month; the expected figures are
 * worked out by hand beside the fixtures.
 */
const M = addMonths(periodOf(Date.now()), -2);
const P = addMonths(M, -1);
const S = startOfPeriod(M);
const DAYS_IN_M = (startOfPeriod(addMonths(M, 1)) - S) / DAY_MS;
const at = (days: number) => new Date(S + days * DAY_MS);

let t: TestDatabase;
let app: App;
let mz: string; // 民政局
let rs: string; // 人社局

const token = async (username: string) =>
  (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } })).json().token as string;
const get = async (url: string, username = 'lingdao') => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await token(username)}` } });

type Row = { name: string; rank: number | null; score: number | null; change: number | null; overdueDays: number; components: { component: string; due: number; met: number }[] };
const byName = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.name, r]));

beforeAll(async () => {
  t = await createTestDatabase();
  const departments = await t.db.selectFrom('departments').select(['id', 'name']).where('county_id', '=', COUNTY).execute();
  mz = departments.find((d) => d.name === '民政局')!.id;
  rs = departments.find((d) => d.name === '人社局')!.id;
  const user = (await t.db.selectFrom('users').select('id').where('username', '=', 'zhen.dongcheng').executeTakeFirstOrThrow()).id;
  const insert = (town: string, village: string, head: string) =>
    t.owner
      .insertInto('households')
      .values({ county_id: COUNTY, town_id: town, village_id: village, group_id: null, address: `${head}家`, head_name: head, category: 'unstable', stage: 'monitoring' })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const dong = await insert(DONGCHENG, DONGGANG, '甲一');
  const xi = await insert(XILING, LINGSHANG, '乙二');
  const xi2 = await insert(XILING, LINGSHANG, '丙三');

  // Monthly updates: 东城镇 3 of 4 on time in M (one late, one cancelled not counted), 1 of 1 in P; 西岭镇 1 of 2 in M (one never done).
  let n = 0;
  const update = (town: string, household: string, dueAt: Date, doneAt: Date | null, status: 'open' | 'done' | 'cancelled' = doneAt ? 'done' : 'open') => ({
    item_key: `monthly_update:test:${n++}`,
    kind: 'monthly_update',
    county_id: COUNTY,
    town_id: town,
    village_id: null,
    household_id: household,
    department_id: null,
    period: periodOf(dueAt.getTime()),
    due_at: dueAt,
    opened_at: new Date(dueAt.getTime() - 19 * DAY_MS),
    status,
    done_at: doneAt,
  });
  await t.owner
    .insertInto('due_items')
    .values([
      update(DONGCHENG, dong, at(20), at(10)),
      update(DONGCHENG, dong, at(20), at(19)),
      update(DONGCHENG, dong, at(20), at(20)),
      update(DONGCHENG, dong, at(20), at(22)),
      update(DONGCHENG, dong, at(20), null, 'cancelled'),
      update(DONGCHENG, dong, at(-10), at(-12)),
      update(XILING, xi, at(20), at(15)),
      update(XILING, xi2, at(20), null),
    ])
    .execute();

  // Tasks. 东城镇/民政局: due day 5 done day 4 (on time), due day 10 done day 13 (3 days overdue); due in P and done in P before M (P only).
  // 西岭镇/人社局: due 10 days before M and still open (overdue all of M; 10 days in P), due day 20 done day 18; one handed back (never counted).
  await t.owner
    .insertInto('assistance_plans')
    .values([dong, xi].map((id) => ({ household_id: id, plan_no: 1, plan_key: `plan-${id}-1`, drawn_by: user, confirmed_at: at(-60), note: null, measures: JSON.stringify([]) })))
    .execute();
  let k = 0;
  const task = (household: string, town: string, village: string, department: string, dueAt: Date, completedAt: Date | null, status?: 'handed_back') => ({
    task_key: `task-test-${k++}`,
    household_id: household,
    plan_no: 1,
    county_id: COUNTY,
    town_id: town,
    village_id: village,
    measure: 'dibao',
    department_id: department,
    required: true,
    assigned_at: new Date(dueAt.getTime() - 20 * DAY_MS),
    due_at: dueAt,
    status: status ?? (completedAt ? ('completed' as const) : ('assigned' as const)),
    ...(completedAt ? { completed_at: completedAt, late: completedAt > dueAt, evidence: JSON.stringify({}) } : {}),
    ...(status === 'handed_back' ? { handed_back_at: at(2), hand_back_reason: 'other' as const, hand_back_text: '测试' } : {}),
  });
  await t.owner
    .insertInto('measure_tasks')
    .values([
      task(dong, DONGCHENG, DONGGANG, mz, at(5), at(4)),
      task(dong, DONGCHENG, DONGGANG, mz, at(10), at(13)),
      task(dong, DONGCHENG, DONGGANG, mz, at(-20), at(-25)),
      task(xi, XILING, LINGSHANG, rs, at(-10), null),
      task(xi, XILING, LINGSHANG, rs, at(20), at(18)),
      task(xi, XILING, LINGSHANG, rs, at(3), null, 'handed_back'),
    ])
    .execute();

  // Warnings (the test profile: acted on within 15 days). 东城镇: acted on (case opened 2 days later); 西岭镇: one never acted on, one by a plan 17 days later (too late).
  const event = (household: string, key: string, kind: string, occurred: Date) => ({ household_id: household, event_key: key, kind, occurred_at: occurred, payload: JSON.stringify({}) });
  await t.owner
    .insertInto('household_events')
    .values([
      event(dong, 'w1', 'monitoring.warning_raised', at(1)),
      event(dong, 'w1-act', 'identification.opened', at(3)),
      event(xi, 'w2', 'monitoring.warning_raised', at(2)),
      event(xi2, 'w3', 'monitoring.warning_raised', at(3)),
    ])
    .execute();
  await t.owner
    .insertInto('assistance_plans')
    .values({ household_id: xi2, plan_no: 1, plan_key: `plan-${xi2}-1`, drawn_by: user, confirmed_at: at(20), note: null, measures: JSON.stringify([]) })
    .execute();

  // Campaign problems: 东城镇 rectified the day before its deadline; 西岭镇's (人社局's) still open past it.
  const campaign = await t.owner
    .insertInto('inspection_campaigns')
    .values({
      county_id: COUNTY,
      area_id: COUNTY,
      name: '测试督查',
      reason: '测试',
      criteria: JSON.stringify({}),
      checklist: JSON.stringify(['visit']),
      responsible: 'village',
      department_id: null,
      defined_by: user,
      launched_at: at(0),
      due_at: at(5),
      cohort_count: 2,
      status: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const answers = JSON.stringify({});
  await t.owner
    .insertInto('campaign_households')
    .values([
      { campaign_id: campaign.id, household_id: dong, seq: 1, town_id: DONGCHENG, village_id: DONGGANG, department_id: null, checked_at: at(2), checked_by: user, late: false, answers, finding: 'problem' },
      { campaign_id: campaign.id, household_id: xi, seq: 2, town_id: XILING, village_id: LINGSHANG, department_id: rs, checked_at: at(2), checked_by: user, late: false, answers, finding: 'problem' },
    ])
    .execute();
  const problem = (household: string, town: string, village: string, department: string | null, dueAt: Date, rectifiedAt: Date | null) => ({
    campaign_id: campaign.id,
    household_id: household,
    kind: 'income_drop',
    description: '收入未核实',
    town_id: town,
    village_id: village,
    department_id: department,
    found_at: at(2),
    found_by: user,
    due_at: dueAt,
    ...(rectifiedAt ? { status: 'rectified' as const, rectified_at: rectifiedAt, rectified_by: user, evidence: JSON.stringify({ note: '已整改' }), late: false } : {}),
  });
  await t.owner.insertInto('campaign_problems').values([problem(dong, DONGCHENG, DONGGANG, null, at(10), at(9)), problem(xi, XILING, LINGSHANG, rs, at(12), null)]).execute();

  app = await buildApp({ db: t.db, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1 });
});

afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

describe('the monthly assessment GET /api/assessment', () => {
  it('with the shipped demo profile of that month, which has no weights, scores nobody and names what the county must enter', async () => {
    const r = await get(`/api/assessment?month=${M}`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.rows.every((row: Row) => row.score === null && row.rank === null)).toBe(true);
    expect(body.policy.missing).toEqual(['“月度信息按时更新”权重', '“帮扶任务按期办结”权重', '“风险预警及时处置”权重', '“督查问题按期整改”权重', '任务逾期每天扣分', '预警处置天数']);
    expect(body.policy.missingMessage).toContain('未配置');
    // The facts are measured all the same.
    expect(byName(body.rows)['东城镇']!.components.find((c) => c.component === 'monthlyUpdates')).toMatchObject({ due: 4, met: 3 });
  });

  it('ranks the towns from the measured facts with the profile’s weights, each with its breakdown and the change on the month before', async () => {
    await demoCountyWithoutNotice(t.owner, 'shifan-assessed');
    const r = await get(`/api/assessment?month=${M}&by=town`, 'ducha');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.policy).toMatchObject({ weights: { monthlyUpdates: 30, tasks: 30, warnings: 20, rectifications: 20 }, pointsPerOverdueDay: 0.5, warningActionDays: 15, missing: [] });
    const rows = byName(body.rows);
    const parts = (name: string) => Object.fromEntries(rows[name]!.components.map((c) => [c.component, [c.due, c.met]]));
    expect(parts('东城镇')).toEqual({ monthlyUpdates: [4, 3], tasks: [2, 1], warnings: [1, 1], rectifications: [1, 1] });
    expect(parts('西岭镇')).toEqual({ monthlyUpdates: [2, 1], tasks: [2, 1], warnings: [2, 0], rectifications: [1, 0] });
    // 东城镇: (30×¾ + 30×½ + 20 + 20) − 0.5 × 3 days = 76. 西岭镇: 30×½ + 30×½ − 0.5 × every day of M.
    expect(rows['东城镇']).toMatchObject({ rank: 1, score: 76, overdueDays: 3 });
    expect(rows['西岭镇']).toMatchObject({ rank: 2, score: 30 - 0.5 * DAYS_IN_M, overdueDays: DAYS_IN_M });
    expect(rows['南溪乡']).toMatchObject({ rank: null, score: null });
    expect(body.rows.map((row: Row) => row.name)).toEqual(['东城镇', '西岭镇', '南溪乡']);
    // P: 东城镇 100 (its update and its task on time); 西岭镇 0 (its task 10 days overdue, 5 points, floored at 0).
    expect(body.previousMonth).toBe(P);
    expect(rows['东城镇']!.change).toBe(-24);
    expect(rows['西岭镇']!.change).toBe(30 - 0.5 * DAYS_IN_M);
  });

  it('ranks the departments on their tasks and rectifications', async () => {
    const rows = byName((await get(`/api/assessment?month=${M}&by=department`)).json().rows);
    expect(rows['民政局']!.components.map((c) => c.component)).toEqual(['tasks', 'rectifications']);
    // 民政局: tasks ½ (rectifications: none due) → 50 − 1.5. 人社局: (30×½ + 20×0) / 50 → 30, less every day of M.
    expect(rows['民政局']).toMatchObject({ rank: 1, score: 48.5 });
    expect(rows['人社局']).toMatchObject({ rank: 2, score: 30 - 0.5 * DAYS_IN_M });
    expect(rows['教育局']).toMatchObject({ rank: null, score: null });
  });

  it('keeps a department retired since in the months it served, and leaves it out of the months after', async () => {
    const retired = await t.owner
      .insertInto('departments')
      .values({ county_id: COUNTY, code: 'zzt', name: '已撤销测试局' })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      await t.owner.updateTable('departments').set({ retired_at: new Date(startOfPeriod(addMonths(M, 1)) - DAY_MS) }).where('id', '=', retired.id).execute();
      expect(byName((await get(`/api/assessment?month=${M}&by=department`)).json().rows)['已撤销测试局']).toMatchObject({ rank: null, score: null });
      expect(byName((await get(`/api/assessment?month=${addMonths(M, 1)}&by=department`)).json().rows)['已撤销测试局']).toBeUndefined();
    } finally {
      await t.owner.deleteFrom('departments').where('id', '=', retired.id).execute();
    }
  });

  it('exports the ranking as a workbook with the same figures', async () => {
    const r = await get(`/api/assessment.xlsx?month=${M}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(String(values[0]![0])).toContain('各乡镇防止返贫监测帮扶工作考核排名');
    const dong = values.find((row) => row[1] === '东城镇')!;
    expect(dong.slice(0, 6)).toEqual([1, '东城镇', 76, -24, 3, 1.5]);
    expect(values.find((row) => row[1] === '南溪乡')![2]).toBe('未计分');
  });

  it('refuses a month not begun yet, and roles that do not supervise', async () => {
    const future = await get(`/api/assessment?month=${addMonths(periodOf(Date.now()), 1)}`);
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe('不能考核尚未开始的月份');
    expect((await get('/api/assessment', 'cun.donggang')).statusCode).toBe(403);
    expect((await get('/api/assessment', 'lingdao')).statusCode).toBe(200);
  });
});
