import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { DAY_MS } from '../../domain/calendar/dates.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { demoCountyWithoutNotice, pointDemoCountyAt } from '../helpers/profiles.js';

const COUNTY = '990101';
const DONGCHENG = '990101001';
const XILING = '990101002';
const DONGGANG = '990101001201'; // 东岗村, 东城镇
const LINGSHANG = '990101002201'; // 岭上村, 西岭镇

const now = Date.now();
const ago = (days: number) => new Date(now - days * DAY_MS);

let t: TestDatabase;
let app: App;

const token = async (username: string) =>
  (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } })).json().token as string;
const get = async (url: string, username = 'lingdao') => (await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await token(username)}` } })).json();

type Item = { headName: string; riskColour: { colour: string; because: { condition: string }[] } | null };
const colours = (items: Item[]) => Object.fromEntries(items.map((i) => [i.headName, i.riskColour && [i.riskColour.colour, ...i.riskColour.because.map((b) => b.condition)]]));

beforeAll(async () => {
  t = await createTestDatabase();
  const user = (await t.db.selectFrom('users').select('id').where('username', '=', 'zhen.dongcheng').executeTakeFirstOrThrow()).id;
  const mz = (await t.db.selectFrom('departments').select('id').where('name', '=', '民政局').executeTakeFirstOrThrow()).id;
  const insert = (head: string, town = DONGCHENG, village = DONGGANG) =>
    t.owner
      .insertInto('households')
      .values({ county_id: COUNTY, town_id: town, village_id: village, group_id: null, address: `${head}家`, head_name: head, category: 'unstable', stage: 'monitoring' })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const [late, fresh, acted, under, underHelped, overdue, calm, west] = await Promise.all(
    ['预警超时', '新预警', '已处置', '低收入无措施', '低收入有措施', '月度逾期', '平稳户'].map((h) => insert(h)).concat(insert('西岭户', XILING, LINGSHANG)),
  );
  let n = 0;
  const event = (household: string, kind: string, at: Date, payload: object = {}) => ({ household_id: household, event_key: `e${n++}`, kind, occurred_at: at, payload: JSON.stringify(payload) });
  const assessed = (belowMonitoring: boolean, belowWarning: boolean) => ({ summary: { belowMonitoring, belowWarning } });
  await t.owner
    .insertInto('household_events')
    .values([
      event(late!, 'monitoring.warning_raised', ago(20)),
      event(fresh!, 'monitoring.warning_raised', ago(3)),
      event(acted!, 'monitoring.warning_raised', ago(20)),
      event(acted!, 'identification.opened', ago(18)),
      // The latest assessment counts: under the line earlier, above it now.
      event(calm!, 'monitoring.assessed', ago(40), assessed(true, true)),
      event(calm!, 'monitoring.assessed', ago(10), assessed(false, false)),
      event(under!, 'monitoring.assessed', ago(10), assessed(true, true)),
      event(underHelped!, 'monitoring.assessed', ago(10), assessed(true, true)),
      event(west!, 'identification.assessed', ago(5), assessed(true, false)),
    ])
    .execute();
  await t.owner
    .insertInto('assistance_plans')
    .values({ household_id: underHelped!, plan_no: 1, plan_key: `plan-${underHelped}-1`, drawn_by: user, confirmed_at: ago(9), note: null, measures: JSON.stringify([]) })
    .execute();
  await t.owner
    .insertInto('measure_tasks')
    .values({
      task_key: 'task-colour-1',
      household_id: underHelped!,
      plan_no: 1,
      county_id: COUNTY,
      town_id: DONGCHENG,
      village_id: DONGGANG,
      measure: 'dibao',
      department_id: mz,
      required: true,
      assigned_at: ago(9),
      due_at: new Date(now + 10 * DAY_MS),
    })
    .execute();
  await t.owner
    .insertInto('due_items')
    .values({ item_key: 'colour-overdue', kind: 'monthly_update', county_id: COUNTY, town_id: DONGCHENG, village_id: DONGGANG, household_id: overdue!, due_at: ago(2), opened_at: ago(30) })
    .execute();
  await policyProfilesRepo(t.owner).addMissing([{ id: 'shifan-plain', version: 1, effectiveFrom: '2020-01', countyName: '示范县', body: { ...shifanV1, id: 'shifan-plain', version: 1, effectiveFrom: '2020-01' } }]);
  app = await buildApp({ db: t.db, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1 });
});

afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

describe('risk colours by the county profile’s rules', () => {
  it('a profile without rules grades nobody and says the county must enter them', async () => {
    await pointDemoCountyAt(t.owner, 'shifan-plain');
    const board = await get('/api/risk-colours');
    expect(board).toMatchObject({ configured: false, county: { green: 0, yellow: 0, red: 0 } });
    expect(board.message).toContain('未配置');
    expect((await get('/api/households?limit=50')).items.every((i: Item) => i.riskColour === null)).toBe(true);
  });

  it('colours each household on the list by the first rule that holds: red, then yellow, else green, with the reasons', async () => {
    await demoCountyWithoutNotice(t.owner, 'shifan-coloured');
    const list = await get('/api/households?limit=50', 'zhen.dongcheng');
    expect(colours(list.items)).toEqual({
      预警超时: ['red', 'warning_past_clock'],
      新预警: ['yellow', 'warning_open'],
      已处置: ['green'],
      低收入无措施: ['red', 'below_line_without_measure'],
      低收入有措施: ['yellow', 'below_warning_line'],
      月度逾期: ['yellow', 'overdue_item'],
      平稳户: ['green'],
    });
  });

  it('counts the county’s households by colour, in all and by town, for the dashboard', async () => {
    const board = await get('/api/risk-colours', 'ducha');
    expect(board).toMatchObject({ configured: true, note: '示范县风险等级规则为演示数据' });
    expect(board.rules.red).toEqual(['风险预警超过处置时限仍未处置', '收入低于监测标准且无帮扶措施']);
    // 西岭户: under the monitoring line with no measure → red.
    expect(board.county).toEqual({ green: 2, yellow: 3, red: 3 });
    expect(board.byTown.map((r: { name: string; green: number; yellow: number; red: number }) => [r.name, r.green, r.yellow, r.red])).toEqual([
      ['东城镇', 2, 3, 2],
      ['西岭镇', 0, 0, 1],
      ['南溪乡', 0, 0, 0],
    ]);
  });

  it('opens each of the dashboard’s counts as the list of the households it counts, of the county or of a town', async () => {
    const red = await get('/api/households?riskColour=red&limit=50', 'ducha');
    expect(red.total).toBe(3);
    expect(red.items.map((i: Item) => i.headName).sort()).toEqual(['低收入无措施', '预警超时', '西岭户'].sort());
    expect(red.items.every((i: Item) => i.riskColour?.colour === 'red')).toBe(true);
    const westRed = await get(`/api/households?riskColour=red&townId=${XILING}&limit=50`, 'ducha');
    expect(westRed.items.map((i: Item) => i.headName)).toEqual(['西岭户']);
    // A town's officer sees the colour's households of the town only.
    const dongYellow = await get('/api/households?riskColour=yellow&limit=50', 'zhen.dongcheng');
    expect(dongYellow.items.map((i: Item) => i.headName).sort()).toEqual(['低收入有措施', '新预警', '月度逾期'].sort());
  });

  it('is for those who supervise', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/risk-colours', headers: { authorization: `Bearer ${await token('cun.donggang')}` } });
    expect(r.statusCode).toBe(403);
  });
});
