import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messages } from '../../domain/messages/catalogue.js';
import { allow } from '../access.js';
import { workflowPending } from '../schemas/common.js';
import { currentUser } from '../plugins/auth.js';
import { orderedScreening, orderScreeningBody, screeningParams, screeningView, toScreeningView } from '../schemas/screenings.js';
import { orderScreening, screeningInScope, screeningProgress } from '../services/screenings.js';

/**
 * Immediate screenings 突发情况排查 of an area after a disaster or an epidemic
 * [002]: each is a campaign of the campaign machinery (its progress, checks and
 * notice also under /campaigns/{id}); a town orders one for its own area.
 */
export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/screenings',
    {
      preHandler: allow('orderScreening'),
      schema: {
        summary: 'Order an immediate screening as a campaign: every household of the area (county, town or village) gets a visit due within the days given',
        tags: ['screenings'],
        body: orderScreeningBody,
        response: { 202: orderedScreening, 503: workflowPending },
      },
    },
    async (request, reply) => {
      const { campaign, workflowStarted } = await orderScreening(app, currentUser(request), request.body);
      reply.header('location', `/campaigns/${campaign.id}`);
      if (!workflowStarted) return reply.status(503).send({ error: 'WORKFLOW_PENDING', message: messages.screeningWorkflowPending(campaign.id), id: campaign.id });
      return reply.status(202).send({ id: campaign.id, dueAt: campaign.due_at.toISOString(), households: campaign.cohort_count });
    },
  );

  app.get(
    '/screenings/:screeningId',
    {
      schema: {
        summary: 'A screening’s progress: households visited, still open, overdue',
        tags: ['screenings'],
        params: screeningParams,
        response: { 200: screeningView },
      },
    },
    async (request) => {
      const screening = await screeningInScope(app, request.params.screeningId, currentUser(request));
      return toScreeningView(screening, await screeningProgress(app, screening));
    },
  );
};
