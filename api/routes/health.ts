import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pingDb } from '../../db/kysely.js';
import { succeedsWithin } from '../../platform/timeout.js';
import { degraded, healthy } from '../schemas/health.js';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Health of the API, the database and Temporal, each on its own',
        tags: ['operations'],
        response: { 200: healthy, 503: degraded },
      },
    },
    async (_request, reply) => {
      const [database, temporal] = await Promise.all([pingDb(app.db), succeedsWithin(() => app.temporal.workflowService.getSystemInfo({}), 2000)]);
      const parts = { api: 'up', database: database ? 'up' : 'down', temporal: temporal ? 'up' : 'down' } as const;
      if (database && temporal) return reply.status(200).send({ status: 'ok', ...parts });
      return reply.status(503).send({ status: 'degraded', ...parts });
    },
  );
};
