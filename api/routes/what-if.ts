import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { whatIfAnswer, whatIfBody } from '../schemas/what-if.js';
import { whatIfOfDraft } from '../services/what-if.js';

/** The what-if 试算 of a draft version over the whole caseload before it takes effect; writes nothing. */
export const whatIfRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/policy/versions/what-if',
    {
      preHandler: allow('managePolicy'),
      schema: {
        summary: 'Run a draft version in shadow over the county’s caseload from its first month: who would enter, leave or be warned, by town and category, with the list; writes nothing',
        tags: ['policy'],
        body: whatIfBody,
        response: { 200: whatIfAnswer },
      },
    },
    async (request) => {
      const answer = await whatIfOfDraft(app, currentUser(request), request.body);
      return { ...answer, groups: [...answer.groups], hits: answer.hits.map((h) => ({ ...h, reasons: [...h.reasons] })) };
    },
  );
};
