import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assessmentMessages as m } from '../../domain/supervision/assessment-messages.js';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { assessment, assessmentQuery, assessmentWorkbookFile } from '../schemas/assessment.js';
import { assessmentOf } from '../services/assessment.js';
import { assessmentWorkbook } from '../services/assessment-workbook.js';

/** The monthly assessment 考核 of towns and departments: the ranking with each score's breakdown, and its workbook. */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/assessment',
    {
      preHandler: allow('viewDashboard'),
      schema: {
        summary:
          'Leadership group and supervisors: the month’s assessment of every town or department from measured facts (monthly updates on time, tasks not overdue and overdue days, warnings acted on, campaign problems rectified on time) with the county profile’s weights, ranked, with the change on the month before',
        tags: ['supervision'],
        querystring: assessmentQuery,
        response: { 200: assessment },
      },
    },
    async (request) => assessmentOf(app, currentUser(request).jurisdictionId, request.query.by, request.query.month, new Date()),
  );

  app.get(
    '/assessment.xlsx',
    {
      preHandler: allow('viewDashboard'),
      schema: { summary: 'The month’s assessment ranking as an Excel workbook', tags: ['supervision'], querystring: assessmentQuery, response: { 200: assessmentWorkbookFile } },
    },
    async (request, reply) => {
      const a = await assessmentOf(app, currentUser(request).jurisdictionId, request.query.by, request.query.month, new Date());
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="assessment.xlsx"; filename*=UTF-8''${encodeURIComponent(m.workbook.fileName(a.month, a.by === 'town'))}`);
      // A Buffer is sent as it is: the response schema only documents the file.
      return reply.send(await assessmentWorkbook(a));
    },
  );
};
