import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stepsActedOnBy } from '../../domain/identification/queue.js';
import { reviewQueueRepo } from '../../db/repositories/review-queue.js';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { reviewQueuePage, reviewQueueQuery, toWaitingCase } from '../schemas/review-queue.js';

/** The review cases waiting on the user's own steps 待办审核: the county's decisions and confirmations, the town's audits, the village's reviews. */
export const reviewQueueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/review-queue',
    {
      preHandler: allow('viewReviewQueue'),
      schema: {
        summary: 'Identification and risk-elimination cases in your jurisdiction at a step your role acts on, waiting longest first, with their open working-day clocks',
        tags: ['identification', 'elimination'],
        querystring: reviewQueueQuery,
        response: { 200: reviewQueuePage },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const repo = reviewQueueRepo(app.db);
      const { procedure, limit, offset } = request.query;
      const page = await repo.waitingAt(user.jurisdictionId, stepsActedOnBy(user.role), { ...(procedure ? { procedure } : {}), limit, offset });
      const clocks = await repo.openClocks(page.items.map((c) => c.household_id));
      const now = Date.now();
      return { total: page.total, items: page.items.map((c) => toWaitingCase(c, clocks, now)) };
    },
  );
};
