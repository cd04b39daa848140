import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyUpdate } from '../workflow-update.js';
import { COUNTY_ITEM_ROLES, ROLE_NAMES } from '../../domain/access/roles.js';
import { countyItemMessages, messages } from '../../domain/messages/catalogue.js';
import { completeCountyItem, countyWorkflowId } from '../../workflows/county/definitions.js';
import { HttpError } from '../errors.js';
import { actorOf } from '../household-access.js';
import { currentUser } from '../plugins/auth.js';
import { text } from '../schemas/common.js';

/** The county bureau's and the departments' own items of the cadence (the list is GET /due-items). */
export const countyItemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/county-items/:kind/:period/complete',
    {
      schema: {
        summary: 'Complete a county or department item of the cadence (data comparison, quarter-end export, 人社局 summary …); late after its deadline',
        tags: ['deadlines'],
        params: z.object({
          kind: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, '事项类型不正确'),
          period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, '期间格式应为 YYYY、YYYY-MM 或 YYYY-Qn'),
        }),
        body: z.object({ summary: text(5000, '请填写办理情况') }),
        response: { 200: z.object({ kind: z.string(), period: z.string(), doneAt: z.string(), late: z.boolean() }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      // A town's or a village's user has no county workflow of their own jurisdiction to ask.
      if (!COUNTY_ITEM_ROLES.includes(user.role)) {
        throw new HttpError(403, messages.forbiddenRole(countyItemMessages.completeAction, ROLE_NAMES[user.role] ?? user.role), 'FORBIDDEN');
      }
      const handle = app.temporal.workflow.getHandle(countyWorkflowId(user.jurisdictionId));
      const done = await applyUpdate(handle, completeCountyItem, { args: [{ actor: actorOf(user), ...request.params, summary: request.body.summary }] });
      return { ...done, doneAt: new Date(done.doneAt).toISOString() };
    },
  );
};
