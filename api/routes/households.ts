import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { householdIdsOfColour, riskColoursOfPage } from '../services/risk-colours.js';
import { countyOfPlace } from '../services/admin-audit.js';
import { messages } from '../../domain/messages/catalogue.js';
import { departmentReach } from '../../domain/access/reach.js';
import { movedIn } from '../../domain/supervision/movements.js';
import type { Household } from '../../db/database.js';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { usersRepo } from '../../db/repositories/users.js';
import { householdWorkflowId } from '../../workflows/household/definitions.js';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { idParams, workflowPending } from '../schemas/common.js';
import {
  householdFile,
  householdPage,
  householdSearchQuery,
  householdView,
  registeredHousehold,
  registerHouseholdBody,
  responsibleBody,
  toFileEvent,
  toHouseholdView,
} from '../schemas/households.js';
import { assignResponsible, householdInScope, registerHousehold } from '../services/households.js';
import { toTaskDocument } from '../schemas/task-documents.js';
import { documentsOfFile } from '../services/task-documents.js';
import { householdMarks as householdMarksSchema } from '../schemas/joint.js';
import { householdMarks } from '../services/joint.js';

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  const viewOf = async (h: Household) => toHouseholdView(h, await usersRepo(app.db).displayNames([h.responsible_user_id]));

  app.post(
    '/households',
    {
      preHandler: allow('registerHousehold'),
      schema: {
        summary: 'Register a household, then start its workflow; 503 with its id when the workflow could not start yet (it starts on the next request for the household)',
        tags: ['households'],
        body: registerHouseholdBody,
        response: { 202: registeredHousehold, 503: workflowPending },
      },
    },
    async (request, reply) => {
      const { household, workflowStarted } = await registerHousehold(app, currentUser(request), request.body);
      request.log.info({ householdId: household.id, workflowStarted }, 'household registered');
      reply.header('location', `/households/${household.id}`);
      if (!workflowStarted) return reply.status(503).send({ error: 'WORKFLOW_PENDING', message: messages.householdWorkflowPending(household.id), id: household.id });
      return reply.status(202).send({ id: household.id, workflowId: householdWorkflowId(household.id) });
    },
  );

  app.get(
    '/households',
    {
      schema: {
        summary: 'Search households in your jurisdiction by town, village, category, stage, a member’s name or ID number',
        tags: ['households'],
        querystring: householdSearchQuery,
        response: { 200: householdPage },
      },
    },
    async (request) => {
      const { movement, period, riskColour, ...query } = request.query;
      const moved = movement && period ? movedIn(movement, period) : undefined;
      const user = currentUser(request);
      const now = new Date();
      const county = countyOfPlace(user.jurisdictionId);
      const ids = riskColour ? (county ? await householdIdsOfColour(app, county, riskColour, now) : []) : undefined;
      const page = await householdsRepo(app.db).search({ ...query, ids, moved, withinJurisdiction: user.jurisdictionId, ofDepartment: departmentReach(user) });
      const names = await usersRepo(app.db).displayNames(page.items.map((h) => h.responsible_user_id));
      const colours = await riskColoursOfPage(app, page.items, now);
      return { total: page.total, items: page.items.map((h) => ({ ...toHouseholdView(h, names), riskColour: colours.get(h.id) ?? null })) };
    },
  );

  app.get(
    '/households/:id',
    { schema: { summary: 'One household', tags: ['households'], params: idParams, response: { 200: householdView } } },
    async (request) => viewOf(await householdInScope(app, request.params.id, currentUser(request))),
  );

  app.put(
    '/households/:id/responsible',
    {
      preHandler: allow('assignResponsible'),
      schema: {
        summary: 'Pair the household with its responsible cadre (a village or town cadre of its place), or with no one; its open monthly items move to that person',
        tags: ['households'],
        params: idParams,
        body: responsibleBody,
        response: { 200: householdView },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const household = await householdInScope(app, request.params.id, user);
      await assignResponsible(app, user, household, request.body.userId);
      return viewOf(await householdInScope(app, household.id, user));
    },
  );

  app.get(
    '/households/:id/assistance-marks',
    {
      schema: {
        summary: 'Joint identification with civil affairs (minzheng): the household’s dated marks as dibao / tekun from the civil-affairs monthly feed (which batch and month began and ended each), beside its latest assessment on the monitoring’s own income rule, and whether it qualifies but is not monitored',
        tags: ['households'],
        params: idParams,
        response: { 200: householdMarksSchema },
      },
    },
    async (request) => householdMarks(app, await householdInScope(app, request.params.id, currentUser(request))),
  );

  app.get(
    '/households/:id/file',
    {
      schema: {
        summary: 'The household file: the ordered history of who did what, when and why',
        tags: ['households'],
        params: idParams,
        response: { 200: householdFile },
      },
    },
    async (request) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      const events = (await householdEventsRepo(app.db).listForHousehold(household.id)).map(toFileEvent);
      const documents = await documentsOfFile(app, household.id, events);
      return { household: await viewOf(household), events, documents: documents.map(toTaskDocument) };
    },
  );
};
