import { expect, test } from '@playwright/test';
import { logIn } from './console.js';
import { call, HEKOU, householdAtVillageReview, login, monitoredHousehold } from './stage.js';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const APPLIED = '景春燕';
const RETURNED = '封立国';

/**
 * The village cadre's today's work on a phone: the cases waiting on the village
 * — an application to review and a risk-elimination proposal the town handed
 * back — read from the review queue with their step; each 办理 opens the case's
 * card; a reviewed case leaves the list, the other stays. 河口村, which no other
 * journey uses, so the village's list is this journey's.
 */
test('the village cadre finds the village’s reviews and handed-back proposals in today’s work, opens each card from it and the reviewed case leaves the list', async ({ page, baseURL }) => {
  const base = baseURL!;
  const applied = await householdAtVillageReview(base, APPLIED, '河口村二组5号', HEKOU);
  const returned = await monitoredHousehold(base, RETURNED, '河口村三组1号', HEKOU);
  await call(base, 'POST', `/households/${returned}/elimination`, await login(base, HEKOU.cadre), { statement: '务工收入稳定', evidence: [{ title: '收入测算表' }] });
  await call(base, 'POST', `/households/${returned}/elimination/decisions`, await login(base, 'zhen.dongcheng'), { step: 'town_audit', decision: 'return', opinion: '请补充务工收入证明' });

  await logIn(page, HEKOU.cadre);
  await expect(page.getByRole('heading', { level: 1, name: '今日工作' })).toBeVisible();
  const cases = page.getByRole('table', { name: '等待本级办理的案件' });
  const review = cases.getByRole('row').filter({ hasText: APPLIED });
  await expect(review).toContainText('监测对象识别');
  await expect(review).toContainText('村组评议');
  const proposal = cases.getByRole('row').filter({ hasText: RETURNED });
  await expect(proposal).toContainText('风险消除');
  await expect(proposal).toContainText('村级提出风险消除');
  // The whole queue is one click away.
  await expect(page.getByRole('link', { name: /^全部待办审核（\d+件）$/ })).toHaveAttribute('href', '/review-queue');

  // 办理 opens the identification card, in view, where the village reviews the application.
  await review.getByRole('link', { name: `办理${APPLIED}的村组评议` }).click();
  await expect(page).toHaveURL(new RegExp(`/households/${applied}#identification$`));
  const card = page.getByRole('region', { name: '监测对象认定' });
  await expect(card).toBeInViewport();
  const form = card.getByRole('form', { name: '办理“村组评议”' });
  await form.getByLabel('参与评议人员（用顿号分隔）').fill('村民小组长、驻村工作队');
  await form.getByLabel('意见').fill('村组评议通过');
  await form.getByRole('button', { name: '办理“村组评议”' }).click();
  await expect(card.getByRole('form', { name: '办理“村组评议”' })).toHaveCount(0);

  // Back in today's work: the reviewed case waits on the town now and has left the village's list; the proposal is still there.
  await page.getByRole('button', { name: '展开菜单' }).click();
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '今日工作' }).click();
  await expect(proposal).toBeVisible();
  await expect(cases.getByRole('row').filter({ hasText: APPLIED })).toHaveCount(0);

  // The handed-back proposal opens the elimination card, with the town's reason and the form to propose again.
  await proposal.getByRole('link', { name: `办理${RETURNED}的村级提出风险消除` }).click();
  const elimination = page.getByRole('region', { name: '风险消除', exact: true });
  await expect(elimination).toBeInViewport();
  await expect(elimination).toContainText('请补充务工收入证明');
  await expect(elimination.getByRole('form', { name: '补充材料后重新提出' })).toBeVisible();
  // Within the phone's width: nothing to scroll sideways.
  expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
});
