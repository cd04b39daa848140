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
