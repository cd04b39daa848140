import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/ports.js';
import { useApiOnly } from '../helpers/stack.js';
import { timeSkippingEnv } from '../helpers/temporal.js';
import { eventually } from '../helpers/wait.js';

/** One sample's value from Prometheus's text format, by its name and labels as written. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics of the API (issue 18)', () => {
  const stack = useApiOnly();

  it('counts the requests by route pattern and status, and reads the pool, the outbox and the register as the database holds them', async () => {
    const { api, t } = stack;
    await api.call('GET', '/auth/me');
    await api.call('GET', '/auth/me');
    await api.call('GET', '/households/5f0c8a0e-0000-4000-8000-000000000000');

    const response = await fetch(`${api.base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'shoudi_http_request_duration_seconds_count{method="GET",route="/api/auth/me",status="401"}')).toBe(2);
    // By the route's pattern, never the household's id.
    expect(sample(text, 'shoudi_http_request_duration_seconds_count{method="GET",route="/api/households/:id",status="401"}')).toBe(1);
    expect(text).not.toContain('5f0c8a0e');
    // The pool's counts as pg holds them (a pool whose idle connections timed out holds none).
    const [total, idle, waiting] = ['total', 'idle', 'waiting'].map((state) => sample(text, `shoudi_db_pool_connections{state="${state}"}`));
    expect([total, idle, waiting].every((n) => typeof n === 'number' && n >= 0)).toBe(true);
    expect(total).toBeGreaterThanOrEqual(idle!);

    const open = await sql<{ open: string; overdue: string }>`select count(*) as open, count(*) filter (where due_at < now()) as overdue from due_items where status = 'open'`.execute(t.owner);
    expect(sample(text, 'shoudi_due_items_open{state="open"}')).toBe(Number(open.rows[0]!.open));
    expect(sample(text, 'shoudi_due_items_open{state="overdue"}')).toBe(Number(open.rows[0]!.overdue));
    const pending = await t.owner.selectFrom('notification_deliveries').select(sql<string>`count(*)`.as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
    expect(sample(text, 'shoudi_notification_deliveries_pending')).toBe(Number(pending.n));
    expect(sample(text, 'shoudi_metrics_collection_failures_total')).toBe(0);
  });
});

/** The worker process (worker/main.ts, as `npm start` runs it) serves the Temporal SDK's metrics on WORKER_METRICS_PORT. */
describe('the worker’s metrics', () => {
  const stack = useApiOnly();
  let env: TestWorkflowEnvironment;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    env = await timeSkippingEnv();
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker!.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await env?.teardown();
  });

  it('answers GET /metrics with the SDK’s worker metrics once the worker polls', async () => {
    const [healthPort, metricsPort] = [await freePort(), await freePort()];
    const entry = fileURLToPath(new URL('../../worker/main.ts', import.meta.url));
    worker = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: {
        ...process.env,
        DATABASE_URL: stack.t.url,
        TEMPORAL_ADDRESS: env.address,
        TEMPORAL_TASK_QUEUE: 'metrics-test',
        WORKER_HEALTH_PORT: String(healthPort),
        WORKER_METRICS_PORT: String(metricsPort),
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const text = await eventually(async () => {
      expect(worker!.exitCode).toBeNull();
      const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toMatch(/^temporal_num_pollers\{/m);
      return body;
    });
    expect(text).toContain('task_queue="metrics-test"');
  });
});
