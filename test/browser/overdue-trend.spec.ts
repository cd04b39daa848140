import { expect, test, type Locator, type Page } from '@playwright/test';
import { createDb } from '../../db/kysely.js';
import { DAY_MS, HOUR_MS, periodOf } from '../../domain/calendar/dates.js';
import { logIn } from './console.js';

const XILING = '990101002';
const LINGSHANG = '990101002201';

/**
 * The stack cannot let an item grow ten days older within a test: as the schema's
 * owner the test writes the register item the workflows would have left, then
 * moves its deadline back — what the days passing would have done to it.
 */
async function withOwner<T>(run: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  const db = createDb(process.env.SHOUDI_BROWSER_OWNER_URL!, { max: 1 });
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

const overdueBy = (days: number) => new Date(Date.now() - days * DAY_MS - 12 * HOUR_MS);

async function countOf(scope: Locator, place: string, bucket: string): Promise<number> {
  const label = await scope.getByLabel(new RegExp(`^${place} 逾期${bucket} \\d+项$`)).getAttribute('aria-label');
  return Number(/(\d+)项$/.exec(label ?? '')?.[1]);
}

test('the supervisor sees the aging buckets move on the board and in the month’s trend: an item grows older across the seventh day, a new one appears', async ({ page }) => {
  const { itemKey, householdId } = await withOwner(async (db) => {
    const household = await db
      .insertInto('households')
      .values({ county_id: '990101', town_id: XILING, village_id: LINGSHANG, group_id: null, address: '岭上村趋势丙家', head_name: '趋势丙', category: 'unstable', stage: 'monitoring' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dueAt = overdueBy(5);
    const key = `browser-trend-${household.id}`;
    await db
      .insertInto('due_items')
      .values({ item_key: key, kind: 'monthly_update', county_id: '990101', town_id: XILING, village_id: LINGSHANG, household_id: household.id, due_at: dueAt, opened_at: new Date(dueAt.getTime() - 20 * DAY_MS) })
      .execute();
    return { itemKey: key, householdId: household.id };
  });

  // The items are the test's own: they leave the register with it, so the other boards' counts stay their own specs' (the
  // supervision journey counts 未指定部门's items exactly).
  try {
    await watchTheBuckets(page, itemKey, householdId);
  } finally {
    await withOwner((db) => db.deleteFrom('due_items').where('item_key', 'in', [itemKey, `${itemKey}-visit`]).execute());
  }
});

async function watchTheBuckets(page: Page, itemKey: string, householdId: string): Promise<void> {
  await logIn(page, 'ducha');
  await expect(page.getByRole('heading', { level: 1, name: '逾期事项' })).toBeVisible();
  const board = page.getByRole('table', { name: '期限台账逾期数量（按乡镇）' });
  const title = '逾期趋势：近6个月各月末逾期事项（按乡镇）';
  const chart = page.getByRole('table', { name: `${title}（数据表）` });
  await expect(chart.getByRole('row')).toHaveCount(7);
  const period = periodOf(Date.now());
  const monthName = `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
  // The current month opens its figures per town, which are today's board's.
  await chart.getByRole('link', { name: `查看${title} ${monthName}` }).click();
  const month = page.getByRole('table', { name: `${monthName}（截至目前）逾期事项（按乡镇）` });
  await expect(month.getByRole('row', { name: /西岭镇/ })).toBeVisible();
  const before = { upTo7: await countOf(board, '西岭镇', '7天以内'), upTo30: await countOf(board, '西岭镇', '8至30天') };
  expect(before.upTo7).toBeGreaterThanOrEqual(1);
  expect({ upTo7: await countOf(month, '西岭镇', '7天以内'), upTo30: await countOf(month, '西岭镇', '8至30天') }).toEqual(before);

  // Five days later the item is ten days overdue: it moves from the ≤ 7 bucket to 8–30, on the board and in the month.
  await withOwner((db) => db.updateTable('due_items').set({ due_at: overdueBy(10) }).where('item_key', '=', itemKey).execute());
  await page.reload();
  await expect(board.getByLabel(`西岭镇 逾期7天以内 ${before.upTo7 - 1}项`)).toBeVisible();
  await expect(board.getByLabel(`西岭镇 逾期8至30天 ${before.upTo30 + 1}项`)).toBeVisible();
  await expect(month.getByLabel(`西岭镇 逾期7天以内 ${before.upTo7 - 1}项`)).toBeVisible();
  await expect(month.getByLabel(`西岭镇 逾期8至30天 ${before.upTo30 + 1}项`)).toBeVisible();

  // A new item falls overdue: the ≤ 7 count is back up by one; the month's count opens the list with it.
  await withOwner((db) =>
    db
      .insertInto('due_items')
      .values({ item_key: `${itemKey}-visit`, kind: 'monthly_visit', county_id: '990101', town_id: XILING, village_id: LINGSHANG, household_id: householdId, due_at: overdueBy(2), opened_at: overdueBy(30) })
      .execute(),
  );
  await page.reload();
  await expect(board.getByLabel(`西岭镇 逾期7天以内 ${before.upTo7}项`)).toBeVisible();
  await month.getByRole('link', { name: `西岭镇 逾期8至30天 ${before.upTo30 + 1}项` }).click();
  await expect(page.getByRole('heading', { level: 1, name: '逾期清单' })).toBeVisible();
  await expect(page.getByRole('table', { name: '西岭镇 · 逾期8至30天' }).getByRole('row', { name: /趋势丙/ })).toContainText('10天');
}
