import { expect, test } from '@playwright/test';
import { logIn } from './console.js';

/**
 * The stack's town workflows start with the stack: last month's report is
 * drawn when the stack starts within its reporting days (the 1st to the 3rd)
 * and not otherwise, so the screen shows either the draft with its deadline or
 * says the report is not drawn — never a failure. The submission is tested in
 * the town workflow's own test (test/workflows/town-cadence.test.ts).
 */
test('the town officer opens the monthly report from the menu; it shows the draft of last month or says it is not drawn, never a failure', async ({ page }) => {
  await logIn(page, 'zhen.dongcheng');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '月度上报' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '月度风险户和风险消除户上报' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '报告月份' })).toBeVisible();
  await expect(page.getByText('该月报告尚未生成').or(page.getByText('上报期限'))).toBeVisible();
  await expect(page.getByText('加载失败')).toHaveCount(0);
});
