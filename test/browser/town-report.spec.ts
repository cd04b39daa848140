import { expect, test } from '@playwright/test';
import { logIn } from './console.js';

/**
 * The stack's town workflows start with the stack and draw the drafts of the
 * reports that open after that: last month's report opened before, so the
 * screen says it is not drawn. The submission is tested in the town workflow's
 * own test (test/workflows/town-cadence.test.ts); its browser journey needs a
 * town whose workflow drew a draft, which this stack cannot make.
 */
test('the town officer opens the monthly report from the menu; a month without a draft says so instead of failing', async ({ page }) => {
  await logIn(page, 'zhen.dongcheng');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '月度上报' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '月度风险户和风险消除户上报' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '报告月份' })).toBeVisible();
  await expect(page.getByText('该月报告尚未生成')).toBeVisible();
  await expect(page.getByText(/报告尚未生成（每月初生成上月报告草稿）/)).toBeVisible();
  await expect(page.getByText('加载失败')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '提交报告' })).toHaveCount(0);
});
