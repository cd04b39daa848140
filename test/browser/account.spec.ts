import { expect, test, type Page } from '@playwright/test';
import { logIn } from './console.js';

/**
 * The console under its Content-Security-Policy (issue 18, defect 8): the document carries the
 * policy, the console loads and draws its charts with no violation reported; and logging out on
 * every device ends the other browser's session too.
 */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('the console loads under its Content-Security-Policy: login, the dashboard’s chart, the account page, with no violation', async ({ page }) => {
  const violations = watchViolations(page);
  // Every page reports each violation to the console, whatever Chromium would print itself.
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  const answer = await page.goto('/');
  const csp = answer?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  await logIn(page, 'lingdao');
  await expect(page.getByRole('img', { name: /^各阶段农户数：/ })).toBeVisible();
  await page.goto('/account/password');
  await expect(page.getByRole('button', { name: '在所有设备上退出登录' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('logging out on all devices ends this browser’s session and another’s', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const here = await first.newPage();
  const there = await second.newPage();
  await logIn(here, 'zhen.xiling');
  await logIn(there, 'zhen.xiling');

  await here.getByRole('link', { name: '修改密码' }).click();
  await here.getByRole('button', { name: '在所有设备上退出登录' }).click();
  await here.getByRole('button', { name: '确定退出' }).click();
  await expect(here.getByRole('heading', { name: '用户登录' })).toBeVisible();
  await expect(here.getByText(/已在所有设备上退出登录（共结束 \d+ 个登录）/)).toBeVisible();

  // The other browser's next request is refused: it is sent back to the login page.
  await there.reload();
  await expect(there.getByRole('heading', { name: '用户登录' })).toBeVisible();
  await first.close();
  await second.close();
});
