import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { DAY_MS, HOUR_MS } from '../../domain/calendar/dates.js';
import { addMonths, periodOf, startOfPeriod } from '../../domain/calendar/dates.js';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const COUNTY = '990101';
const DONGCHENG = '990101001';
const XILING = '990101002';
const DONGGANG = '990101001201'; // 东岗村, 东城镇
const LINGSHANG = '990101002201'; // 岭上村, 西岭镇

/**
 * Fixtures placed relative to the moment the test starts, half a day away from
 * every bucket's edge, so that the API's own `now` (a few seconds later) sorts
 * them the same. Expected counts are worked out by hand beside each fixture.
 */
const now = new Date();
const overdueBy = (days: number) => new Date(now.getTime() - days * DAY_MS - 12 * HOUR_MS);

let t: TestDatabase;
let app: App;
let mz: string; // 民政局
let rs: string; // 人社局
let household: Record<'dong' | 'xi', string>;

async function token(username: string): Promise<string> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  return r.json().token as string;
}
const get = async (url: string, username: string) => {
  const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await token(username)}` } });
  return { status: r.statusCode, body: r.json() };
};

beforeAll(async () => {
  t = await createTestDatabase();
  const departments = await t.db.selectFrom('departments').select(['id', 'name']).where('county_id', '=', COUNTY).execute();
  mz = departments.find((d) => d.name === '民政局')!.id;
  rs = departments.find((d) => d.name === '人社局')!.id;
  const insert = (town: string, village: string, head: string, category: 'unstable' | 'marginal' | 'sudden_hardship' | 'lifted_out', stage: string) =>
    t.owner
      .insertInto('households')
      .values({ county_id: COUNTY, town_id: town, village_id: village, group_id: null, address: `${head}家`, head_name: head, category, stage })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  household = { dong: await insert(DONGCHENG, DONGGANG, '甲一', 'unstable', 'monitoring'), xi: await insert(XILING, LINGSHANG, '乙二', 'marginal', 'monitoring') };
  const monitoredMarginal = await insert(DONGCHENG, DONGGANG, '丙三', 'marginal', 'monitoring');
  const eliminated = await insert(XILING, LINGSHANG, '丁四', 'sudden_hardship', 'eliminated');
  await insert(DONGCHENG, DONGGANG, '戊五', 'lifted_out', 'registered');

  // The deadline register. By town: 东城镇 ≤7: A, B; 8–30: C. 西岭镇 8–30: D; >30: E. County level ≤7: H.
  // By department: 民政局 ≤7: H, >30: E; none ≤7: A, B, 8–30: C, D.
  const item = (key: string, town: string | null, dueAt: Date, extra: { department?: string; status?: 'done' } = {}) => ({
    item_key: key,
    kind: 'monthly_update',
    county_id: COUNTY,
    town_id: town,
    village_id: null,
    household_id: town === DONGCHENG ? household.dong : town === XILING ? household.xi : null,
    department_id: extra.department ?? null,
    due_at: dueAt,
    opened_at: new Date(dueAt.getTime() - 30 * DAY_MS),
    status: extra.status ?? ('open' as const),
    done_at: extra.status ? now : null,
  });
  await t.owner
    .insertInto('due_items')
    .values([
      item('A', DONGCHENG, overdueBy(0)), // overdueDays 0
      item('B', DONGCHENG, overdueBy(7)), // 7: still ≤ 7
      item('C', DONGCHENG, overdueBy(8)), // 8
      item('D', XILING, overdueBy(30)), // 30: still 8–30
      item('E', XILING, overdueBy(31), { department: mz }), // 31
      item('F', DONGCHENG, new Date(now.getTime() + 2 * DAY_MS)), // not due yet
      item('G', DONGCHENG, overdueBy(40), { status: 'done' }), // done
      item('H', null, overdueBy(3), { department: mz }),
    ])
    .execute();

  // Department tasks. Open: 民政局 东城镇 overdue 2 (≤7) and not due; 人社局 西岭镇 overdue 12 (8–30) and 45 (>30); completed 人社局 overdue 50 (not counted).
  const task = (n: number, hh: string, town: string, village: string, department: string, dueAt: Date, status: 'assigned' | 'completed' = 'assigned') => ({
    task_key: `task-00000000-0000-0000-0000-00000000000${n}-1-dibao-1`,
    household_id: hh,
    plan_no: 1,
    county_id: COUNTY,
    town_id: town,
    village_id: village,
    measure: 'dibao',
    department_id: department,
    required: true,
    assigned_at: new Date(dueAt.getTime() - 20 * DAY_MS),
    due_at: dueAt,
    status,
    ...(status === 'completed' ? { completed_at: now, late: true, evidence: JSON.stringify({}) } : {}),
  });
  const drawer = (await t.db.selectFrom('users').select('id').where('username', '=', 'zhen.dongcheng').executeTakeFirstOrThrow()).id;
  await t.owner
    .insertInto('assistance_plans')
    .values([household.dong, household.xi].map((id) => ({ household_id: id, plan_no: 1, plan_key: `plan-${id}-1`, drawn_by: drawer, confirmed_at: overdueBy(60), note: null, measures: JSON.stringify([]) })))
    .execute();
  await t.owner
    .insertInto('measure_tasks')
    .values([
      task(1, household.dong, DONGCHENG, DONGGANG, mz, overdueBy(2)),
      task(2, household.dong, DONGCHENG, DONGGANG, mz, new Date(now.getTime() + 5 * DAY_MS)),
      task(3, household.xi, XILING, LINGSHANG, rs, overdueBy(12)),
      task(4, household.xi, XILING, LINGSHANG, rs, overdueBy(45)),
      task(5, household.xi, XILING, LINGSHANG, rs, overdueBy(50), 'completed'),
    ])
    .execute();

  // The file: decisions with risk causes, eliminations and returns in this month and earlier ones.
  const thisMonth = startOfPeriod(periodOf(now.getTime()));
  const inMonth = (back: number) => new Date(startOfPeriod(addMonths(periodOf(now.getTime()), -back)) + DAY_MS);
  const event = (hh: string, key: string, kind: string, at: Date, payload: object = {}) => ({ household_id: hh, event_key: key, kind, occurred_at: at, payload: JSON.stringify(payload) });
  await t.owner
    .insertInto('household_events')
    .values([
      // 甲一: approved long ago for illness, then again this month for illness and disaster: the latest decision counts.
      event(household.dong, 'e1', 'identification.approved', inMonth(14), { riskCauses: ['schooling'] }),
      event(household.dong, 'e2', 'identification.approved', new Date(thisMonth + 2 * HOUR_MS), { riskCauses: ['illness', 'disaster'] }),
      event(household.xi, 'e3', 'identification.approved', inMonth(2), { riskCauses: ['illness'] }),
      event(monitoredMarginal, 'e4', 'identification.approved', inMonth(1), { riskCauses: ['disability'] }),
      event(eliminated, 'e5', 'identification.approved', inMonth(3), { riskCauses: ['accident'] }),
      event(eliminated, 'e6', 'elimination.confirmed', inMonth(2)),
      // 乙二 eliminated and returned two ways in one month: one household returned that month.
      event(household.xi, 'e7', 'elimination.confirmed', inMonth(1)),
      event(household.xi, 'e8', 'elimination.rolled_back', inMonth(1)),
      event(household.xi, 'e9', 'monitoring.reentered', new Date(inMonth(1).getTime() + DAY_MS)),
    ])
    .execute();

  app = await buildApp({ db: t.db, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1 });
});

afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

const pick = (rows: { name: string; upTo7: number; upTo30: number; over30: number; total: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.name, [r.upTo7, r.upTo30, r.over30, r.total]]));

describe('the overdue board GET /api/supervision/overdue', () => {
  it('counts the register’s open overdue items of the county by town in the aging buckets, every town listed', async () => {
    const r = await get('/api/supervision/overdue?by=town', 'ducha');
    expect(r.status).toBe(200);
    expect(pick(r.body.rows)).toEqual({ 东城镇: [2, 1, 0, 3], 西岭镇: [0, 1, 1, 2], 南溪乡: [0, 0, 0, 0], 县级事项: [1, 0, 0, 1] });
  });

  it('by department, with the items of no department last', async () => {
    const r = await get('/api/supervision/overdue?by=department&source=register', 'xian.xczx');
    const rows = pick(r.body.rows);
    expect(rows['民政局']).toEqual([1, 0, 1, 2]);
    expect(rows['人社局']).toEqual([0, 0, 0, 0]);
    expect(r.body.rows.at(-1)).toMatchObject({ id: null, name: '未指定部门', upTo7: 2, upTo30: 2, over30: 0 });
  });

  it('counts the departments’ open overdue tasks by department and by town', async () => {
    const byDepartment = pick((await get('/api/supervision/overdue?by=department&source=tasks', 'lingdao')).body.rows);
    expect(byDepartment['民政局']).toEqual([1, 0, 0, 1]);
    expect(byDepartment['人社局']).toEqual([0, 1, 1, 2]);
    const byTown = (await get('/api/supervision/overdue?by=town&source=tasks', 'ducha')).body.rows;
    expect(pick(byTown)).toEqual({ 东城镇: [1, 0, 0, 1], 西岭镇: [0, 1, 1, 2], 南溪乡: [0, 0, 0, 0] });
  });

  it('refuses other roles with the role refusal', async () => {
    const r = await get('/api/supervision/overdue', 'zhen.dongcheng');
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('“乡镇干部”不能办理“查看逾期督查看板”');
    expect((await get('/api/dashboard', 'cun.donggang')).status).toBe(403);
  });
});

describe('the drill-down lists behind a bucket', () => {
  it('due items of a town overdue 8–30 days, and of a department', async () => {
    const r = await get(`/api/due-items?state=overdue&townId=${DONGCHENG}&minOverdueDays=0&maxOverdueDays=7`, 'ducha');
    expect(r.body.items.map((i: { key: string }) => i.key)).toEqual(['B', 'A']);
    const month = await get(`/api/due-items?state=overdue&townId=${XILING}&minOverdueDays=8&maxOverdueDays=30`, 'ducha');
    expect(month.body.items.map((i: { key: string; overdueDays: number }) => [i.key, i.overdueDays])).toEqual([['D', 30]]);
    const mzItems = await get(`/api/due-items?state=overdue&departmentId=${mz}&minOverdueDays=31`, 'ducha');
    expect(mzItems.body.items.map((i: { key: string }) => i.key)).toEqual(['E']);
  });

  it('overdue tasks of a department in a bucket', async () => {
    const r = await get(`/api/tasks/overdue?departmentId=${rs}&minOverdueDays=8&maxOverdueDays=30`, 'ducha');
    expect(r.body.total).toBe(1);
    expect(r.body.items[0].overdueDays).toBe(12);
  });

  it('households by risk cause of the latest decision', async () => {
    const illness = await get('/api/households?stage=monitoring&riskCause=illness', 'lingdao');
    expect(illness.body.items.map((h: { headName: string }) => h.headName).sort()).toEqual(['乙二', '甲一']);
    expect((await get('/api/households?riskCause=schooling', 'lingdao')).body.total).toBe(0);
  });

  it('households behind a month of the monthly chart', async () => {
    const last = addMonths(periodOf(now.getTime()), -1);
    const heads = async (movement: string, period: string) =>
      (await get(`/api/households?movement=${movement}&period=${period}`, 'lingdao')).body.items.map((h: { headName: string }) => h.headName);
    expect(await heads('returned', last)).toEqual(['乙二']);
    expect(await heads('new', last)).toEqual(['丙三']);
    expect(await heads('eliminated', addMonths(last, -1))).toEqual(['丁四']);
    expect(await heads('returned', periodOf(now.getTime()))).toEqual([]);
  });
});

describe('the dashboard GET /api/dashboard', () => {
  it('counts monitoring objects by category, town and risk cause', async () => {
    const r = await get('/api/dashboard', 'lingdao');
    expect(r.status).toBe(200);
    const counts = (rows: { name: string; count: number }[]) => Object.fromEntries(rows.map((x) => [x.name, x.count]));
    // Monitoring: 甲一 unstable 东城镇, 乙二 marginal 西岭镇, 丙三 marginal 东城镇 (丁四 eliminated, 戊五 registered).
    expect(counts(r.body.monitoring.byCategory)).toEqual({ 脱贫不稳定户: 1, 边缘易致贫户: 2, 突发严重困难户: 0 });
    expect(counts(r.body.monitoring.byTown)).toEqual({ 东城镇: 2, 西岭镇: 1, 南溪乡: 0 });
    const causes = counts(r.body.monitoring.byRiskCause);
    expect([causes['因病'], causes['因灾'], causes['因残'], causes['因学'], causes['因意外事故或重大变故']]).toEqual([2, 1, 1, 0, 0]);
  });

  it('counts new, eliminated and returned households per month for the last 12 months', async () => {
    const r = await get('/api/dashboard', 'lingdao');
    const months = r.body.months as { period: string; new: number; eliminated: number; returned: number }[];
    expect(months).toHaveLength(12);
    const current = periodOf(now.getTime());
    expect(months.at(-1)).toEqual({ period: current, new: 1, eliminated: 0, returned: 0 });
    expect(months.at(-2)).toEqual({ period: addMonths(current, -1), new: 1, eliminated: 1, returned: 1 });
    expect(months.at(-3)).toEqual({ period: addMonths(current, -2), new: 1, eliminated: 1, returned: 0 });
    expect(months.at(-4)).toEqual({ period: addMonths(current, -3), new: 1, eliminated: 0, returned: 0 });
    // The decision 14 months ago is outside the window.
    expect(months.reduce((n, m) => n + m.new, 0)).toBe(4);
  });

  it('gives the overdue rate of open tasks by department and town', async () => {
    const r = await get('/api/dashboard', 'ducha');
    const rate = (rows: { name: string; open: number; overdue: number; rate: number | null }[], name: string) => rows.find((x) => x.name === name);
    expect(rate(r.body.overdueRate.byDepartment, '民政局')).toMatchObject({ open: 2, overdue: 1, rate: 0.5 });
    expect(rate(r.body.overdueRate.byDepartment, '人社局')).toMatchObject({ open: 2, overdue: 2, rate: 1 });
    expect(rate(r.body.overdueRate.byTown, '南溪乡')).toMatchObject({ open: 0, overdue: 0, rate: null });
  });
});
