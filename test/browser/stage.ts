/** Sets the stage for a journey over the API, as the users before the one under test would have. */
import { expect } from '@playwright/test';
import { DEMO_PASSWORD } from '../../db/seed.js';

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

/** A household of 东岗村 whose application the village has reviewed: it waits on the town's audit. */
export async function householdAtTownAudit(baseURL: string, headName: string, address = '东岗村四组2号'): Promise<string> {
  const cadre = await login(baseURL, 'cun.donggang');
  const { id } = await call(baseURL, 'POST', '/households', cadre, { villageId: '990101001201', address, headName, category: 'lifted_out' });
  const step = (path: string, body: unknown) => call(baseURL, 'POST', `/households/${id}/identification${path}`, cadre, body);
  await step('', { channel: 'application', reason: '农户申报' });
  await step('/application', {
    statement: '因病致贫风险',
    riskCauses: ['illness'],
    survey: { memberCount: 2, income: [{ period: month(), kind: 'wages', yuan: 900 }], spending: [{ period: month(), kind: 'medical', yuan: 8000, rigid: true }] },
  });
  await step('/decisions', { step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长'] });
  return id as string;
}

/** A monitoring object 监测对象 of 东岗村, each identification step by its own user over the API. */
export async function monitoredHousehold(baseURL: string, headName: string, address = '东岗村四组2号'): Promise<string> {
  const id = await householdAtTownAudit(baseURL, headName, address);
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

