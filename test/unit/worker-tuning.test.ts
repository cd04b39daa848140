import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../platform/config.js';
import { cachedWorkflows, MIB_PER_CACHED_HOUSEHOLD, MIN_CACHED_WORKFLOWS, WORKER_BASE_MIB, workerTuning } from '../../worker/tuning.js';

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

  it('caches by default as many households as fit in the heap beside the worker, within three quarters of the machine', () => {
    const unset = parseConfig({});
    // Node's default heap on a 24 GiB machine (4,144 MiB): 7,264 households, against the SDK's ≈ 2,300.
    expect(cachedWorkflows(unset, { heapLimitMiB: 4144, totalMiB: 24_105 })).toEqual({ households: (4144 - WORKER_BASE_MIB) / MIB_PER_CACHED_HOUSEHOLD, from: 'memory' });
    // A heap set larger than the machine can give: the machine's memory bounds it.
    expect(cachedWorkflows(unset, { heapLimitMiB: 32_768, totalMiB: 8192 }).households).toBe((8192 * 0.75 - WORKER_BASE_MIB) / MIB_PER_CACHED_HOUSEHOLD);
    // A tiny heap still caches a town's worth.
    expect(cachedWorkflows(unset, { heapLimitMiB: 256, totalMiB: 1024 }).households).toBe(MIN_CACHED_WORKFLOWS);
    // Set for the county: as set, whatever the memory.
    expect(cachedWorkflows(parseConfig({ WORKER_MAX_CACHED_WORKFLOWS: '50000' }), { heapLimitMiB: 4144, totalMiB: 24_105 })).toEqual({ households: 50_000, from: 'configured' });
  });

  it('refuses a cache or a concurrency that is not a whole number in range, naming the variable', () => {
    expect(() => parseConfig({ WORKER_MAX_CACHED_WORKFLOWS: 'many' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
    expect(() => parseConfig({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' })).toThrow(ConfigError);
  });
});
