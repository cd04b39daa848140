import { vi } from 'vitest';

/**
 * Waits until `check` passes, for what the system does on its own time (a
 * workflow writing to PostgreSQL). Patient by design: on a busy machine a
 * step can take seconds, and a test must not fail for it; a check that never
 * passes still fails, at the test's own limit.
 */
export function eventually<T>(check: () => T | Promise<T>, options: { timeout?: number } = {}): Promise<T> {
  return vi.waitFor(check, { timeout: options.timeout ?? 50_000, interval: 50 });
}
