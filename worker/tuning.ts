import os from 'node:os';
import v8 from 'node:v8';
import type { Config } from '../platform/config.js';
import type { ShoudiWorkerOptions } from './create-worker.js';

/** The worker's concurrency as configured (README, "Worker sizing"); what is unset stays the SDK's. */
export function workerTuning(config: Config): NonNullable<ShoudiWorkerOptions['tuning']> {
  return {
    ...(config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS === undefined ? {} : { maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS }),
    ...(config.WORKER_MAX_CONCURRENT_ACTIVITIES === undefined ? {} : { maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES }),
    ...(config.WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES === undefined ? {} : { maxConcurrentLocalActivityExecutions: config.WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES }),
  };
}

/**
 * Memory a cached household takes in the worker, MiB: the worker's resident memory grew by 0.48 MiB a household
 * with 2,000 cached and 0.45 with 10,000 (`bench:import-starts --households N --max-cached N`, README "Worker
 * sizing"), rounded up so that the cache fits.
 */
export const MIB_PER_CACHED_HOUSEHOLD = 0.5;
/** What the worker needs besides its cache (its code, the SDK's runtime, activities' buffers): ≈ 400 MiB once polling, measured. */
export const WORKER_BASE_MIB = 512;
/** The fewest households cached whatever the memory (the SDK's floor is 10; a county's town needs more). */
export const MIN_CACHED_WORKFLOWS = 100;

export interface WorkerMemory {
  /** The V8 heap's limit (`--max-old-space-size`, or Node's default from the machine's memory). */
  readonly heapLimitMiB: number;
  /** The machine's memory. */
  readonly totalMiB: number;
}

export function workerMemory(): WorkerMemory {
  return { heapLimitMiB: v8.getHeapStatistics().heap_size_limit / 2 ** 20, totalMiB: os.totalmem() / 2 ** 20 };
}

/**
 * Households the worker keeps cached: WORKER_MAX_CACHED_WORKFLOWS when set (sized to the county), otherwise as many
 * as fit in the heap (at most three quarters of the machine's memory) beside the worker's own needs.
 */
export function cachedWorkflows(config: Pick<Config, 'WORKER_MAX_CACHED_WORKFLOWS'>, memory: WorkerMemory): { households: number; from: 'configured' | 'memory' } {
  if (config.WORKER_MAX_CACHED_WORKFLOWS !== undefined) return { households: config.WORKER_MAX_CACHED_WORKFLOWS, from: 'configured' };
  const budget = Math.min(memory.heapLimitMiB, memory.totalMiB * 0.75) - WORKER_BASE_MIB;
  return { households: Math.max(MIN_CACHED_WORKFLOWS, Math.floor(budget / MIB_PER_CACHED_HOUSEHOLD)), from: 'memory' };
}
