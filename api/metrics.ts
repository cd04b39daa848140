/**
 * `GET /metrics` in Prometheus's text format, for the county's operators: the
 * requests' latency by route, the database pool, the notification outbox's
 * backlog and the open and overdue items of the deadline register. Counts and
 * timings only — nothing personal, no ids (routes by their pattern). Served at
 * the root beside /health; a deployment keeps both off the public proxy.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { poolCounts } from '../db/kysely.js';
import { backlogRepo } from '../db/repositories/backlog.js';

export const metricsPlugin = fp(
  async (app: FastifyInstance) => {
    // One registry per app (tests build several in one process).
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: 'shoudi_api_' });

    const latency = new Histogram({
      name: 'shoudi_http_request_duration_seconds',
      help: 'API requests by route pattern, method and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
      registers: [registry],
    });
    const failures = new Counter({
      name: 'shoudi_metrics_collection_failures_total',
      help: 'Scrapes at which a database count could not be read',
      registers: [registry],
    });
    new Gauge({
      name: 'shoudi_db_pool_connections',
      help: 'The API’s PostgreSQL connection pool: total, idle, and requests waiting for a connection',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const counts = poolCounts(app.db);
        if (!counts) return;
        for (const [state, value] of Object.entries(counts)) this.set({ state }, value);
      },
    });
    new Gauge({
      name: 'shoudi_notification_deliveries_pending',
      help: 'Webhook deliveries waiting in the outbox',
      registers: [registry],
      async collect() {
        try {
          this.set(await backlogRepo(app.db).pendingDeliveries());
        } catch {
          failures.inc();
        }
      },
    });
    new Gauge({
      name: 'shoudi_due_items_open',
      help: 'Open items of the deadline register; state="overdue" those past their deadline',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        try {
          const { open, overdue } = await backlogRepo(app.db).openDueItems(new Date());
          this.set({ state: 'open' }, open);
          this.set({ state: 'overdue' }, overdue);
        } catch {
          failures.inc();
        }
      },
    });

    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      if (route === '/metrics') return;
      latency.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      const text = await registry.metrics();
      return reply.header('content-type', registry.contentType).send(text);
    });
  },
  { name: 'metrics', dependencies: ['db'] },
);
