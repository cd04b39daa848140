import { expect, test } from '@playwright/test';
import { logIn } from './console.js';
import { householdWithTask } from './stage.js';

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
