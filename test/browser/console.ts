/** What the browser tests share: logging in as a demo user, and the home page's screenshot. */
import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { checkCharacter } from '../../domain/people/id-number.js';

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
