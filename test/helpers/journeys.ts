/**
 * What the e2e tests do over HTTP again and again: log the demo users in,
 * register a household, take it through identification, read its file and its
 * items in the register. Only routes are called, so the tests follow the API
 * and not the code behind it.
 */
import { expect } from 'vitest';
import type { Api } from './stack.js';
import { eventually } from './wait.js';

/** The demo users who act on a household of 东岗村 (东城镇), and those just outside. */
export const DEMO_USERS = {
  cadre: 'cun.donggang',
  otherCadre: 'cun.hekou',
  town: 'zhen.dongcheng',
  otherTown: 'zhen.xiling',
  county: 'xian.xczx',
  mz: 'bumen.mz',
  rs: 'bumen.rs',
  supervisor: 'ducha',
} as const;
export type Tokens = Record<keyof typeof DEMO_USERS, string>;

export const DONGGANG = '990101001201';
export const DONGCHENG = '990101001';

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
/** Today in Asia/Shanghai, YYYY-MM-DD. */
export const today = (): string => shanghaiDate.format(new Date());
/** This month in Asia/Shanghai, YYYY-MM. */
export const thisMonth = (): string => today().slice(0, 7);

/** The month `n` months after `period` (YYYY-MM). */
export function monthAfter(period: string, n: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + month - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The day after `date` (YYYY-MM-DD). */
export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}


export async function loginAll(api: Api): Promise<Tokens> {
  const entries = await Promise.all(Object.entries(DEMO_USERS).map(async ([who, username]) => [who, await api.login(username)] as const));
  return Object.fromEntries(entries) as Tokens;
}

/** The user row's id, for comparing with the actors the API names. */
export async function userId(api: Api, token: string): Promise<string> {
  return (await api.call('GET', '/auth/me', { token })).body.id as string;
}

/** The household file's entries, oldest first. */
export async function fileEvents(api: Api, token: string, householdId: string): Promise<any[]> {
  const file = await api.call('GET', `/households/${householdId}/file`, { token });
  expect(file.status).toBe(200);
  return file.body.events;
}

/** The household's items in the deadline register in one state. */
export async function dueItemsOf(api: Api, token: string, householdId: string, state: 'open' | 'overdue' | 'done' = 'open'): Promise<any[]> {
  const page = await api.call('GET', `/due-items?householdId=${householdId}&state=${state}`, { token });
  expect(page.status).toBe(200);
  return page.body.items;
}

/**
 * Registers a household of 东岗村 as its village cadre and waits until its
 * workflow has opened the month's items in the register (the visit always:
 * it is due at the month's end).
 */
export async function registerHousehold(api: Api, tokens: Tokens, headName: string): Promise<string> {
  const created = await api.call('POST', '/households', {
    token: tokens.cadre,
    body: { villageId: DONGGANG, address: '东岗村一组6号', headName, category: 'lifted_out', channel: 'cadre_visit' },
  });
  expect(created.status).toBe(202);
  const id = created.body.id as string;
  await eventually(async () => expect((await dueItemsOf(api, tokens.cadre, id)).map((i) => i.kind)).toContain('monthly_visit'));
  return id;
}

/**
 * Takes a registered household through identification in a county whose
 * profile has no public notice: application, village review, town audit,
 * county decision — each step by its own user, over HTTP.
 */
export async function identifyHousehold(api: Api, tokens: Tokens, id: string): Promise<void> {
  const month = thisMonth();
  const step = (token: string, path: string, body: unknown) => api.call('POST', `/households/${id}/identification${path}`, { token, body });
  expect(await step(tokens.cadre, '', { channel: 'application', reason: '农户申报：户主患病' })).toMatchObject({ status: 200, body: { current: 'application' } });
  expect(
    await step(tokens.cadre, '/application', {
      statement: '户主患慢性病，收入下降，申请纳入监测',
      riskCauses: ['illness'],
      survey: { memberCount: 3, income: [{ period: month, kind: 'wages', yuan: 900 }], spending: [{ period: month, kind: 'medical', yuan: 8000, rigid: true }] },
      evidence: [{ title: '门诊病历' }],
    }),
  ).toMatchObject({ status: 200, body: { current: 'village_review' } });
  expect(await step(tokens.cadre, '/decisions', { step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长'] })).toMatchObject({
    status: 200,
    body: { current: 'town_audit' },
  });
  expect(await step(tokens.town, '/decisions', { step: 'town_audit', decision: 'approve', opinion: '审核同意' })).toMatchObject({ status: 200, body: { current: 'county_decision' } });
  expect(
    await step(tokens.county, '/decisions', { step: 'county_decision', decision: 'approve', opinion: '确定为监测对象', category: 'unstable', riskCauses: ['illness'] }),
  ).toMatchObject({ status: 200, body: { status: 'approved', current: null } });
}

/** A household of 东岗村 that is a monitoring object 监测对象 (the county's profile without a public notice). */
export async function monitoredHousehold(api: Api, tokens: Tokens, headName: string): Promise<string> {
  const id = await registerHousehold(api, tokens, headName);
  await identifyHousehold(api, tokens, id);
  return id;
}

/**
 * The town confirms the household's assistance plan 帮扶措施表; answers its
 * tasks once each task's own workflow has opened its item in the register.
 */
export async function confirmPlan(api: Api, tokens: Tokens, id: string, measures: readonly Record<string, unknown>[]): Promise<any[]> {
  const confirmed = await api.call('POST', `/households/${id}/plan`, { token: tokens.town, body: { measures } });
  expect(confirmed.status).toBe(200);
  const tasks: any[] = confirmed.body.tasks;
  await eventually(async () => {
    const items = await dueItemsOf(api, tokens.town, id);
    expect(items.filter((i) => i.kind === 'measure_task').map((i) => i.key).sort()).toEqual(tasks.map((task) => task.taskKey).sort());
  });
  return tasks;
}
