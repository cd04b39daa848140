/**
 * The worker process's own health endpoint, `GET /health` on WORKER_HEALTH_HOST
 * and WORKER_HEALTH_PORT: 200 while its Temporal worker is running with both
 * pollers (workflow and activity tasks) polling and the Temporal server answers,
 * 503 with what is wrong otherwise. Docker Compose's health check asks it.
 */
import { createServer, type Server } from 'node:http';
import type { NativeConnection, Worker, WorkerStatus } from '@temporalio/worker';
import { succeedsWithin } from '../platform/timeout.js';

export interface WorkerHealth {
  readonly status: 'ok' | 'degraded';
  readonly taskQueue: string;
  readonly worker: WorkerStatus['runState'];
  readonly workflowPoller: WorkerStatus['workflowPollerState'];
  readonly activityPoller: WorkerStatus['activityPollerState'];
  readonly temporal: 'up' | 'down';
}

export async function workerHealth(deps: { worker: Worker; connection: NativeConnection; taskQueue: string }): Promise<WorkerHealth> {
  const status = deps.worker.getStatus();
  const temporal = await succeedsWithin(() => deps.connection.workflowService.getSystemInfo({}), 2000);
  const ok = status.runState === 'RUNNING' && status.workflowPollerState === 'POLLING' && status.activityPollerState === 'POLLING' && temporal;
  return {
    status: ok ? 'ok' : 'degraded',
    taskQueue: deps.taskQueue,
    worker: status.runState,
    workflowPoller: status.workflowPollerState,
    activityPoller: status.activityPollerState,
    temporal: temporal ? 'up' : 'down',
  };
}

/** Listens until closed; any other path is 404. */
export async function startWorkerHealthServer(
  deps: { worker: Worker; connection: NativeConnection; taskQueue: string },
  listen: { host: string; port: number },
): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/health') {
      response.writeHead(404).end();
      return;
    }
    workerHealth(deps).then(
      (health) => {
        response.writeHead(health.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(health));
      },
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  return server;
}
