import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { idParams, pageQuery } from '../schemas/common.js';
import { noticeCards, selfReportList, visitBody } from '../schemas/self-reports.js';
import { listReports, noticeCards as cardsOf, recordReportVisit } from '../services/self-report-views.js';

/** Self-reports as the village and town handle them, and the villages' notice cards 明白卡. */
export const selfReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/self-reports',
    {
      schema: { summary: 'Open self-reports in your jurisdiction, newest first, with the township’s visit deadline', tags: ['self-reports'], querystring: pageQuery, response: { 200: selfReportList } },
      preHandler: allow('handleSelfReport'),
    },
    async (request) => listReports(app, currentUser(request), request.query),
  );

  app.post(
    '/self-reports/:id/visit',
    {
      schema: { summary: 'Record the home visit of a self-report; its clock stops', tags: ['self-reports'], params: idParams, body: visitBody, response: { 204: z.null() } },
      preHandler: allow('handleSelfReport'),
    },
    async (request, reply) => {
      await recordReportVisit(app, currentUser(request), request.params.id, request.body.visitNote);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/notice-cards',
    {
      schema: { summary: 'Each village of your jurisdiction with its self-report code, for its notice card', tags: ['self-reports'], response: { 200: noticeCards } },
      preHandler: allow('printNoticeCards'),
    },
    async (request) => cardsOf(app, currentUser(request)),
  );
};
