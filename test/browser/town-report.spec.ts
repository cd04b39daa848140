import { expect, test } from '@playwright/test';
import { choose, logIn, tick } from './console.js';

/** `2026年10月`: the month `back` months before this one in Asia/Shanghai, as the screen names it. */
function monthBack(back: number): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  const index = year! * 12 + (month! - 1) - back;
  return `${Math.floor(index / 12)}年${(index % 12) + 1}月`;
}

/**
 * The stack's town workflows start with the stack: last month's report is
 * drawn when the stack starts within its reporting days (the 1st to the 3rd)
 * and not otherwise, so the screen shows either the draft with its deadline or
 * says the report is not drawn — never a failure.
 */
test('the town officer opens the monthly report from the menu; it shows the draft of last month or says it is not drawn, never a failure', async ({ page }) => {
  await logIn(page, 'zhen.dongcheng');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '月度上报' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '月度风险户和风险消除户上报' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '报告月份' })).toBeVisible();
  await expect(page.getByText('该月报告尚未生成').or(page.getByText('上报期限'))).toBeVisible();
  await expect(page.getByText('加载失败')).toHaveCount(0);
});

/**
 * Draft → check → submit, whatever the day: the report of the month before
 * last was due on the 3rd of last month, before the stack started, so the plan
 * never drew it; the officer has it drawn now (立即生成草稿), checks it and
 * submits it, late. This month, not ended, has nothing to draw.
 */
test('the town officer has an ended month’s draft drawn now, checks it and submits it; it is recorded late', async ({ page }) => {
  await logIn(page, 'zhen.xiling');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '月度上报' }).click();

  // This month has not ended: no draft to draw yet.
  await choose(page, '报告月份', monthBack(0));
  await expect(page.getByText('该月报告尚未生成')).toBeVisible();
  await expect(page.getByRole('button', { name: /立即生成/ })).toHaveCount(0);

  const month = monthBack(2);
  await choose(page, '报告月份', month);
  await expect(page.getByText('该月报告尚未生成')).toBeVisible();
  await page.getByRole('button', { name: `立即生成${month}的报告草稿` }).click();
  await expect(page.getByText('报告草稿已生成，请逐户核对')).toBeVisible();
  await expect(page.getByText('草稿（待核对提交）')).toBeVisible();
  await expect(page.getByText('上报期限')).toBeVisible();
  await expect(page.getByText('已逾期', { exact: true })).toBeVisible();
  for (const section of ['风险户（监测对象）', '当月新增风险户', '当月风险消除户']) await expect(page.getByRole('table', { name: section })).toBeVisible();

  // Not checked: refused in words; checked, with a note, submitted.
  await page.getByRole('button', { name: '提交报告' }).click();
  await expect(page.getByText('请先逐户核对名单，再提交')).toBeVisible();
  await tick(page.getByRole('checkbox', { name: '我已逐户核对以上名单' }));
  await page.getByRole('textbox', { name: '情况说明（可不填）' }).fill('系统启用前的月份，补报');
  await page.getByRole('button', { name: '提交报告' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交报告' }).click();
  await expect(page.getByText('报告已提交')).toBeVisible();
  await expect(page.getByText('已提交', { exact: true })).toBeVisible();
  await expect(page.getByText('逾期提交')).toBeVisible();
  await expect(page.getByText('系统启用前的月份，补报')).toBeVisible();
  await expect(page.getByRole('button', { name: '提交报告' })).toHaveCount(0);
});
