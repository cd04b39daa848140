import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { createDb } from '../../db/kysely.js';
import { periodOf, startOfPeriod } from '../../domain/calendar/dates.js';
import { logIn } from './console.js';

const MINUTE_MS = 60_000;

const NANXI = '990101003'; // 南溪乡: no other browser test works there
const XITOU = '990101003201'; // 溪头村

/**
 * The stack cannot make a month pass in a test's minutes: 南溪乡's two monthly
 * updates of this month are written as the schema's owner, one done before its
 * deadline, one never done — as the workflows would have left them. Both
 * deadlines lie between the month's start and now, whatever the day.
 */
async function fixtures(): Promise<void> {
  const db = createDb(process.env.SHOUDI_BROWSER_OWNER_URL!, { max: 1 });
  try {
    const household = await db
      .insertInto('households')
      .values({ county_id: '990101', town_id: NANXI, village_id: XITOU, group_id: null, address: '溪头村考核甲家', head_name: '考核甲', category: 'unstable', stage: 'monitoring' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const now = Date.now();
    const dueAt = new Date(Math.floor((startOfPeriod(periodOf(now)) + now) / 2));
    const item = (n: number, doneAt: Date | null) => ({
      item_key: `browser-assessment-${household.id}-${n}`,
      kind: 'monthly_update',
      county_id: '990101',
      town_id: NANXI,
      village_id: XITOU,
      household_id: household.id,
      due_at: dueAt,
      opened_at: new Date(dueAt.getTime() - 30 * MINUTE_MS),
      ...(doneAt ? { status: 'done' as const, done_at: doneAt } : {}),
    });
    await db.insertInto('due_items').values([item(1, new Date(dueAt.getTime() - MINUTE_MS)), item(2, null)]).execute();
  } finally {
    await db.destroy();
  }
}

const monthName = (period: string) => `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;

test('the leader sees the towns’ ranking on the dashboard, opens the assessment with each score’s breakdown, exports it, and switches to the departments', async ({ page }) => {
  await fixtures();
  const month = periodOf(Date.now());

  await logIn(page, 'lingdao');
  // The dashboard's card: 南溪乡 half its updates on time, nothing else due → 30 × ½ ÷ 30 = 50; last month had no demo weights yet.
  const card = page.getByRole('table', { name: '本月乡镇考核排名' });
  await expect(card.getByRole('row', { name: /南溪乡/ })).toContainText('50');
  await page.getByRole('link', { name: '查看考核详情' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '乡镇和部门月度考核' })).toBeVisible();
  await expect(page.getByText('说明：示范县考核权重为演示数据')).toBeVisible();
  const ranking = page.getByRole('table', { name: `${monthName(month)}各乡镇考核排名` });
  const row = ranking.getByRole('row', { name: /南溪乡/ });
  await expect(row).toContainText('50');
  await row.getByRole('button', { name: '查看南溪乡的得分构成' }).click();
  const breakdown = page.getByRole('table', { name: '南溪乡的得分构成' });
  await expect(breakdown.getByRole('row', { name: /月度信息按时更新/ })).toHaveText(/月度信息按时更新\s*2\s*1\s*50%\s*30\s*15/);
  await expect(breakdown.getByRole('row', { name: /帮扶任务按期办结/ })).toContainText('本月无此项');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
  expect(download.suggestedFilename()).toBe(`${month.replace('-', '年')}月乡镇考核排名.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const rows = book.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
  expect(rows.find((r) => r[1] === '南溪乡')?.[2]).toBe(50);

  await page.getByText('按部门', { exact: true }).click();
  await expect(page.getByRole('table', { name: `${monthName(month)}各部门考核排名` }).getByRole('row', { name: /民政局/ })).toBeVisible();

  // At a phone's width the ranking fits the screen (the table scrolls inside it).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('table', { name: `${monthName(month)}各部门考核排名` })).toBeVisible();
});
