import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { measureTasksRepo } from '../../db/repositories/measure-tasks.js';
import { confirmPlan, draftPlan, reassignTask, waiveTaskRequirement } from '../../workflows/household/definitions.js';
import { currentUser } from '../plugins/auth.js';
import { idParams, pageQuery } from '../schemas/common.js';
import { confirmedPlan, confirmPlanBody, householdTaskParams, planDraft, plannedTask, reassignBody, waiveBody, waiveResult } from '../schemas/plans.js';
import { taskPage, toTaskItem } from '../schemas/tasks.js';
import { householdInScope, updateHousehold } from '../services/households.js';
import { checkDepartments } from '../services/tasks.js';
import { withoutUndefined } from '../without-undefined.js';

/** The household's assistance plan 帮扶措施表: suggestions, confirmation, its tasks, and the town's reassignment of a handed-back task. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/households/:id/plan/draft',
    {
      schema: {
        summary: 'Suggested measures from the household’s risk causes, members and eligibility, with each lead department, for a person to confirm or change',
        tags: ['plans'],
        params: idParams,
        response: { 200: planDraft },
      },
    },
    async (request) => updateHousehold(app, currentUser(request), request.params.id, draftPlan, {}),
  );

  app.post(
    '/households/:id/plan',
    {
      schema: {
        summary: 'Confirm the plan: each measure becomes a task of its department (the catalogue’s lead unless changed) with its deadline',
        tags: ['plans'],
        params: idParams,
        body: confirmPlanBody,
        response: { 200: confirmedPlan },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const household = await householdInScope(app, request.params.id, user);
      await checkDepartments(app, household.county_id, request.body.measures.map((m) => m.departmentId));
      return updateHousehold(app, user, household.id, confirmPlan, withoutUndefined(request.body));
    },
  );

  app.get(
    '/households/:id/tasks',
    {
      schema: {
        summary: 'The household’s tasks of every plan, with status, deadline, evidence and hand-backs',
        tags: ['plans'],
        params: idParams,
        querystring: pageQuery,
        response: { 200: taskPage },
      },
    },
    async (request) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      const now = new Date();
      const result = await measureTasksRepo(app.db).list({ householdId: household.id, now, ...request.query });
      return { total: result.total, items: result.items.map((row) => toTaskItem(row, now)) };
    },
  );

  app.post(
    '/households/:id/tasks/:key/reassign',
    {
      schema: {
        summary: 'The town reassigns a handed-back task to another department; a new task starts with its own deadline',
        tags: ['plans'],
        params: householdTaskParams,
        body: reassignBody,
        response: { 200: plannedTask },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const household = await householdInScope(app, request.params.id, user);
      await checkDepartments(app, household.county_id, [request.body.departmentId]);
      return updateHousehold(app, user, household.id, reassignTask, { taskKey: request.params.key, ...withoutUndefined(request.body) });
    },
  );

  app.post(
    '/households/:id/tasks/:key/waive',
    {
      schema: {
        summary: 'The county records why an open required measure need not hold risk elimination back',
        tags: ['plans'],
        params: householdTaskParams,
        body: waiveBody,
        response: { 200: waiveResult },
      },
    },
    async (request) => updateHousehold(app, currentUser(request), request.params.id, waiveTaskRequirement, { taskKey: request.params.key, reason: request.body.reason }),
  );
};
