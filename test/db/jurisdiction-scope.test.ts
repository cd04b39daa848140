import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewHousehold } from '../../db/database.js';
import { dueItemsRepo } from '../../db/repositories/due-items.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { measureTasksRepo } from '../../db/repositories/measure-tasks.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const COUNTY = '990101';
const TOWN = '990101001'; // 东城镇
const VILLAGE = '990101001201'; // 东岗村
const GROUP = '990101001201001'; // 东岗村第一村民小组
const OTHER_GROUP = '990101001201002';
const OTHER_VILLAGE = '990101001202'; // 河口村, 东城镇
const OTHER_TOWN_VILLAGE = '990101002201'; // 岭上村, 西岭镇
const NEIGHBOUR = { county: '990102', town: '990102001', village: '990102001201', group: '990102001201001' };
const CITY = '9901';

const now = new Date('2026-11-20T02:00:00Z');
const day = (n: number) => new Date(Date.UTC(2026, 0, n, 2));

/**
 * One household in each kind of place a scope must tell apart: the group, a
 * neighbouring group, a neighbouring village, another town, another county;
 * `inGroupSameTime` shares its registration time with `inGroup`, so that the
 * newest-first order falls back to the id.
 */
const NAMES = ['inGroup', 'inGroupSameTime', 'otherGroup', 'otherVillage', 'otherTown', 'otherCounty'] as const;
type Name = (typeof NAMES)[number];

let t: TestDatabase;
let h: Record<Name, string>;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db
    .insertInto('jurisdictions')
    .values([
      { id: CITY, parent_id: null, level: 'city', name: '示范市' },
      { id: NEIGHBOUR.county, parent_id: null, level: 'county', name: '邻县' },
      { id: NEIGHBOUR.town, parent_id: NEIGHBOUR.county, level: 'town', name: '邻镇' },
      { id: NEIGHBOUR.village, parent_id: NEIGHBOUR.town, level: 'village', name: '邻村' },
      { id: NEIGHBOUR.group, parent_id: NEIGHBOUR.village, level: 'group', name: '邻村第一村民小组' },
    ])
    .execute();
  const insert = async (place: Pick<NewHousehold, 'county_id' | 'town_id' | 'village_id' | 'group_id'>, headName: string, createdAt: Date) =>
    (await householdsRepo(t.db).insert({ ...place, address: `${headName}家`, head_name: headName, category: 'marginal', created_at: createdAt })).id;
  h = {
    inGroup: await insert({ county_id: COUNTY, town_id: TOWN, village_id: VILLAGE, group_id: GROUP }, '张一', day(10)),
    inGroupSameTime: await insert({ county_id: COUNTY, town_id: TOWN, village_id: VILLAGE, group_id: GROUP }, '张二', day(10)),
    otherGroup: await insert({ county_id: COUNTY, town_id: TOWN, village_id: VILLAGE, group_id: OTHER_GROUP }, '李三', day(11)),
    otherVillage: await insert({ county_id: COUNTY, town_id: TOWN, village_id: OTHER_VILLAGE, group_id: null }, '王四', day(12)),
    otherTown: await insert({ county_id: COUNTY, town_id: '990101002', village_id: OTHER_TOWN_VILLAGE, group_id: null }, '赵五', day(13)),
    otherCounty: await insert({ county_id: NEIGHBOUR.county, town_id: NEIGHBOUR.town, village_id: NEIGHBOUR.village, group_id: NEIGHBOUR.group }, '钱六', day(14)),
  };
});
afterAll(async () => t?.destroy());

/** The ids of the households `names`, newest first and by id among those registered at the same time. */
const newestFirst = (...names: readonly Name[]) => {
  const created: Record<Name, number> = { inGroup: 10, inGroupSameTime: 10, otherGroup: 11, otherVillage: 12, otherTown: 13, otherCounty: 14 };
  return [...names].sort((a, b) => created[b] - created[a] || (h[a] < h[b] ? -1 : 1)).map((k) => h[k]);
};

