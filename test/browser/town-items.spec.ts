import { expect, test } from '@playwright/test';
import { logIn } from './console.js';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const QUARTERS = ['一', '二', '三', '四'];
/** The quarter the stack is in, as the screen names it: 2026年第四季度. */
function thisQuarter(): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  return `${year}年第${QUARTERS[Math.ceil(month! / 3) - 1]}季度`;
}

/**
 * The demo county's cadence gives each town its quarterly screening 镇每季排查,
 * opened by the town's workflow when the stack starts: the town officer finds
 * it with its deadline, is told a completion needs its note, completes it, and
 * finds it among the completed items, on time.
 */
test('the town officer completes the quarter’s screening with its note on a phone; it moves to the completed items, on time', async ({ page }) => {
  await logIn(page, 'zhen.xiling');
  await page.getByRole('button', { name: '展开菜单' }).click();
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '季度事项' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '乡镇季度事项' })).toBeVisible();

  const open = page.getByRole('table', { name: '待办事项' });
  const screening = open.getByRole('row').filter({ hasText: '镇季度排查' }).filter({ hasText: thisQuarter() });
  await expect(screening).toContainText('办理中');
  await expect(screening).toContainText(/\d{4}-\d{2}-\d{2} 24:00/);
  await expect(page.getByText('还没有办结的季度事项')).toBeVisible();

  await screening.getByRole('button', { name: `办结${thisQuarter()}镇季度排查` }).click();
  const form = page.getByRole('form', { name: `办结${thisQuarter()}镇季度排查` });
  await form.getByRole('button', { name: '确认办结' }).click();
  await expect(form.getByText('请填写办理情况')).toBeVisible();
  await form.getByLabel('办理情况').fill('全镇入户排查完成，发现风险户1户，已转村启动认定');
  await form.getByRole('button', { name: '确认办结' }).click();
  await expect(page.getByText('镇季度排查已办结')).toBeVisible();

  await expect(open.getByRole('row').filter({ hasText: '镇季度排查' })).toHaveCount(0);
  const done = page.getByRole('table', { name: '已办结事项' }).getByRole('row').filter({ hasText: '镇季度排查' });
  await expect(done).toContainText(thisQuarter());
  await expect(done).toContainText('按时办结');
  // Within the phone's width: nothing to scroll sideways.
  expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(390);
});
