import { expect, test } from '@playwright/test';
import { createDb } from '../../db/kysely.js';
import { DAY_MS, HOUR_MS } from '../../domain/calendar/dates.js';
import { logIn, logOut } from './console.js';

/**
 * The stack cannot make an item ten days overdue in a test's minutes: the
 * household and its register item are written as the schema's owner, the way the
 * workflows would have left them ten days after the deadline.
 */
async function fixtures() {
  const db = createDb(process.env.SHOUDI_BROWSER_OWNER_URL!, { max: 1 });
  try {
    const household = (stage: string, head: string) =>
      db
        .insertInto('households')
        .values({ county_id: '990101', town_id: '990101001', village_id: '990101001201', group_id: null, address: `东岗村${head}家`, head_name: head, category: 'unstable', stage })
        .returning('id')
        .executeTakeFirstOrThrow();
    const late = await household('monitoring', '督查甲');
    await household('monitoring', '领导乙');
    const dueAt = new Date(Date.now() - 10 * DAY_MS - 12 * HOUR_MS);
    await db
      .insertInto('due_items')
      .values({
        item_key: `browser-supervision-${late.id}`,
        kind: 'monthly_update',
        county_id: '990101',
        town_id: '990101001',
        village_id: '990101001201',
        household_id: late.id,
        due_at: dueAt,
        opened_at: new Date(dueAt.getTime() - 30 * DAY_MS),
      })
      .execute();
    // The county's own item (no town, no department), three days overdue.
    const countyDue = new Date(Date.now() - 3 * DAY_MS - 12 * HOUR_MS);
    await db
      .insertInto('due_items')
      .values({ item_key: `browser-supervision-county-${late.id}`, kind: 'medical_tally', county_id: '990101', due_at: countyDue, opened_at: new Date(countyDue.getTime() - 30 * DAY_MS) })
      .execute();
  } finally {
    await db.destroy();
  }
}

test('the supervisor sees a bucket’s count on the overdue board, opens its items and the household; the leader opens the list behind a chart’s bar', async ({ page }) => {
  await fixtures();

  await logIn(page, 'ducha');
  await expect(page.getByRole('heading', { level: 1, name: '逾期事项' })).toBeVisible();
  const board = page.getByRole('table', { name: '期限台账逾期数量（按乡镇）' });
  // Ten days overdue: the 8–30 bucket of 东城镇, and nothing in the other buckets.
  await expect(board.getByRole('row', { name: /东城镇/ })).toBeVisible();
  await expect(board.getByLabel('东城镇 逾期7天以内 0项')).toBeVisible();
  await board.getByRole('link', { name: '东城镇 逾期8至30天 1项' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '逾期清单' })).toBeVisible();
  const items = page.getByRole('table', { name: '东城镇 · 逾期8至30天' });
  const row = items.getByRole('row', { name: /督查甲/ });
  await expect(row).toContainText('10天');
  await row.getByRole('link', { name: '督查甲' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^督查甲/ })).toBeVisible();

  // The county's own items have a row of their own, which opens its items too.
  await page.goto('/?source=register&by=town');
  await page.getByRole('table', { name: '期限台账逾期数量（按乡镇）' }).getByRole('link', { name: /^县级事项 逾期7天以内 \d+项$/ }).click();
  await expect(page.getByRole('table', { name: '县级事项 · 逾期7天以内' }).getByRole('row', { name: /脱贫人口就医数据核算/ })).toContainText('3天');

  // By department the same item is one of no department's, and the cell opens it; the tasks' board opens too.
  await page.goto('/?source=register&by=department');
  await page.getByRole('table', { name: '期限台账逾期数量（按部门）' }).getByRole('link', { name: '未指定部门 逾期8至30天 1项' }).click();
  await expect(page.getByRole('table', { name: '未指定部门 · 逾期8至30天' }).getByRole('row', { name: /督查甲/ })).toContainText('10天');
  await page.goto('/?source=register&by=department');
  await page.getByRole('tab', { name: '帮扶任务' }).click();
  await expect(page.getByRole('table', { name: '帮扶任务逾期数量（按部门）' }).getByRole('row', { name: /民政局/ })).toBeVisible();
  // At a phone's width the board fits the screen (the table scrolls inside it).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('table', { name: '帮扶任务逾期数量（按部门）' })).toBeVisible();
  // Polled: the shell swaps its side menu for a drawer on the render after the resize.
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1366, height: 768 });
  await logOut(page);

  // The leader's dashboard: the chart names its figures; its data table's link opens the list behind the bar (the same as a click on the bar).
  await logIn(page, 'lingdao');
  await expect(page.getByRole('img', { name: /^监测对象（按乡镇）：东城镇 \d+/ })).toBeVisible();
  await page.getByRole('table', { name: '监测对象（按乡镇）（数据表）' }).getByRole('link', { name: '查看监测对象（按乡镇） 东城镇' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '农户查询' })).toBeVisible();
  await expect(page).toHaveURL(/townId=990101001/);
  await expect(page.getByRole('row', { name: /领导乙/ })).toContainText('监测对象');

  // The monthly chart's figures open the households that moved that month.
  await page.goBack();
  const months = page.getByRole('table', { name: '近12个月新增、风险消除和返贫（数据表）' });
  await expect(months.getByRole('row')).toHaveCount(13);
  await months.getByRole('link', { name: /^查看\d{4}年\d{1,2}月 返贫（重新纳入监测） \d+$/ }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: '农户查询' })).toBeVisible();
  await expect(page).toHaveURL(/movement=returned&period=\d{4}-\d{2}/);
});