describe('the level a list is scoped at', () => {
  it('is the jurisdiction’s level, and none for a city or an unknown id', async () => {
    const repo = jurisdictionsRepo(t.db);
    expect(await Promise.all([COUNTY, TOWN, VILLAGE, GROUP].map((id) => repo.placeLevel(id)))).toEqual(['county', 'town', 'village', 'group']);
    expect(await repo.placeLevel(CITY)).toBeUndefined();
    expect(await repo.placeLevel('000000')).toBeUndefined();
  });
});

describe('household search within a jurisdiction', () => {
  const search = (within: string, more: Partial<Parameters<ReturnType<typeof householdsRepo>['search']>[0]> = {}) =>
    householdsRepo(t.db).search({ withinJurisdiction: within, limit: 50, offset: 0, ...more });

  it.each([
    ['county', COUNTY, ['inGroup', 'inGroupSameTime', 'otherGroup', 'otherVillage', 'otherTown']],
    ['town', TOWN, ['inGroup', 'inGroupSameTime', 'otherGroup', 'otherVillage']],
    ['village', VILLAGE, ['inGroup', 'inGroupSameTime', 'otherGroup']],
    ['group', GROUP, ['inGroup', 'inGroupSameTime']],
    ['neighbouring county', NEIGHBOUR.county, ['otherCounty']],
  ] as const)('of a %s returns its households only, newest first, with their total', async (_level, within, names) => {
    const page = await search(within);
    expect(page.items.map((i) => i.id)).toEqual(newestFirst(...names));
    expect(page.total).toBe(names.length);
  });

  it('returns nothing within a city, whose households record no column of its own', async () => {
    expect(await search(CITY)).toEqual({ items: [], total: 0 });
  });

  it('pages through the scope in the same order and keeps the total', async () => {
    const first = await search(TOWN, { limit: 2, offset: 0 });
    const second = await search(TOWN, { limit: 2, offset: 2 });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(newestFirst('inGroup', 'inGroupSameTime', 'otherGroup', 'otherVillage'));
    expect([first.total, second.total]).toEqual([4, 4]);
  });

  it('finds a current member’s name or ID number only inside the scope, never a member who left', async () => {
    const members = householdMembersRepo(t.db);
    const member = { birth_date: '1990-05-01', sex: 'female', relation: 'spouse', labour_ability: 'capable', disability_grade: null } as const;
    await members.insert({ ...member, household_id: h.otherVillage, name: '孙小梅', id_number: '110101199005010021' });
    await members.insert({ ...member, household_id: h.inGroup, name: '周已迁', id_number: '110101199005010048', left_at: day(20) });

    expect((await search(TOWN, { name: '小梅' })).items.map((i) => i.id)).toEqual([h.otherVillage]);
    expect(await search(VILLAGE, { name: '小梅' })).toEqual({ items: [], total: 0 });
    expect((await search(COUNTY, { idNumber: '110101199005010021' })).items.map((i) => i.id)).toEqual([h.otherVillage]);
    expect(await search(GROUP, { idNumber: '110101199005010021' })).toEqual({ items: [], total: 0 });
    expect(await search(VILLAGE, { name: '周已迁' })).toEqual({ items: [], total: 0 });
    expect((await search(COUNTY, { name: '张' })).items.map((i) => i.id)).toEqual(newestFirst('inGroup', 'inGroupSameTime'));
  });

  it('narrows a scope by town and village and returns nothing for a town outside it', async () => {
    expect((await search(COUNTY, { townId: TOWN, villageId: OTHER_VILLAGE })).items.map((i) => i.id)).toEqual([h.otherVillage]);
    expect(await search(VILLAGE, { townId: '990101002' })).toEqual({ items: [], total: 0 });
  });
});

