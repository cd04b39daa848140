import { expect, test } from '@playwright/test';
import { createDb } from '../../db/kysely.js';
import { DAY_MS } from '../../domain/calendar/dates.js';
import { logIn, logOut, tick } from './console.js';

const NAME = '突发困难户专项督查';
const HEADS = ['督查核查甲', '督查核查乙', '督查核查丙'];

/** Three households of 东岗村 that only this journey's criteria select (突发严重困难户, registered). */
async function owner<T>(run: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb(process.env.SHOUDI_BROWSER_OWNER_URL!, { max: 1 });
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

const fixtures = () =>
  owner((db) =>
    db
      .insertInto('households')
      .values(HEADS.map((head) => ({ county_id: '990101', town_id: '990101001', village_id: '990101001201', group_id: null, address: `东岗村${head}家`, head_name: head, category: 'sudden_hardship' as const })))
      .execute(),
  );

/**
 * The stack cannot let ten days pass in a test's minutes: the first household's
 * check is written as ten days past its deadline, as the register would hold it then.
 */
const backdateFirstCheck = () =>
  owner(async (db) => {
    const household = await db.selectFrom('households').select('id').where('head_name', '=', HEADS[0]!).executeTakeFirstOrThrow();
    await db
      .updateTable('due_items')
      .set({ due_at: new Date(Date.now() - 10 * DAY_MS - 60_000) })
      .where('kind', '=', 'campaign_check')
      .where('household_id', '=', household.id)
      .execute();
  });

test('the leader defines a cohort, sees its count, launches, watches progress and publishes the notice; a village cadre completes checks on a phone; the supervisor sees the aging buckets move', async ({ page }) => {
  await fixtures();

  await logIn(page, 'lingdao');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '专项督查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '专项督查' })).toBeVisible();
  await page.getByLabel('督查名称').fill(NAME);
  await page.getByLabel('督查事由').fill('突发严重困难户帮扶措施落实情况');
  await tick(page.getByRole('checkbox', { name: '突发严重困难户' }));
  await page.getByRole('button', { name: '预览核查对象数' }).click();
  await expect(page.getByRole('status').filter({ hasText: '符合条件的农户' })).toHaveText('符合条件的农户：3 户');
  await page.getByRole('button', { name: '启动督查' }).click();
  await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
  const byTown = page.getByRole('table', { name: '进度（按乡镇）' });
  await expect(byTown.getByRole('row', { name: /东城镇/ })).toContainText('0%');
  await expect(page.getByText('核查整改中')).toBeVisible();
  await logOut(page);

  // Ten days past the deadline for one check: the supervisor's board counts it in the 8–30 days bucket.
  await backdateFirstCheck();
  await logIn(page, 'ducha');
  const board = page.getByRole('table', { name: '期限台账逾期数量（按乡镇）' });
  await expect(board.getByRole('link', { name: '东城镇 逾期8至30天 1项' })).toBeVisible();
  await logOut(page);

  // The village cadre, on a phone: the check from today's work, the checklist refused until complete, then a problem found.
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, 'cun.donggang');
  await page.getByRole('link', { name: `办理专项督查核查：${HEADS[0]}` }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: `专项督查核查：${HEADS[0]}` })).toBeVisible();
  await tick(page.getByRole('checkbox', { name: '入户走访' }));
  await page.getByRole('button', { name: '提交核查' }).click();
  await expect(page.getByRole('alert')).toContainText('核查清单尚未完成：核实收入');
  for (const item of ['核实收入', '核实各项帮扶措施落实', '核实“三保障”', '核实饮水安全']) await tick(page.getByRole('checkbox', { name: item }));
  await page.getByRole('button', { name: '提交核查' }).click();
  await expect(page.getByRole('status').filter({ hasText: '核查结果' })).toHaveText('核查结果：无问题');
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

  await page.getByRole('button', { name: '展开菜单' }).click();
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '专项督查' }).click();
  await page.getByRole('link', { name: NAME }).click();
  await page.getByRole('table', { name: '我的核查' }).getByRole('link', { name: `核查 ${HEADS[1]}` }).click();
  for (const item of ['入户走访', '核实收入', '核实各项帮扶措施落实', '核实“三保障”', '核实饮水安全']) await tick(page.getByRole('checkbox', { name: item }));
  await page.getByRole('radio', { name: '发现问题' }).check();
  await page.getByRole('combobox', { name: '问题类型' }).click();
  await page.getByTitle('帮扶措施不到位').click();
  await page.getByLabel('问题情况').fill('医疗救助未落实到位');
  await page.getByLabel('整改期限').fill(new Date(Date.now() + 20 * DAY_MS).toISOString().slice(0, 10));
  await page.getByRole('button', { name: '提交核查' }).click();
  await expect(page.getByRole('status').filter({ hasText: '核查结果' })).toHaveText('核查结果：发现问题');
  await expect(page.getByText(/帮扶措施不到位：医疗救助未落实到位/)).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await logOut(page);

  // The check done, the board's bucket is empty again.
  await logIn(page, 'ducha');
  await expect(page.getByRole('table', { name: '期限台账逾期数量（按乡镇）' }).getByLabel('东城镇 逾期8至30天 0项')).toBeVisible();
  await logOut(page);

  // The leader watches the progress and publishes the notice 通报.
  await logIn(page, 'lingdao');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '专项督查' }).click();
  await page.getByRole('link', { name: NAME }).click();
  await expect(page.getByRole('table', { name: '进度（按乡镇）' }).getByRole('row', { name: /东城镇/ })).toContainText('66%');
  await expect(page.getByRole('table', { name: '问题（按类型）' }).getByRole('row', { name: /帮扶措施不到位/ })).toBeVisible();
  await page.getByRole('button', { name: '发布通报' }).click();
  await page.getByRole('button', { name: '确定发布' }).click();
  const notice = page.getByRole('article', { name: '通报' });
  await expect(notice.getByRole('heading', { name: `关于“${NAME}”专项督查情况的通报` })).toBeVisible();
  await expect(notice).toContainText('本次督查共核查对象3户，已核查2户');
  await expect(page.getByText('已通报')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  expect((await download).suggestedFilename()).toBe(`${NAME}通报.xlsx`);
  await page.screenshot({ path: 'docs/screenshots/campaign-notice.png', fullPage: true });
  await logOut(page);
});
