import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { completeCountyItem, countyWorkflowId } from '../../workflows/county/definitions.js';
import { allow } from '../access.js';
import { actorOf, currentUser } from '../plugins/auth.js';
import { completedItem, countyItemBody, countyItemParams, toCompletedItem } from '../schemas/county-items.js';
import { applyUpdate } from '../workflow-update.js';

/** The county bureau's and the departments' own items of the cadence (the list is GET /due-items). */
export const countyItemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/county-items/:kind/:periodKey/complete',
    {
      // A town's or a village's user has no county workflow of their own jurisdiction to ask.
      preHandler: allow('completeCountyItem'),
      schema: {
        summary: 'Complete a county or department item of the cadence (data comparison, quarter-end export, the HR bureau’s summary …); late after its deadline',
        tags: ['deadlines'],
        params: countyItemParams,
        body: countyItemBody,
        response: { 200: completedItem },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const handle = app.temporal.workflow.getHandle(countyWorkflowId(user.jurisdictionId));
      const input = { actor: actorOf(user), kind: request.params.kind, period: request.params.periodKey, summary: request.body.summary };
      return toCompletedItem(await applyUpdate(handle, completeCountyItem, { args: [input] }));
    },
  );
};
