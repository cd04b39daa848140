import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_PATH } from './platform/chromium.js';

/** The console in Debian's Chromium against the real stack (test/browser/global-setup.ts). */
export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/browser/global-setup.ts',
  // One stack, journeys that build on the demo county: one worker, in file order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: process.env.SHOUDI_BROWSER_BASE_URL,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    // Whatever the machine's zone, the console shows Asia/Shanghai time: the browser runs in another zone to prove it.
    timezoneId: 'America/New_York',
    trace: 'off',
    screenshot: 'only-on-failure',
    // Playwright starts it with --no-sandbox (its default, chromiumSandbox: false), which root needs.
    launchOptions: { executablePath: CHROMIUM_PATH },
  },
});
