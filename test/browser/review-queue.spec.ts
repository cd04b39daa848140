import { expect, test } from '@playwright/test';
import { logIn, logOut } from './console.js';
import { call, householdAtTownAudit, login, monitoredHousehold } from './stage.js';

const ELIMINATED = '车海生';
const IDENTIFIED = '闵秀兰';

/**
 * The county bureau's queue 待办审核: a risk elimination the town has audited
 * and an identification the town has audited wait on the county, with their
 * clocks; the bureau filters, clicks through to the household's elimination
 * card, confirms, and the case leaves the queue. The town officer's queue has
 * its audits.
 */
test('the county bureau works its queue of decisions: filters, clicks through to the elimination card, confirms; the town officer sees its audits', async ({ page, baseURL }) => {
  const base = baseURL!;
  const [cadre, town] = [await login(base, 'cun.donggang'), await login(base, 'zhen.dongcheng')];
  // A monitoring object whose risk elimination the town has audited: it waits on the county's confirmation.
  const eliminated = await monitoredHousehold(base, ELIMINATED, '东岗村六组3号');
  await call(base, 'POST', `/households/${eliminated}/elimination`, cadre, { statement: '务工收入稳定，高于监测标准', evidence: [{ title: '收入测算表' }] });
  await call(base, 'POST', `/households/${eliminated}/elimination/decisions`, town, { step: 'town_audit', decision: 'approve', opinion: '经核实同意' });
  // An identification case at the town's audit, and one more the town passes on to the county.
  const identified = await householdAtTownAudit(base, IDENTIFIED, '东岗村六组9号');
  const step = (token: string, path: string, body: unknown) => call(base, 'POST', `/households/${identified}/identification${path}`, token, body);

  // The town officer's queue: the identification at its audit, with the audit's 2-working-day clock.
  await logIn(page, 'zhen.dongcheng');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '待办审核' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '待办审核' })).toBeVisible();
  const townQueue = page.getByRole('table', { name: '待办审核' });
  const audit = townQueue.getByRole('row').filter({ hasText: IDENTIFIED });
  await expect(audit).toContainText('乡镇审核');
  await expect(audit).toContainText('本环节 截止');
  await expect(townQueue.getByRole('row').filter({ hasText: ELIMINATED })).toHaveCount(0);
  await logOut(page);
  await step(town, '/decisions', { step: 'town_audit', decision: 'approve', opinion: '审核同意' });

  // The county bureau: both wait on it; the identification with its whole-case clock.
  await logIn(page, 'xian.xczx');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '待办审核' }).click();
  const queue = page.getByRole('table', { name: '待办审核' });
  const decision = queue.getByRole('row').filter({ hasText: IDENTIFIED });
  await expect(decision).toContainText('监测对象识别');
  await expect(decision).toContainText('县级确定');
  await expect(decision).toContainText('全程 截止');
  const confirmation = queue.getByRole('row').filter({ hasText: ELIMINATED });
  await expect(confirmation).toContainText('风险消除');
  await expect(confirmation).toContainText('县级确认');

  // Only the eliminations: the identification leaves the list.
  await page.getByRole('radiogroup', { name: '案件类型' }).getByText('风险消除', { exact: true }).click();
  await expect(queue.getByRole('row').filter({ hasText: IDENTIFIED })).toHaveCount(0);
  await expect(confirmation).toBeVisible();

  // Through to the household's elimination card, confirmed there.
  await confirmation.getByRole('link', { name: `办理${ELIMINATED}的县级确认` }).click();
  await expect(page.getByRole('heading', { name: `${ELIMINATED} · 农户详情` })).toBeVisible();
  const card = page.getByRole('region', { name: '风险消除', exact: true });
  await expect(card).toBeInViewport();
  const form = card.getByRole('form', { name: '办理“县级确认”' });
  await form.getByRole('radio', { name: '同意' }).click();
  await form.getByLabel('意见').fill('确认风险消除');
  await form.getByRole('button', { name: '办理“县级确认”' }).click();
  await expect(card.getByText('已确认风险消除')).toBeVisible();

  // Back in the queue from the menu: the confirmed case has left it, the identification is still there.
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '待办审核' }).click();
  await expect(queue.getByRole('row').filter({ hasText: IDENTIFIED })).toBeVisible();
  await expect(queue.getByRole('row').filter({ hasText: ELIMINATED })).toHaveCount(0);
});
