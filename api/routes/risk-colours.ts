import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { riskColourBoard } from '../schemas/risk-colours.js';
import { riskColourBoardOf } from '../services/risk-colours.js';

/** Risk colours 风险等级 of the county's households by the profile's rules (each household's own colour is on the household lists). */
export const riskColourRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/risk-colours',
    {
      preHandler: allow('viewDashboard'),
      schema: {
        summary: 'Leadership group and supervisors: the county’s households by risk colour (green, yellow, red) by the rules of the county profile, in all and by town',
        tags: ['supervision'],
        response: { 200: riskColourBoard },
      },
    },
    async (request) => riskColourBoardOf(app, currentUser(request).jurisdictionId, new Date()),
  );
};
