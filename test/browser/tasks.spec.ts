import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { logIn } from './console.js';

/** Sets the stage over the API (the console's own screens for it are tested in identification.spec.ts). */
async function call(baseURL: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${baseURL}/api${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = (await response.json().catch(() => null)) as any;
  expect(response.ok, `${method} ${path}: ${JSON.stringify(answer)}`).toBe(true);
  return answer;
}

const login = async (baseURL: string, username: string) => (await call(baseURL, 'POST', '/auth/login', undefined, { username, password: DEMO_PASSWORD })).token as string;
const month = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

/** A monitoring object of 东岗村 with a confirmed plan: one 低保 task for 民政局. */
async function householdWithTask(baseURL: string, headName: string): Promise<void> {
  const [cadre, town, county] = [await login(baseURL, 'cun.donggang'), await login(baseURL, 'zhen.dongcheng'), await login(baseURL, 'xian.xczx')];
  const { id } = await call(baseURL, 'POST', '/households', cadre, { villageId: '990101001201', address: '东岗村四组2号', headName, category: 'lifted_out' });
  const step = (token: string, path: string, body: unknown) => call(baseURL, 'POST', `/households/${id}/identification${path}`, token, body);
  await step(cadre, '', { channel: 'application', reason: '农户申报' });
  await step(cadre, '/application', {
    statement: '因病致贫风险',
    riskCauses: ['illness'],
    survey: { memberCount: 2, income: [{ period: month(), kind: 'wages', yuan: 900 }], spending: [{ period: month(), kind: 'medical', yuan: 8000, rigid: true }] },
  });
  await step(cadre, '/decisions', { step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长'] });
  await step(town, '/decisions', { step: 'town_audit', decision: 'approve', opinion: '审核同意' });
  await step(county, '/decisions', { step: 'county_decision', decision: 'approve', opinion: '确定为监测对象', category: 'unstable', riskCauses: ['illness'] });
  const plan = await call(baseURL, 'POST', `/households/${id}/plan`, town, { measures: [{ code: 'dibao_pension', deadlineDays: 20 }] });
  const key = plan.tasks[0].taskKey as string;
  // The task's own workflow has started once its item is in the register.
  await expect
    .poll(async () => (await call(baseURL, 'GET', `/due-items?householdId=${id}&kind=measure_task`, town)).items.map((i: { key: string }) => i.key))
    .toContain(key);
}

test('a department accepts a task, completes it with evidence, and hands another back, filtering its inbox', async ({ page, baseURL }) => {
  await householdWithTask(baseURL!, '郑春生');
  await householdWithTask(baseURL!, '冯秋月');

  await logIn(page, 'bumen.mz');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '帮扶任务' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '帮扶任务' })).toBeVisible();
  const inbox = page.getByRole('table', { name: '帮扶任务' });
  const first = inbox.getByRole('row', { name: /郑春生/ });
  const second = inbox.getByRole('row', { name: /冯秋月/ });
  await expect(first).toContainText('低保和养老保险');
  await expect(first).toContainText('待接收');
  await expect(second).toContainText('待接收');

  // Filters: another town has none of them; back to all towns.
  await page.getByRole('combobox', { name: '乡镇' }).focus();
  await page.getByRole('combobox', { name: '乡镇' }).fill('西岭镇');
  await page.getByRole('combobox', { name: '乡镇' }).press('Enter');
  await expect(first).toHaveCount(0);
  await page.getByRole('combobox', { name: '乡镇' }).fill('东城镇');
  await page.getByRole('combobox', { name: '乡镇' }).press('Enter');
  await expect(first).toBeVisible();

  await first.getByRole('button', { name: '接收 郑春生 低保和养老保险' }).click();
  await expect(first).toContainText('已接收');

  await first.getByRole('button', { name: '办结 郑春生 低保和养老保险' }).click();
  const done = page.getByRole('dialog', { name: '办结：郑春生 · 低保和养老保险' });
  await done.getByRole('button', { name: '办结' }).click();
  await expect(done.getByText('请填写办理情况')).toBeVisible();
  await done.getByLabel('办理情况').fill('已纳入低保，按月发放');
  await done.getByLabel('金额（元，可不填）').fill('500');
  await done.getByLabel('佐证材料名称').fill('低保审批表');
  await done.getByRole('button', { name: '办结' }).click();
  await expect(done).toBeHidden();
  // Open tasks only: the completed one has left the list.
  await expect(first).toHaveCount(0);

  await second.getByRole('button', { name: '退回 冯秋月 低保和养老保险' }).click();
  const back = page.getByRole('dialog', { name: '退回：冯秋月 · 低保和养老保险' });
  await back.getByRole('radio', { name: '不符合条件' }).check();
  await back.getByLabel('退回说明').fill('家庭收入超过低保标准');
  await back.getByRole('button', { name: '退回' }).click();
  await expect(back).toBeHidden();
  await expect(second).toHaveCount(0);

  await page.getByRole('radio', { name: '已办结' }).check();
  await expect(first).toContainText('已办结');
  await page.getByRole('radio', { name: '已退回' }).check();
  await expect(second).toContainText('已退回');
});
