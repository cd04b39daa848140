import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dueItemsRepo } from '../../db/repositories/due-items.js';
import { workCalendarRepo } from '../../db/repositories/work-calendar.js';
import { listScope } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { dueItemPage, dueItemQuery, toDueItem } from '../schemas/due-items.js';
import { withoutUndefined } from '../without-undefined.js';

/** The deadline register as people read it: open deadlines and overdue items. */
export const dueItemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/due-items',
    {
      schema: {
        summary: 'Open deadlines and overdue items in your jurisdiction (a department sees its own), soonest deadline first',
        tags: ['deadlines'],
        querystring: dueItemQuery,
        response: { 200: dueItemPage },
      },
    },
    async (request) => {
      const now = new Date();
      const page = await dueItemsRepo(app.db).list({ ...withoutUndefined(request.query), ...listScope(currentUser(request)), now });
      const covered = (await workCalendarRepo(app.db).years()).map((y) => y.year);
      return { total: page.total, items: page.items.map((i) => toDueItem(i, now, covered)) };
    },
  );

};
