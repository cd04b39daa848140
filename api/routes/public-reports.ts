import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { challengeAnswer, codeParams, tooMany, receipt, reportPlaces, reportStatus, selfReportBody, statusBody } from '../schemas/self-reports.js';
import { guardPublic } from '../services/public-guard.js';
import { reportPlaces as placesOf, reportProgress } from '../services/self-report-views.js';
import { submitSelfReport } from '../services/self-reports.js';

/**
 * Household self-report 农户自主申报 without a login: the form's places, the
 * report, its progress by receipt number and phone. Nothing personal travels
 * in a URL; the address and phone limits are in public-guard.ts.
 */
export const publicReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/report-places/:code',
    {
      schema: {
        summary: 'The county’s towns and villages for the self-report form, the code’s village chosen (no login)',
        tags: ['public'],
        security: [],
        params: codeParams,
        response: { 200: reportPlaces },
      },
    },
    async (request) => placesOf(app, request.params.code),
  );

  app.post(
    '/public/reports',
    {
      schema: {
        summary: 'A household reports a risk itself: answered with its receipt number (no login; a challenge after repeated use)',
        tags: ['public'],
        security: [],
        body: selfReportBody,
        response: { 200: receipt, 428: challengeAnswer, 429: tooMany },
      },
    },
    async (request, reply) => {
      const challenge = await guardPublic(app, 'report', request.ip, request.body, request.body.phone);
      if (challenge) return reply.status(428).send(challenge);
      return submitSelfReport(app, request.body);
    },
  );

  app.post(
    '/public/reports/status',
    {
      schema: {
        summary: 'The progress of one report, by its receipt number and the phone given with it (no login)',
        tags: ['public'],
        security: [],
        body: statusBody,
        response: { 200: reportStatus, 428: challengeAnswer, 429: tooMany },
      },
    },
    async (request, reply) => {
      const challenge = await guardPublic(app, 'status', request.ip, request.body);
      if (challenge) return reply.status(428).send(challenge);
      return reportProgress(app, request.body.receiptNo, request.body.phone);
    },
  );
};
