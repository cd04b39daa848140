/** Sets the stage for a journey over the API, as the users before the one under test would have. */
import { expect } from '@playwright/test';
import { createDb } from '../../db/kysely.js';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { hashPassword } from '../../platform/passwords.js';

/** Sets the stage over the API (the console's own screens for it are tested in identification.spec.ts). */
export async function call(baseURL: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${baseURL}/api${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json().catch(() => null)) as any;
  expect(response.ok, `${method} ${path}: ${JSON.stringify(answer)}`).toBe(true);
  return answer;
}

export const login = async (baseURL: string, username: string) => (await call(baseURL, 'POST', '/auth/login', undefined, { username, password: DEMO_PASSWORD })).token as string;
const month = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

/** A village of the demo county's 东城镇 and its cadre. */
export interface Village {
  readonly id: string;
  readonly cadre: string;
}
export const DONGGANG: Village = { id: '990101001201', cadre: 'cun.donggang' };
export const HEKOU: Village = { id: '990101001202', cadre: 'cun.hekou' };

/** A household of the village (东岗村 unless told) that has applied: it waits on the village's review. */
export async function householdAtVillageReview(baseURL: string, headName: string, address = '东岗村四组2号', village = DONGGANG): Promise<string> {
  const cadre = await login(baseURL, village.cadre);
  const { id } = await call(baseURL, 'POST', '/households', cadre, { villageId: village.id, address, headName, category: 'lifted_out' });
  const step = (path: string, body: unknown) => call(baseURL, 'POST', `/households/${id}/identification${path}`, cadre, body);
  await step('', { channel: 'application', reason: '农户申报' });
  await step('/application', {
    statement: '因病致贫风险',
    riskCauses: ['illness'],
    survey: { memberCount: 2, income: [{ period: month(), kind: 'wages', yuan: 900 }], spending: [{ period: month(), kind: 'medical', yuan: 8000, rigid: true }] },
  });
  return id as string;
}

/** A household of the village (东岗村 unless told) whose application the village has reviewed: it waits on the town's audit. */
export async function householdAtTownAudit(baseURL: string, headName: string, address = '东岗村四组2号', village = DONGGANG): Promise<string> {
  const id = await householdAtVillageReview(baseURL, headName, address, village);
  await call(baseURL, 'POST', `/households/${id}/identification/decisions`, await login(baseURL, village.cadre), { step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长'] });
  return id;
}

/** A monitoring object 监测对象 of the village (东岗村 unless told), each identification step by its own user over the API. */
export async function monitoredHousehold(baseURL: string, headName: string, address = '东岗村四组2号', village = DONGGANG): Promise<string> {
  const id = await householdAtTownAudit(baseURL, headName, address, village);
  const [town, county] = [await login(baseURL, 'zhen.dongcheng'), await login(baseURL, 'xian.xczx')];
  const step = (token: string, path: string, body: unknown) => call(baseURL, 'POST', `/households/${id}/identification${path}`, token, body);
  await step(town, '/decisions', { step: 'town_audit', decision: 'approve', opinion: '审核同意' });
  await step(county, '/decisions', { step: 'county_decision', decision: 'approve', opinion: '确定为监测对象', category: 'unstable', riskCauses: ['illness'] });
  return id as string;
}

/** A monitoring object of 东岗村 with a confirmed plan: one 低保 task for 民政局. */
export async function householdWithTask(baseURL: string, headName: string): Promise<{ id: string; key: string }> {
  const id = await monitoredHousehold(baseURL, headName);
  const town = await login(baseURL, 'zhen.dongcheng');
  const plan = await call(baseURL, 'POST', `/households/${id}/plan`, town, { measures: [{ code: 'dibao_pension', deadlineDays: 20 }] });
  const key = plan.tasks[0].taskKey as string;
  // The task's own workflow has started once its item is in the register.
  await expect
    .poll(async () => (await call(baseURL, 'GET', `/due-items?householdId=${id}&kind=measure_task`, town)).items.map((i: { key: string }) => i.key))
    .toContain(key);
  return { id, key };
}


/** The password every account made by `newCounty` is first given, before it chooses the demo password. */
const GIVEN_PASSWORD = 'given-by-admin-2026';

/** Logs in with the given password and chooses the demo password, as the console demands at first login. */
async function chooseOwnPassword(baseURL: string, username: string): Promise<string> {
  const given = (await call(baseURL, 'POST', '/auth/login', undefined, { username, password: GIVEN_PASSWORD })).token as string;
  const response = await fetch(`${baseURL}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${given}` },
    body: JSON.stringify({ currentPassword: GIVEN_PASSWORD, newPassword: DEMO_PASSWORD }),
  });
  expect(response.status, `${username}: ${await response.text()}`).toBe(204);
  return login(baseURL, username);
}

/**
 * A county of its own, made as the system administrator makes one
 * (POST /admin/counties on the shipped profile `profileId`), with one town, one
 * village and its village cadre, made by the county's bureau through the admin
 * API; every account then logs in with the demo password. The demo stack has
 * no system administrator: the one fixture is that account, written as the
 * schema owner (as the access matrix does).
 */
export async function newCounty(
  baseURL: string,
  county: { code: string; name: string; profileId: string; bureau: string; cadre: string },
): Promise<{ countyId: string; villageId: string; bureau: string; cadre: string }> {
  const admin = 'browser.admin';
  const db = createDb(process.env.SHOUDI_BROWSER_OWNER_URL!, { max: 1 });
  await db
    .insertInto('users')
    .values({ username: admin, display_name: '系统管理员', password_hash: await hashPassword(DEMO_PASSWORD), role: 'system_admin', jurisdiction_id: null, department_id: null, must_change_password: false })
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
  await db.destroy();
  const adminToken = await login(baseURL, admin);
  const made = await call(baseURL, 'POST', '/admin/counties', adminToken, {
    divisionCode: county.code,
    countyName: county.name,
    cityName: '测试市',
    provinceName: '测试省',
    profileId: county.profileId,
    bureauUsername: county.bureau,
    bureauDisplayName: `${county.name}乡村振兴局`,
    bureauPassword: GIVEN_PASSWORD,
  });
  const bureau = await chooseOwnPassword(baseURL, county.bureau);
  const prefix = county.code.slice(0, 6);
  const town = await call(baseURL, 'POST', '/admin/places', bureau, { parentId: made.id, level: 'town', divisionCode: `${prefix}100000`, placeName: '城关镇' });
  const village = await call(baseURL, 'POST', '/admin/places', bureau, { parentId: town.id, level: 'village', divisionCode: `${prefix}100201`, placeName: '城东村' });
  await call(baseURL, 'POST', '/admin/users', bureau, { username: county.cadre, displayName: '城东村 村干部', role: 'village_cadre', jurisdictionId: village.id, password: GIVEN_PASSWORD });
  await chooseOwnPassword(baseURL, county.cadre);
  return { countyId: made.id as string, villageId: village.id as string, bureau: county.bureau, cadre: county.cadre };
}
