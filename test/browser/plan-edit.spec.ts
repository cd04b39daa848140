import { expect, test } from '@playwright/test';
import { choose, logIn } from './console.js';
import { monitoredHousehold } from './stage.js';

const HEAD = '华振东';

/**
 * The town officer changes the suggested plan before confirming it: leaves a
 * suggested measure out, gives one to another department, adds one from the
 * county's catalogue — each refused without its reason, then confirmed, the
 * tasks going to the departments chosen and the reasons into the household file.
 */
test('the town officer leaves out, re-assigns and adds measures, each with its reason, and confirms the plan', async ({ page, baseURL }) => {
  const id = await monitoredHousehold(baseURL!, HEAD, '东岗村七组5号');
  await logIn(page, 'zhen.dongcheng');
  await page.goto(`/households/${id}`);
  await page.getByRole('button', { name: '帮扶计划' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${HEAD} · 帮扶计划` })).toBeVisible();
  const suggested = page.getByRole('region', { name: '建议的帮扶措施' });
  await expect(suggested.getByRole('article', { name: '医疗保障' })).toBeVisible();
  const insurance = suggested.getByRole('article', { name: '防返贫综合保险' });

  // Left out; another lead; one more from the catalogue.
  await insurance.getByRole('checkbox', { name: '选用 防返贫综合保险' }).click();
  await choose(page, '医疗保障的牵头部门', '民政局');
  await choose(page, '措施目录', '就业帮扶');
  await page.getByRole('button', { name: '增加', exact: true }).click();
  const added = page.getByRole('region', { name: '从措施目录增加措施' }).getByRole('article', { name: '就业帮扶' });
  await expect(added.getByRole('combobox', { name: '就业帮扶的牵头部门' })).toBeVisible();
  await expect(added).toContainText('人社局');
  await expect(page.getByText('调整了 3 项（每项须写明理由）')).toBeVisible();

  // Without the reasons: refused in words, nothing recorded.
  await page.getByRole('button', { name: '确认帮扶计划' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '请填写调整“医疗保障”的理由' })).toBeVisible();

  await page.getByRole('textbox', { name: '改由其他部门牵头“医疗保障”的理由' }).fill('医疗救助由民政局统筹');
  await page.getByRole('textbox', { name: '不采纳建议措施“防返贫综合保险”的理由' }).fill('该户已参加商业保险');
  await page.getByRole('textbox', { name: '增加措施“就业帮扶”的理由' }).fill('家中有劳动力，务工收入不稳');
  await page.getByRole('button', { name: '确认帮扶计划' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已确认第 1 号帮扶计划' })).toBeVisible();

  // The tasks went to the departments chosen; the file has each change with its reason.
  await page.getByRole('link', { name: '农户详情' }).click();
  const tasks = page.getByRole('region', { name: '帮扶任务' });
  await expect(tasks.getByRole('listitem').filter({ hasText: '医疗保障' })).toContainText('民政局');
  await expect(tasks.getByRole('listitem').filter({ hasText: '就业帮扶' })).toContainText('人社局');
  await expect(tasks.getByRole('listitem').filter({ hasText: '防返贫综合保险' })).toHaveCount(0);
  await page.getByRole('link', { name: '一户一档' }).click();
  await expect(page.getByText('改由其他部门牵头：医疗保障（医疗救助由民政局统筹）')).toBeVisible();
  await expect(page.getByText('不采纳建议措施：防返贫综合保险（该户已参加商业保险）')).toBeVisible();
  await expect(page.getByText('增加措施：就业帮扶（家中有劳动力，务工收入不稳）')).toBeVisible();
});
