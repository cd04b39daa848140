import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDb } from '../../db/kysely.js';

const status = z.enum(['up', 'down']);

async function pingTemporal(check: () => Promise<unknown>, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([check().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Health of the API, the database and Temporal, each on its own',
        tags: ['operations'],
        response: {
          200: z.object({ status: z.literal('ok'), api: status, database: status, temporal: status }),
          503: z.object({ status: z.literal('degraded'), api: status, database: status, temporal: status }),
        },
      },
    },
    async (_request, reply) => {
      const [database, temporal] = await Promise.all([
        pingDb(app.db),
        pingTemporal(() => app.temporal.workflowService.getSystemInfo({})),
      ]);
      const parts = { api: 'up', database: database ? 'up' : 'down', temporal: temporal ? 'up' : 'down' } as const;
      if (database && temporal) return reply.status(200).send({ status: 'ok', ...parts });
      return reply.status(503).send({ status: 'degraded', ...parts });
    },
  );
};
