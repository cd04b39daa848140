import { expect, test, type Page } from '@playwright/test';
import { clickBar, logIn } from './console.js';
import { monitoredHousehold } from './stage.js';

const HEAD = '图表甲';

/** The rows of a chart's data table: the bar's name and its figures, in the chart's order. */
async function tableOf(page: Page, title: string): Promise<{ name: string; values: number[] }[]> {
  const rows = page.getByRole('table', { name: `${title}（数据表）` }).locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '');
      return { name: cells[0]!, values: cells.slice(1).map((c) => Number.parseFloat(c) || 0) };
    }),
  );
}

/** Where `name`'s bar is among the bars of the series that have a value (a bar of 0 is not drawn). */
async function barOf(page: Page, title: string, name: string, series = 0): Promise<number> {
  const rows = await tableOf(page, title);
  const at = rows.findIndex((r) => r.name === name);
  expect(at, `${name} in ${title}`).toBeGreaterThanOrEqual(0);
  expect(rows[at]!.values[series]).toBeGreaterThan(0);
  return rows.slice(0, at).filter((r) => (r.values[series] ?? 0) > 0).length;
}

/**
 * The leader's overview: every chart clicks through to the list behind it — a
 * bar clicked on the canvas opens the households of that stage, town or
 * category; each stage's count opens its households; and every row of every
 * chart's data table (the keyboard's and the screen reader's way) links to a list.
 */
test('the leader clicks the charts’ bars on the canvas through to their households; every chart’s table links each figure to its list', async ({ page, baseURL }) => {
  await monitoredHousehold(baseURL!, HEAD, '东岗村七组1号');
  await logIn(page, 'lingdao');
  await expect(page.getByRole('heading', { level: 1, name: '工作总览' })).toBeVisible();

  // The stage's count opens its households.
  await page.getByRole('link', { name: /^查看监测对象农户（\d+户）$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '农户查询' })).toBeVisible();
  await expect(page).toHaveURL(/\/households\?stage=monitoring$/);
  await expect(page.getByRole('row', { name: new RegExp(HEAD) })).toContainText('监测对象');
  await page.goBack();

  // The stage chart's bar of 监测对象, clicked on the canvas.
  const stages = page.getByRole('img', { name: /^各阶段农户数：/ });
  await clickBar(stages, await barOf(page, '各阶段农户数', '监测对象'));
  await expect(page).toHaveURL(/\/households\?stage=monitoring$/);
  await expect(page.getByRole('row', { name: new RegExp(HEAD) })).toBeVisible();
  await page.goBack();

  // The town chart's bar of 东城镇 and the category chart's bar of 脱贫不稳定户.
  await clickBar(page.getByRole('img', { name: /^监测对象（按乡镇）：/ }), await barOf(page, '监测对象（按乡镇）', '东城镇'));
  await expect(page).toHaveURL(/townId=990101001(&|$)/);
  await expect(page.getByRole('row', { name: new RegExp(HEAD) })).toBeVisible();
  await page.goBack();
  await clickBar(page.getByRole('img', { name: /^监测对象（按类别）：/ }), await barOf(page, '监测对象（按类别）', '脱贫不稳定户'));
  await expect(page).toHaveURL(/category=unstable(&|$)/);
  await expect(page.getByRole('row', { name: new RegExp(HEAD) })).toContainText('脱贫不稳定户');
  await page.goBack();

  // Every chart's table: each of its rows links to the list behind the bar.
  const tables = page.getByRole('table', { name: /（数据表）$/ });
  await expect(tables).toHaveCount(7);
  for (const table of await tables.all()) {
    for (const row of await table.locator('tbody tr.ant-table-row').all()) await expect(row.getByRole('link').first()).toHaveAttribute('href', /^\/(households|supervision\/items)\?/);
  }
});
