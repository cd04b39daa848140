import { defineConfig } from 'vitest/config';

/**
 * `npm run test:temporal-postgres`: the e2e tests on the Temporal server that
 * persists to PostgreSQL. Its first run builds the server from the Go module
 * (minutes from empty Go caches), which is why `npm test` leaves them out.
 */
export default defineConfig({
  test: {
    include: ['test/temporal-postgres/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 1_800_000,
    allowOnly: false,
  },
});
