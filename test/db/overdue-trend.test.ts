import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { trendInstants } from '../../domain/supervision/trend.js';
import { overdueTrendRepo } from '../../db/repositories/overdue-trend.js';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const COUNTY = '990101';
const DONGCHENG = '990101001';
const XILING = '990101002';
/** Noon of 15 June 2026 in Shanghai: the months are April, May and June (June's figures at this instant). */
const NOW = Date.parse('2026-06-15T04:00:00Z');

let t: TestDatabase;
let app: App;
let mz: string;

beforeAll(async () => {
  t = await createTestDatabase();
  mz = (await t.db.selectFrom('departments').select('id').where('county_id', '=', COUNTY).where('name', '=', '民政局').executeTakeFirstOrThrow()).id;
  const item = (key: string, town: string | null, due: string, opened: string, extra: { done?: string; cancelled?: boolean; department?: string } = {}) => ({
    item_key: `trend-${key}`,
    kind: 'monthly_update',
    county_id: COUNTY,
    town_id: town,
    department_id: extra.department ?? null,
    due_at: new Date(due),
    opened_at: new Date(opened),
    status: extra.done ? ('done' as const) : extra.cancelled ? ('cancelled' as const) : ('open' as const),
    done_at: extra.done ? new Date(extra.done) : null,
  });
  await t.owner
    .insertInto('due_items')
    .values([
      // X: due 26 April (Shanghai) — at April's end 5 days overdue (≤7), at May's end 36 (>30), now 50 (>30).
      item('X', DONGCHENG, '2026-04-25T16:00:00Z', '2026-04-01T00:00:00Z'),
      // Y: due 21 May, done 5 June — at May's end 11 days overdue (8–30), gone by June.
      item('Y', DONGCHENG, '2026-05-20T16:00:00Z', '2026-05-01T00:00:00Z', { done: '2026-06-05T02:00:00Z' }),
      // Z: 西岭镇, due 10 June — June only, 5 days overdue (≤7).
      item('Z', XILING, '2026-06-10T04:00:00Z', '2026-06-01T00:00:00Z'),
      // W: cancelled — never counted.
      item('W', DONGCHENG, '2026-04-20T04:00:00Z', '2026-04-01T00:00:00Z', { cancelled: true }),
      // V: the county's own item of 民政局, opened 10 May though due 10 April — not yet at April's end; > 30 in May and June.
      item('V', null, '2026-04-10T04:00:00Z', '2026-05-10T00:00:00Z', { department: mz }),
      // U: not due until July — in no month.
      item('U', DONGCHENG, '2026-07-01T04:00:00Z', '2026-06-01T00:00:00Z'),
    ])
    .execute();
  app = await buildApp({ db: t.db, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1 });
});

afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

const get = async (url: string, username: string) => {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${login.json().token as string}` } });
  return { status: r.statusCode, body: r.json() };
};

describe('the overdue board’s trend by month 逾期趋势', () => {
  it('takes each month’s figures at its end in Shanghai, the current month’s now', () => {
    expect(trendInstants(NOW, 3)).toEqual([
      { period: '2026-04', at: Date.parse('2026-04-30T16:00:00Z') },
      { period: '2026-05', at: Date.parse('2026-05-31T16:00:00Z') },
      { period: '2026-06', at: NOW },
    ]);
  });

  it('counts the work open and overdue at each month’s end in its aging bucket: an item ages from one bucket to the next, one done leaves the months after', async () => {
    const rows = await overdueTrendRepo(t.db).byMonth(COUNTY, 'town', trendInstants(NOW, 3));
    expect(rows.filter((r) => r.period.startsWith('2026-0')).sort((a, b) => `${a.period}${a.id}`.localeCompare(`${b.period}${b.id}`))).toEqual([
      { period: '2026-04', id: DONGCHENG, upTo7: 1, upTo30: 0, over30: 0 },
      { period: '2026-05', id: DONGCHENG, upTo7: 0, upTo30: 1, over30: 1 },
      { period: '2026-05', id: null, upTo7: 0, upTo30: 0, over30: 1 },
      { period: '2026-06', id: DONGCHENG, upTo7: 0, upTo30: 0, over30: 1 },
      { period: '2026-06', id: XILING, upTo7: 1, upTo30: 0, over30: 0 },
      { period: '2026-06', id: null, upTo7: 0, upTo30: 0, over30: 1 },
    ]);
    const byDepartment = await overdueTrendRepo(t.db).byMonth(COUNTY, 'department', trendInstants(NOW, 3));
    expect(byDepartment.filter((r) => r.id === mz).map((r) => [r.period, r.over30])).toEqual([
      ['2026-05', 1],
      ['2026-06', 1],
    ]);
  });

  it('answers the supervisor every town of the county in every month (those with nothing at 0), refuses a village cadre and a range past two years', async () => {
    const answer = await get('/api/supervision/overdue/trend?by=town&months=6', 'ducha');
    expect(answer.status).toBe(200);
    expect(answer.body.months).toHaveLength(6);
    const current = answer.body.months.at(-1);
    expect(current.rows.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['东城镇', '西岭镇']));
    for (const month of answer.body.months) expect(month.total).toBe(month.upTo7 + month.upTo30 + month.over30);
    expect((await get('/api/supervision/overdue/trend', 'cun.donggang')).status).toBe(403);
    expect(await get('/api/supervision/overdue/trend?months=30', 'ducha')).toMatchObject({ status: 400, body: { message: expect.not.stringMatching(/months|[A-Za-z]{6,}/) } });
  });
});
