import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../plugins/auth.js';
import { idParams } from '../schemas/common.js';
import { rederivationList } from '../schemas/rederivation.js';
import { rederiveHousehold } from '../services/rederivation.js';

/** Re-derivation 复算: each recorded assessment and decision beside the answer its stored inputs and policy version give today. */
export const rederivationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/households/:id/rederivations',
    {
      schema: {
        summary: 'Re-run every assessment and decision of a household from its stored inputs and the policy version it used, beside the stored answer',
        tags: ['households'],
        params: idParams,
        response: { 200: rederivationList },
      },
    },
    async (request) => rederiveHousehold(app, request.params.id, currentUser(request)),
  );
};
