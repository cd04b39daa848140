import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { logIn } from './console.js';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const box = async (l: Locator) => (await l.boundingBox())!;

test('at a phone’s width the header keeps the menu, the bell, the user and logging out on one line, side by side, within the screen', async ({ page }) => {
  for (const username of ['cun.donggang', 'xian.xczx']) {
    await logIn(page, username);
    const header = page.getByRole('banner');
    const parts = [page.getByRole('button', { name: '展开菜单' }), page.getByRole('button', { name: /^消息/ }), header.getByLabel(/^当前用户/), page.getByRole('button', { name: '退出登录' })];
    const boxes = await Promise.all(parts.map(box));
    const bar = await box(header);
    expect(bar.height).toBeLessThanOrEqual(64);
    for (const [i, b] of boxes.entries()) {
      expect(b.x, `part ${i} starts on the screen`).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, `part ${i} ends on the screen`).toBeLessThanOrEqual(390);
      expect(b.y + b.height, `part ${i} stays in the header`).toBeLessThanOrEqual(bar.y + bar.height);
      if (i > 0) expect(b.x, `part ${i} does not overlap the one before`).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width);
    }
    expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, `header-390-${username}.png`), clip: { x: 0, y: 0, width: 390, height: 200 } });
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByRole('heading', { name: '用户登录' })).toBeVisible();
  }
});
