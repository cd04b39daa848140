import { expect, test } from '@playwright/test';
import { createDb } from '../../db/kysely.js';
import { DAY_MS } from '../../domain/calendar/dates.js';
import { logIn } from './console.js';

/**
 * A warning 20 days old with nothing done since, written as the schema's owner
 * the way the monthly workflow would have left it: past the demo county's
 * 15-day clock, so the household is red.
 */
async function fixtures(): Promise<void> {
  const db = createDb(process.env.SHOUDI_BROWSER_OWNER_URL!, { max: 1 });
  try {
    const household = await db
      .insertInto('households')
      .values({ county_id: '990101', town_id: '990101003', village_id: '990101003202', group_id: null, address: '竹林村风险甲家', head_name: '风险甲', category: 'unstable', stage: 'monitoring' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('household_events')
      .values({ household_id: household.id, event_key: `browser-colour-${household.id}`, kind: 'monitoring.warning_raised', occurred_at: new Date(Date.now() - 20 * DAY_MS), payload: JSON.stringify({}) })
      .execute();
  } finally {
    await db.destroy();
  }
}

test('the leader sees the households by risk colour on the dashboard, opens a town’s red ones, and a red household on the list, with why', async ({ page }) => {
  await fixtures();
  await logIn(page, 'lingdao');
  const byTown = page.getByRole('table', { name: '各乡镇农户风险等级' });
  await expect(byTown.getByRole('row', { name: /南溪乡/ })).toBeVisible();
  await expect(page.getByText(/红色：风险预警超过处置时限仍未处置、收入低于监测标准且无帮扶措施/)).toBeVisible();
  await expect(page.getByText(/说明：示范县风险等级规则为演示数据/)).toBeVisible();

  // The town's red count opens the list of its red households.
  await byTown.getByRole('link', { name: /^查看南溪乡红色农户（\d+ 户）$/ }).click();
  await expect(page).toHaveURL(/\/households\?riskColour=red&townId=990101003$/);
  await expect(page.getByRole('row', { name: /风险甲/ }).getByLabel(/^红色（高风险）：/)).toBeVisible();
  await expect(page.getByRole('row', { name: /(绿色|黄色)（/ })).toHaveCount(0);

  await page.getByRole('menuitem', { name: '农户查询' }).click();
  const search = page.getByRole('searchbox', { name: '按姓名查询' });
  await search.fill('风险甲');
  await search.press('Enter');
  await expect(page.getByRole('row', { name: /风险甲/ }).getByLabel('红色（高风险）：风险预警超过处置时限仍未处置')).toBeVisible();
});
