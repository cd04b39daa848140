import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decideStep, getHouseholdState, openIdentification, raiseObjection, submitApplication } from '../../workflows/household/definitions.js';
import { currentUser } from '../plugins/auth.js';
import { idParams } from '../schemas/common.js';
import { applicationBody, caseResult, discoveryBody, identificationView, objectionBody, stepDecisionBody, toIdentificationView } from '../schemas/identification.js';
import { householdInScope, onHouseholdWorkflow, updateHousehold } from '../services/households.js';
import { withoutUndefined } from '../without-undefined.js';
import { checkFactMembers } from '../services/facts.js';
import { refuseCategoryOutsideProfile } from '../services/county-categories.js';

/** Identification 监测识别: discovery, application, the review steps' decisions, objections during the public notice. */
export const identificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/households/:id/identification',
    {
      schema: {
        summary: 'Record a discovery (application, cadre visit, department warning); opens a case or joins the one in progress',
        tags: ['identification'],
        params: idParams,
        body: discoveryBody,
        response: { 200: caseResult },
      },
    },
    async (request) => updateHousehold(app, currentUser(request), request.params.id, openIdentification, request.body),
  );

  app.post(
    '/households/:id/identification/application',
    {
      schema: {
        summary: 'Submit (or resubmit) the application with the household survey and the income/expenditure calculation',
        tags: ['identification'],
        params: idParams,
        body: applicationBody,
        response: { 200: caseResult },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const household = await householdInScope(app, request.params.id, user);
      await checkFactMembers(app, household.id, request.body.facts);
      return updateHousehold(app, user, household.id, submitApplication, withoutUndefined(request.body));
    },
  );

  app.post(
    '/households/:id/identification/decisions',
    {
      schema: {
        summary: 'Decide the current review step: village review, department comparison, town audit or county decision',
        tags: ['identification'],
        params: idParams,
        body: stepDecisionBody,
        response: { 200: caseResult },
      },
    },
    async (request) => {
      const user = currentUser(request);
      if (request.body.category !== undefined) {
        const household = await householdInScope(app, request.params.id, user);
        await refuseCategoryOutsideProfile(app, household.county_id, request.body.category);
      }
      return updateHousehold(app, user, request.params.id, decideStep, withoutUndefined(request.body));
    },
  );

  app.post(
    '/households/:id/identification/objections',
    {
      schema: {
        summary: 'Record an objection raised during the public notice; the case goes back to the village',
        tags: ['identification'],
        params: idParams,
        body: objectionBody,
        response: { 200: caseResult },
      },
    },
    async (request) => updateHousehold(app, currentUser(request), request.params.id, raiseObjection, request.body),
  );

  app.get(
    '/households/:id/identification',
    {
      schema: {
        summary: 'The household’s stage and its identification case as the workflow holds it',
        tags: ['identification'],
        params: idParams,
        response: { 200: identificationView },
      },
    },
    async (request) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      return toIdentificationView(await onHouseholdWorkflow(app, household, (handle) => handle.query(getHouseholdState)));
    },
  );
};
