import { expect, test } from '@playwright/test';
import { choose, logIn, logOut } from './console.js';
import { HEKOU, monitoredHousehold } from './stage.js';

const HEAD = '排查乙';

/**
 * The county bureau orders an immediate screening 突发情况排查 of one village
 * on its screen — refused without a reason, then ordered with the village picked
 * town → village — and sees its progress; the village's cadre finds the
 * household's screening visit in today's work.
 */
test('the county bureau orders a screening of a village from its screen and sees its progress; the village cadre finds the visit in today’s work', async ({ page, baseURL }) => {
  await monitoredHousehold(baseURL!, HEAD, '河口村四组2号', HEKOU);
  await logIn(page, 'xian.xczx');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '突发情况排查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '部署突发情况排查' })).toBeVisible();
  const form = page.getByRole('form', { name: '部署突发情况排查' });
  await form.getByRole('button', { name: '部署排查' }).click();
  await expect(form.getByText('请填写排查原因')).toBeVisible();

  await choose(page, '排查范围', '东城镇');
  await choose(page, '其中的村', '河口村');
  await form.getByLabel('排查原因').fill('强降雨引发山洪，排查受灾风险');
  await form.getByLabel('完成期限（天）').fill('3');
  await form.getByRole('button', { name: '部署排查' }).click();
  await expect(page.getByText('排查已部署')).toBeVisible();
  const progress = page.getByRole('region', { name: '排查进度' });
  await expect(progress).toContainText('强降雨引发山洪，排查受灾风险');
  await expect(progress).toContainText(/完成期限\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  await expect(progress).toContainText(/排查户数\s*[1-9]/);
  await expect(progress).toContainText(/已逾期\s*0/);
  await logOut(page);

  // 河口村's cadre: the household's screening visit is due in today's work.
  await logIn(page, HEKOU.cadre);
  await expect(page.getByRole('table', { name: '待办期限（按截止时间）' }).getByRole('row').filter({ hasText: HEAD }).filter({ hasText: '突发情况排查走访' })).toBeVisible();
});
