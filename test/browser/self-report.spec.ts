import { expect, test } from '@playwright/test';
import { idNumber, logIn, logOut, tick } from './console.js';

const HEAD = '冯春来';
const ID = idNumber('19800505', '771');
const PHONE = '13912345678';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('a household on a phone scans its village’s card, reports, gets a receipt and checks its progress; the village sees it, the town its deadline', async ({ page, browser }) => {
  // The town prints the notice cards 明白卡 from the console: each village's code, as a QR image and a short address.
  await logIn(page, 'zhen.dongcheng');
  await page.goto('/notice-cards');
  const card = page.getByRole('region', { name: '东岗村防止返贫农户自主申报明白卡' }).or(page.locator('.notice-card').filter({ hasText: '东岗村防止返贫农户自主申报明白卡' }));
  await expect(card).toBeVisible();
  await expect(card.getByRole('img', { name: /^申报码 [A-Z2-9]{6}$/ }).locator('svg')).toBeVisible();
  await expect(card).toContainText('热线电话：12317');
  await expect(card).toContainText('镇村干部在 2 个工作日内上门核实');
  const url = (await card.getByTestId('card-url').textContent())!;
  expect(url).toMatch(/\/r\/[A-Z2-9]{6}$/);
  await logOut(page);

  // The household, not logged in, on its own phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, locale: 'zh-CN', timezoneId: 'America/New_York' });
  const household = await phone.newPage();
  await household.goto(url);
  await expect(household.getByRole('heading', { level: 1, name: '农户自主申报' })).toBeVisible();
  // The code's village is chosen already.
  await expect(household.getByLabel('您家所在的村').first()).toContainText('东城镇 东岗村');
  await household.getByLabel('户主姓名').fill(HEAD);
  // A wrong check digit is told as it is typed.
  await household.getByLabel('户主身份证号码').fill(ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1'));
  await expect(household.getByText('校验位不正确，请核对身份证号码是否填错')).toBeVisible();
  await household.getByLabel('户主身份证号码').fill(ID);
  await expect(household.getByText('号码正确，出生日期 1980-05-05')).toBeVisible();
  await household.getByLabel('联系电话').first().fill(PHONE);
  await tick(household.getByRole('checkbox', { name: '因病' }));
  await household.getByLabel('简单说说家里的情况').fill('户主上个月住院做手术，花了3万多元，家里没有别的收入');
  await household.getByRole('button', { name: '提交申报' }).click();
  await expect(household.getByText('请阅读并勾选承诺授权，才能提交申报')).toBeVisible();
  await tick(household.getByRole('checkbox', { name: '我已阅读并同意以上承诺授权' }));
  await household.getByRole('button', { name: '提交申报' }).click();
  await expect(household.getByText('申报已收到')).toBeVisible();
  const receiptNo = (await household.getByTestId('receipt-no').textContent())!;
  expect(receiptNo).toMatch(/^\d{8}-[A-Z2-9]{6}$/);
  const visitBy = (await household.getByText(/镇村干部将在 \d{4}-\d{2}-\d{2} 前上门核实/).textContent())!.match(/\d{4}-\d{2}-\d{2}/)![0];
  expect(await household.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);

  // The same page shows the report's progress by receipt number and phone.
  const status = household.getByRole('heading', { name: '查询办理进度' }).locator('xpath=ancestor::div[contains(@class,"ant-card")]');
  await expect(status.getByLabel('回执号')).toHaveValue(receiptNo);
  await status.getByLabel('联系电话').fill(PHONE);
  await status.getByRole('button', { name: '查询' }).click();
  await expect(status.getByTestId('report-status')).toHaveText('已受理，等待入户核实');
  await household.screenshot({ path: 'docs/screenshots/self_report_phone.png', fullPage: true });

  // The village cadre sees it in today's work, and records the home visit.
  await logIn(page, 'cun.donggang');
  const reports = page.getByRole('table', { name: '农户自主申报' });
  await expect(reports.getByRole('row').filter({ hasText: HEAD })).toContainText(visitBy);
  await expect(page.getByRole('table', { name: '待办期限（按截止时间）' }).getByRole('row').filter({ hasText: '农户自主申报入户核实' }).first()).toBeVisible();
  await logOut(page);

  // The town's clock shows its deadline.
  await logIn(page, 'zhen.dongcheng');
  const townRow = page.getByRole('table', { name: '农户自主申报' }).getByRole('row').filter({ hasText: HEAD });
  await expect(townRow).toContainText('东城镇 东岗村');
  await expect(townRow).toContainText(visitBy);
  await townRow.getByRole('button', { name: `登记入户核实 ${HEAD}` }).click();
  await page.getByRole('dialog').getByLabel('入户核实情况').fill('已入户，情况属实，户未建档，建议建档');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(townRow.getByRole('button', { name: `登记入户核实 ${HEAD}` })).toHaveCount(0);

  await status.getByRole('button', { name: '查询' }).click();
  await expect(status.getByTestId('report-status')).toHaveText('已入户核实');
  await phone.close();
});
