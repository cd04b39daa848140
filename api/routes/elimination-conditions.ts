import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { currentUser } from '../plugins/auth.js';
import { idParams } from '../schemas/common.js';
import { eliminationConditionsView } from '../schemas/elimination-conditions.js';
import { householdEliminationConditions } from '../services/elimination-conditions.js';

/** The conditions a risk-elimination proposal is checked against, and the measures that go on after it. */
export const eliminationConditionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/households/:id/elimination/conditions',
    {
      schema: {
        summary: 'The risk-elimination conditions of the household’s county with where it stands now, and its measures that continue after elimination',
        tags: ['elimination'],
        params: idParams,
        response: { 200: eliminationConditionsView },
      },
    },
    async (request) => householdEliminationConditions(app, request.params.id, currentUser(request)),
  );
};
