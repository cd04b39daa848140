import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { describeRule } from '../../domain/deadlines/messages.js';
import { DEFAULT_CADENCE } from '../../domain/policy/defaults.js';
import { recordVisit, submitMonthlyUpdate } from '../../workflows/household/definitions.js';
import { currentUser } from '../plugins/auth.js';
import { idParams } from '../schemas/common.js';
import { monthlyItemResult, monthlyUpdateBody, visitBody } from '../schemas/monitoring.js';
import { householdInScope, updateHousehold } from '../services/households.js';
import { checkFactMembers } from '../services/facts.js';
import { withoutUndefined } from '../without-undefined.js';

/** The default cadence's monthly update rule, for the documentation; each county's profile sets its own day. */
const monthlyUpdateDue = DEFAULT_CADENCE.filter((item) => item.kind === 'monthly_update').map((item) => describeRule(item.rule))[0] ?? '';

/** The monthly items of a household: the update, due by the day its county's profile sets, and the visit. */
export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/households/:id/monthly-updates',
    {
      schema: {
        summary: `Submit the monthly update (due by the day the county’s profile sets; by default ${monthlyUpdateDue}): income, spending, member changes, policies enjoyed; re-assesses the household`,
        tags: ['monitoring'],
        params: idParams,
        body: monthlyUpdateBody,
        response: { 200: monthlyItemResult },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const household = await householdInScope(app, request.params.id, user);
      await checkFactMembers(app, household.id, request.body.facts);
      return updateHousehold(app, user, household.id, submitMonthlyUpdate, withoutUndefined(request.body));
    },
  );

  app.post(
    '/households/:id/visits',
    {
      schema: {
        summary: 'Record the month’s visit with its form; a risk found raises a warning',
        tags: ['monitoring'],
        params: idParams,
        body: visitBody,
        response: { 200: monthlyItemResult },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const household = await householdInScope(app, request.params.id, user);
      await checkFactMembers(app, household.id, request.body.facts);
      return updateHousehold(app, user, household.id, recordVisit, withoutUndefined(request.body));
    },
  );
};
