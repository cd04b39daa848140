/** What the browser tests share: logging in as a demo user, and the home page's screenshot. */
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { checkCharacter } from '../../domain/people/id-number.js';
import { SERIES_COLOURS } from '../../web/src/features/dashboard/colours.js';

export async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '用户登录' })).toBeVisible();
}

/** A valid 18-character ID number: area 990101, the birth date, a sequence whose last digit is odd for a man. */
export function idNumber(birth: string, sequence: string): string {
  const first17 = `990101${birth}${sequence}`;
  return `${first17}${checkCharacter(first17)}`;
}

/** Picks an option of an Ant Design select by typing it, as a keyboard user would. */
export async function choose(page: Page, label: string | RegExp, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await box.focus();
  await box.fill(option);
  // Options may arrive after the field shows (departments, places, saved views): Enter picks nothing until
  // the typed option is listed, so wait for it in this field's own dropdown (an earlier one may be fading).
  const list = await box.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) });
  await expect(dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first()).toBeVisible();
  await box.press('Enter');
}

/**
 * Ticks a checkbox as a person does — a click — and waits until it shows
 * ticked: an Ant Design checkbox inside a form shows its new state on the
 * form's next render, not within the click (Playwright's `check()` asks at once).
 */
export async function tick(checkbox: Locator): Promise<void> {
  await checkbox.click();
  await expect(checkbox).toBeChecked();
}

/** The console's bar colours as red, green and blue. */
const rgb = (hex: string) => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];

/**
 * Clicks a bar of an ECharts chart on its canvas, as a person with a mouse does
 * (the data table below the chart is the keyboard's way). The canvas has no
 * elements to find, so its pixels are read: the columns painted in the
 * series' colour, left to right, are its bars with a value, in the chart's
 * order (below the legend), and the middle of the `nth` (0-based) is clicked
 * once it is painted.
 */
export async function clickBar(chart: Locator, nth: number, series = 0): Promise<void> {
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const barsNow = () => chart.evaluate((el, colour) => {
    const canvas = el.querySelector('canvas')!;
    const { width, height } = canvas;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
    // Canvas pixels to the page's: the canvas is drawn at the device's pixel ratio.
    const scale = canvas.getBoundingClientRect().width / width;
    // The legend's swatches, in the same colours, are in the top 32 pixels (the grid starts below them).
    const below = Math.ceil(32 / scale);
    const painted = (x: number, y: number) => {
      const i = (y * width + x) * 4;
      return Math.abs(pixels[i]! - colour[0]) + Math.abs(pixels[i + 1]! - colour[1]) + Math.abs(pixels[i + 2]! - colour[2]) < 24;
    };
    const found: { left: number; right: number; top: number; bottom: number }[] = [];
    for (let x = 0; x < width; x++) {
      let top = -1;
      let bottom = -1;
      for (let y = below; y < height; y++) {
        if (!painted(x, y)) continue;
        if (top < 0) top = y;
        bottom = y;
      }
      const last = found[found.length - 1];
      if (top < 0) continue;
      if (last && last.right === x - 1) Object.assign(last, { right: x, top: Math.min(last.top, top), bottom: Math.max(last.bottom, bottom) });
      else found.push({ left: x, right: x, top, bottom });
    }
    return found.map((b) => ({ x: ((b.left + b.right) / 2) * scale, y: ((b.top + b.bottom) / 2) * scale }));
  }, rgb(SERIES_COLOURS[series]!));
  // ECharts paints on the next animation frame after its options are set: wait until the bar is painted.
  await expect.poll(async () => (await barsNow()).length, { message: `bar ${nth + 1} of series ${series + 1} painted` }).toBeGreaterThan(nth);
  const bar = (await barsNow())[nth]!;
  await chart.page().mouse.click(box.x + bar.x, box.y + bar.y);
}
