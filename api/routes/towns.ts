import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { townMessages } from '../../domain/town/messages.js';
import { dueItemsRepo } from '../../db/repositories/due-items.js';
import { townReportsRepo } from '../../db/repositories/town-reports.js';
import { completeTownItem, drawTownReport, submitTownReport, townWorkflowId } from '../../workflows/town/definitions.js';
import { allow } from '../access.js';
import { HttpError } from '../errors.js';
import { actorOf, currentUser } from '../plugins/auth.js';
import {
  completedItem,
  completeItemBody,
  drawnReport,
  itemParams,
  reportParams,
  submitReportBody,
  submittedReport,
  toCompletedItem,
  toDrawnReport,
  toSubmittedReport,
  toTownReportView,
  townReportView,
} from '../schemas/towns.js';
import { checkCorrections, townInScope } from '../services/towns.js';
import { applyUpdate } from '../workflow-update.js';
import { withoutUndefined } from '../without-undefined.js';

/** A town's own items: the monthly report of risk and risk-eliminated households, the quarterly screening, the ledger. */
export const townRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  const townWorkflow = (townId: string) => app.temporal.workflow.getHandle(townWorkflowId(townId));

  app.get(
    '/towns/:townId/reports/:period',
    {
      preHandler: allow('readTownReports'),
      schema: {
        summary: 'A month’s report of risk and risk-eliminated households: the draft, or the report as submitted',
        tags: ['towns'],
        params: reportParams,
        response: { 200: townReportView },
      },
    },
    async (request) => {
      const { townId, period } = request.params;
      const town = await townInScope(app, townId, currentUser(request));
      const row = await townReportsRepo(app.db).findWithSubmitter(town.id, period);
      if (!row) throw new HttpError(404, townMessages.reportNotGenerated(period), 'NOT_FOUND');
      const item = await dueItemsRepo(app.db).findByKey(row.due_item_key);
      return toTownReportView(town, row, item?.overdue_at != null);
    },
  );

  app.post(
    '/towns/:townId/reports/:period/submit',
    {
      preHandler: allow('submitTownReport'),
      schema: {
        summary: 'The town officer confirms the month’s draft and submits it (by the day the profile sets), with a note or corrections; a late one is recorded late',
        tags: ['towns'],
        params: reportParams,
        body: submitReportBody,
        response: { 200: submittedReport },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { townId, period } = request.params;
      const town = await townInScope(app, townId, user);
      await checkCorrections(app, town, period, request.body.corrections ?? []);
      const input = { actor: actorOf(user), period, ...withoutUndefined(request.body) };
      return toSubmittedReport(await applyUpdate(townWorkflow(town.id), submitTownReport, { args: [input] }));
    },
  );

  app.post(
    '/towns/:townId/reports/:period/draft',
    {
      preHandler: allow('submitTownReport'),
      schema: {
        summary: 'The town officer has an ended month’s draft drawn now (a month the cadence did not reach, e.g. begun after its deadline); answers the draft there if any',
        tags: ['towns'],
        params: reportParams,
        response: { 200: drawnReport },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const town = await townInScope(app, request.params.townId, user);
      const input = { actor: actorOf(user), period: request.params.period };
      return toDrawnReport(await applyUpdate(townWorkflow(town.id), drawTownReport, { args: [input] }));
    },
  );

  app.post(
    '/towns/:townId/items/:kind/:periodKey/complete',
    {
      preHandler: allow('completeTownItem'),
      schema: {
        summary: 'The town officer completes one of the town’s items (the quarterly screening, the employment ledger …) with what was done; a late one is recorded late',
        tags: ['towns'],
        params: itemParams,
        body: completeItemBody,
        response: { 200: completedItem },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const { townId, kind, periodKey } = request.params;
      const town = await townInScope(app, townId, user);
      const input = { actor: actorOf(user), kind, period: periodKey, summary: request.body.summary };
      return toCompletedItem(await applyUpdate(townWorkflow(town.id), completeTownItem, { args: [input] }));
    },
  );
};
