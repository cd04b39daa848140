import { expect, test } from '@playwright/test';
import { logIn, logOut } from './console.js';
import { householdWithTask } from './stage.js';

/**
 * The department head 部门负责人 (the escalation ladder's first level): sees
 * the department's tasks in its inbox and may act on them as the officer does;
 * another department's head does not see them.
 */
test('the department head sees the department’s tasks and accepts one; another department’s head does not see it', async ({ page, baseURL }) => {
  await householdWithTask(baseURL!, '祁德旺');

  await logIn(page, 'fuze.mz');
  const menu = page.getByRole('navigation', { name: '导航菜单' });
  await expect(menu.getByRole('link')).toHaveText(['今日工作', '帮扶任务', '部门比对']);
  await menu.getByRole('link', { name: '帮扶任务' }).click();
  const row = page.getByRole('table', { name: '帮扶任务' }).getByRole('row', { name: /祁德旺/ });
  await expect(row).toContainText('待接收');
  await row.getByRole('button', { name: '接收 祁德旺 低保和养老保险' }).click();
  await expect(row).toContainText('已接收');
  await logOut(page);

  await logIn(page, 'fuze.jy');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '帮扶任务' }).click();
  // Its inbox has loaded — its own tasks, or none — and holds nothing of the other department's household.
  await expect(page.getByRole('table', { name: '帮扶任务' }).or(page.getByText('没有符合条件的任务'))).toBeVisible();
  await expect(page.getByText('祁德旺')).toHaveCount(0);
  await logOut(page);
});
