import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { logIn } from './console.js';

const HEAD = '钱月明';
const DONGGANG = '990101001201';
const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const today = () => shanghai.format(new Date());
const tomorrow = () => shanghai.format(new Date(Date.now() + 24 * 60 * 60 * 1000));

/** The API of the stack the console runs on, called as its users would (no shortcut into the database). */
async function call(method: string, path: string, token: string | null, body?: unknown): Promise<any> {
  const response = await fetch(`${process.env.SHOUDI_BROWSER_BASE_URL}/api${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
const login = async (username: string) => (await call('POST', '/auth/login', null, { username, password: DEMO_PASSWORD })).token as string;
const openItems = async (token: string, id: string) => (await call('GET', `/due-items?householdId=${id}&state=open`, token)).items as { kind: string }[];

/** A household of 东岗村 made a monitoring object 监测对象 over the API, each step by its own user; and a screening ordered for its village. */
async function monitoredHousehold(): Promise<{ id: string; monthlyItem: boolean }> {
  const [cadre, town, county] = [await login('cun.donggang'), await login('zhen.dongcheng'), await login('xian.xczx')];
  const { id } = await call('POST', '/households', cadre, { villageId: DONGGANG, address: '东岗村三组2号', headName: HEAD, category: 'lifted_out', channel: 'cadre_visit' });
  await expect.poll(async () => (await openItems(cadre, id)).map((i) => i.kind)).toContain('monthly_visit');
  const month = today().slice(0, 7);
  const step = (token: string, path: string, body: unknown) => call('POST', `/households/${id}/identification${path}`, token, body);
  await step(cadre, '', { channel: 'application', reason: '农户申报：户主患病' });
  await step(cadre, '/application', {
    statement: '户主患慢性病，收入下降，申请纳入监测',
    riskCauses: ['illness'],
    survey: { memberCount: 1, income: [{ period: month, kind: 'wages', yuan: 900 }], spending: [{ period: month, kind: 'medical', yuan: 8000, rigid: true }] },
  });
  await step(cadre, '/decisions', { step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长'] });
  await step(town, '/decisions', { step: 'town_audit', decision: 'approve', opinion: '审核同意' });
  await step(county, '/decisions', { step: 'county_decision', decision: 'approve', opinion: '确定为监测对象', category: 'unstable', riskCauses: ['illness'] });
  await expect.poll(async () => (await call('GET', `/households/${id}`, cadre)).stage).toBe('monitoring');
  await call('POST', '/screenings', county, { areaId: DONGGANG, reason: '强降雨', dueDays: 3 });
  await expect.poll(async () => (await call('GET', '/notifications?unread=true', cadre)).items.map((n: { title: string }) => n.title)).toContain('突发情况排查任务');
  // After the county's day of the month (the 20th in the demo county) the household is first due next month: then no item to start from.
  const monthlyItem = (await openItems(cadre, id)).some((i) => i.kind === 'monthly_update');
  return { id, monthlyItem };
}

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('a village cadre on a phone files the monthly update and the visit from today’s work, and reads a notification', async ({ page }) => {
  const { id, monthlyItem } = await monitoredHousehold();
  await logIn(page, 'cun.donggang');
  const bell = page.getByRole('button', { name: /^消息，/ });
  await expect(bell).toHaveAccessibleName(/^消息，\d+ 条未读$/);
  const unreadBefore = Number((await bell.getAttribute('aria-label'))?.match(/\d+/)?.[0]);

  // The monthly update 月度信息更新, from its item in today's work (or, past the month's day, from the household page).
  const due = page.getByRole('table', { name: '待办期限（按截止时间）' });
  if (monthlyItem) await due.getByRole('link', { name: `办理月度信息更新：${HEAD}` }).click();
  else {
    await page.goto(`/households/${id}`);
    await page.getByRole('button', { name: '月度信息更新' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: `${HEAD} · 月度信息更新` })).toBeVisible();
  const update = page.getByRole('form', { name: '月度信息更新' });
  // Usable at the phone's width: nothing wider than the screen.
  expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
  await update.getByLabel('收入金额（第1行）').fill('30000');
  await update.getByLabel('家庭人口数').fill('1');
  await update.getByLabel('享受的政策（用顿号分隔）').fill('城乡居民基本医疗保险、低保');
  await update.getByRole('button', { name: '提交' }).click();
  const answer = page.getByRole('status').filter({ hasText: '月度信息更新已提交' });
  await expect(answer).toContainText('研判结果：建议启动风险消除程序');
  await expect(answer).toContainText(monthlyItem ? '按时提交' : '逾期提交');
  await answer.getByRole('link', { name: '返回今日工作' }).click();

  // The visit 走访服务信息采集表: a date after today is refused in the server's words, then recorded.
  await expect(due.getByRole('link', { name: `办理月度信息更新：${HEAD}` })).toHaveCount(0);
  await due.getByRole('link', { name: `办理月度走访（走访服务信息采集表）：${HEAD}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${HEAD} · 走访服务信息采集` })).toBeVisible();
  const visit = page.getByRole('form', { name: '走访服务信息采集' });
  expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
  await visit.getByRole('button', { name: '提交' }).click();
  await expect(visit.getByText('请填写走访发现的情况')).toBeVisible();
  await visit.getByLabel('走访发现的情况').fill('户主病情稳定，家中务工收入稳定');
  await visit.getByLabel('走访日期').fill(tomorrow());
  await visit.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('alert')).toContainText(`走访日期不能晚于今天（${today()}）`);
  await visit.getByLabel('走访日期').fill(today());
  await visit.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('status').filter({ hasText: '走访已提交' })).toContainText('按时提交');
  await page.getByRole('link', { name: '返回今日工作' }).click();

  // The household's items have left today's list: the update, the visit, and the screening the visit answered.
  await expect(due.or(page.getByText('近期没有待办期限'))).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^办理.*：${HEAD}$`) })).toHaveCount(0);

  // The screening's notification is read; the bell's count drops.
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: '消息' })).toBeVisible();
  const inbox = page.getByRole('region', { name: '消息' });
  await inbox.getByRole('button', { name: '标为已读：突发情况排查任务' }).first().click();
  await expect(bell).toHaveAccessibleName(unreadBefore - 1 > 0 ? `消息，${unreadBefore - 1} 条未读` : '消息，无未读');
  await expect(page.getByText(`未读 ${unreadBefore - 1} 条`)).toBeVisible();
});