describe('task and deadline lists within a jurisdiction', () => {
  let keyOf: Record<Name, string>;

  beforeAll(async () => {
    const department = await t.db.selectFrom('departments').select('id').where('county_id', '=', COUNTY).where('code', '=', 'mz').executeTakeFirstOrThrow();
    const drawer = await t.db.selectFrom('users').select('id').where('username', '=', 'xian.xczx').executeTakeFirstOrThrow();
    const households = await t.db.selectFrom('households').selectAll().where('id', 'in', Object.values(h)).execute();
    keyOf = Object.fromEntries(NAMES.map((name) => [name, `task-${h[name]}-1-dibao_pension-1`])) as typeof keyOf;
    for (const [index, name] of NAMES.entries()) {
      const id = h[name];
      const place = households.find((row) => row.id === id)!;
      await t.db.insertInto('assistance_plans').values({ household_id: id, plan_no: 1, plan_key: `plan-${id}-1`, drawn_by: drawer.id, confirmed_at: now, measures: '[]' }).execute();
      // Deadlines in reverse order of registration: the lists' order is not the households'.
      const dueAt = new Date(now.getTime() + (30 - index) * 86_400_000);
      await measureTasksRepo(t.db).insert([
        {
          taskKey: keyOf[name],
          householdId: id,
          planNo: 1,
          countyId: place.county_id,
          townId: place.town_id,
          villageId: place.village_id,
          measure: 'dibao_pension',
          departmentId: department.id,
          required: true,
          assignedAt: now,
          assignedBy: null,
          dueAt,
          reassignedFrom: null,
        },
      ]);
      await dueItemsRepo(t.db).open([
        { key: `scope-test:${id}`, kind: 'monthly_visit', countyId: place.county_id, townId: place.town_id, villageId: place.village_id, householdId: id, dueAt, openedAt: now },
      ]);
    }
  });

  /** `names` soonest deadline first: the later a household comes in NAMES, the sooner its deadline. */
  const soonestFirst = (names: readonly Name[]) => [...names].sort((a, b) => NAMES.indexOf(b) - NAMES.indexOf(a));

  it.each([
    ['county', COUNTY, ['inGroup', 'inGroupSameTime', 'otherGroup', 'otherVillage', 'otherTown']],
    ['town', TOWN, ['inGroup', 'inGroupSameTime', 'otherGroup', 'otherVillage']],
    ['village', VILLAGE, ['inGroup', 'inGroupSameTime', 'otherGroup']],
    ['group', GROUP, ['inGroup', 'inGroupSameTime']],
    ['neighbouring county', NEIGHBOUR.county, ['otherCounty']],
    ['city', CITY, []],
  ] as const)('of a %s lists the tasks and open items placed in it only, soonest deadline first, with their total', async (_level, within, inScope) => {
    const names = soonestFirst(inScope);
    const tasks = await measureTasksRepo(t.db).list({ withinJurisdiction: within, status: 'open', now, limit: 50, offset: 0 });
    expect(tasks.items.map((i) => i.task_key)).toEqual(names.map((n) => keyOf[n]));
    expect(tasks.total).toBe(names.length);

    const items = await dueItemsRepo(t.db).list({ withinJurisdiction: within, state: 'open', kind: 'monthly_visit', now, limit: 50, offset: 0 });
    expect(items.items.map((i) => i.household_id)).toEqual(names.map((n) => h[n]));
    expect(items.total).toBe(names.length);
  });

  it('shows a task with its household, places and department, and counts only what the page’s filters keep', async () => {
    const page = await measureTasksRepo(t.db).list({ withinJurisdiction: TOWN, villageId: OTHER_VILLAGE, now, limit: 50, offset: 0 });
    expect(page).toMatchObject({ total: 1, items: [{ task_key: keyOf.otherVillage, head_name: '王四', town_name: '东城镇', village_name: '河口村', department_name: '民政局' }] });
    expect(await measureTasksRepo(t.db).list({ withinJurisdiction: GROUP, status: 'completed', now, limit: 50, offset: 0 })).toEqual({ items: [], total: 0 });
  });
});
