import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decideElimination, getHouseholdState, proposeElimination, raiseEliminationObjection, rollbackElimination } from '../../workflows/household/definitions.js';
import { currentUser } from '../plugins/auth.js';
import { idParams } from '../schemas/common.js';
import { caseResult, eliminationDecisionBody, eliminationView, objectionBody, proposalBody, rollbackBody, rollbackResult, toEliminationView } from '../schemas/elimination.js';
import { householdInScope, onHouseholdWorkflow, updateHousehold } from '../services/households.js';
import { withoutUndefined } from '../without-undefined.js';

/** Risk elimination 风险消除: proposal, public notice objections, town audit, county confirmation, rollback 回退. */
export const eliminationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/households/:id/elimination',
    {
      schema: {
        summary: 'The village proposes to mark the risk eliminated, with evidence (or proposes again after a return)',
        tags: ['elimination'],
        params: idParams,
        body: proposalBody,
        response: { 200: caseResult },
      },
    },
    async (request) => updateHousehold(app, currentUser(request), request.params.id, proposeElimination, withoutUndefined(request.body)),
  );

  app.post(
    '/households/:id/elimination/decisions',
    {
      schema: {
        summary: 'The town audit or the county confirmation of a proposed risk elimination',
        tags: ['elimination'],
        params: idParams,
        body: eliminationDecisionBody,
        response: { 200: caseResult },
      },
    },
    async (request) => updateHousehold(app, currentUser(request), request.params.id, decideElimination, withoutUndefined(request.body)),
  );

  app.post(
    '/households/:id/elimination/objections',
    {
      schema: {
        summary: 'Record an objection during the elimination’s public notice; the proposal goes back to the village',
        tags: ['elimination'],
        params: idParams,
        body: objectionBody,
        response: { 200: caseResult },
      },
    },
    async (request) => updateHousehold(app, currentUser(request), request.params.id, raiseEliminationObjection, request.body),
  );

  app.post(
    '/households/:id/elimination/rollback',
    {
      schema: {
        summary: 'The county rolls a risk-elimination mark back, with its reason; the household returns to monitoring',
        tags: ['elimination'],
        params: idParams,
        body: rollbackBody,
        response: { 200: rollbackResult },
      },
    },
    async (request) => updateHousehold(app, currentUser(request), request.params.id, rollbackElimination, request.body),
  );

  app.get(
    '/households/:id/elimination',
    {
      schema: {
        summary: 'The household’s stage and its latest risk-elimination case as the workflow holds it',
        tags: ['elimination'],
        params: idParams,
        response: { 200: eliminationView },
      },
    },
    async (request) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      return toEliminationView(await onHouseholdWorkflow(app, household, (handle) => handle.query(getHouseholdState)));
    },
  );
};
