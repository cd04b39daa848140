import { expect, test } from '@playwright/test';
import { createDb } from '../../db/kysely.js';
import { logIn, logOut, tick } from './console.js';

const NAME = '西岭镇突发困难户核查';
const HEADS = ['镇督查甲', '镇督查乙'];

/** Two households of 岭上村, 西岭镇, that this journey's criteria select (突发严重困难户). */
async function fixtures(): Promise<void> {
  const db = createDb(process.env.SHOUDI_BROWSER_OWNER_URL!, { max: 1 });
  try {
    await db
      .insertInto('households')
      .values(HEADS.map((head) => ({ county_id: '990101', town_id: '990101002', village_id: '990101002201', group_id: null, address: `岭上村${head}家`, head_name: head, category: 'sudden_hardship' as const })))
      .execute();
  } finally {
    await db.destroy();
  }
}

test('a town officer orders a campaign of his own town only, carried out by its villages, and publishes its notice as the town', async ({ page }) => {
  await fixtures();
  await logIn(page, 'zhen.xiling');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '专项督查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '专项督查' })).toBeVisible();
  // The area is his town; the whole county and the county's departments are not his to order.
  const area = page.getByRole('combobox', { name: '督查范围' });
  await expect(page.locator('.ant-select').filter({ has: area })).toContainText('西岭镇');
  await page.locator('.ant-select').filter({ has: area }).click();
  await expect(page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: '西岭镇' })).toBeVisible();
  await expect(page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: '全县' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('radio', { name: '行业部门' })).toHaveCount(0);

  await page.getByLabel('督查名称').fill(NAME);
  await page.getByLabel('督查事由').fill('镇党委部署突发严重困难户排查');
  await tick(page.getByRole('checkbox', { name: '突发严重困难户' }));
  await page.getByRole('button', { name: '预览核查对象数' }).click();
  await expect(page.getByRole('status').filter({ hasText: '符合条件的农户' })).toHaveText(/^符合条件的农户：\d+ 户$/);
  await page.getByRole('button', { name: '启动督查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  const byTown = page.getByRole('table', { name: '进度（按乡镇）' });
  await expect(byTown.getByRole('row', { name: /西岭镇/ })).toContainText('0%');
  await expect(byTown.getByRole('row', { name: /东城镇/ })).toHaveCount(0);

  await page.getByRole('button', { name: '发布通报' }).click();
  await page.getByRole('button', { name: '确定发布' }).click();
  const notice = page.getByRole('article', { name: '通报' });
  await expect(notice.getByRole('heading', { name: `关于“${NAME}”专项督查情况的通报` })).toBeVisible();
  await expect(notice).toContainText('西岭镇组织开展');
  await logOut(page);

  // Another town's officer does not see it.
  await logIn(page, 'zhen.dongcheng');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '专项督查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '专项督查' })).toBeVisible();
  await expect(page.getByRole('table', { name: '督查列表' }).or(page.getByText('暂无专项督查')).first()).toBeVisible();
  await expect(page.getByRole('link', { name: NAME })).toHaveCount(0);
});
