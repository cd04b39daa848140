import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../platform/config.js';
import { workerTuning } from '../../worker/tuning.js';

describe('the worker sized to the county (issue 19)', () => {
  it('keeps the SDK’s cache and concurrency when nothing is set', () => {
    const config = parseConfig({});
    expect(config.WORKER_MAX_CACHED_WORKFLOWS).toBeUndefined();
    expect(workerTuning(config)).toEqual({});
  });

  it('takes the cache and the concurrency of workflow tasks, activities and local activities', () => {
    const config = parseConfig({ WORKER_MAX_CACHED_WORKFLOWS: '50000', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '80', WORKER_MAX_CONCURRENT_ACTIVITIES: '60', WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES: '120' });
    expect(config.WORKER_MAX_CACHED_WORKFLOWS).toBe(50_000);
    expect(workerTuning(config)).toEqual({ maxConcurrentWorkflowTaskExecutions: 80, maxConcurrentActivityTaskExecutions: 60, maxConcurrentLocalActivityExecutions: 120 });
  });

  it('refuses a cache or a concurrency that is not a whole number in range, naming the variable', () => {
    expect(() => parseConfig({ WORKER_MAX_CACHED_WORKFLOWS: 'many' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
    expect(() => parseConfig({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' })).toThrow(ConfigError);
  });
});
