import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dueItemsRepo } from '../../db/repositories/due-items.js';
import { notificationsRepo } from '../../db/repositories/notifications.js';
import { listScope } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { dueItemPage, dueItemQuery, notificationList, notificationQuery, toDueItem, toNotification } from '../schemas/due-items.js';
import { withoutUndefined } from '../without-undefined.js';

/** The deadline register as people read it: open deadlines and overdue items, and the in-app inbox. */
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
      return { total: page.total, items: page.items.map((i) => toDueItem(i, now)) };
    },
  );

  app.get(
    '/notifications',
    {
      schema: { summary: 'Your in-app inbox, newest first', tags: ['deadlines'], querystring: notificationQuery, response: { 200: notificationList } },
    },
    async (request) => {
      const user = currentUser(request);
      const rows = await notificationsRepo(app.db).listFor({ jurisdictionId: user.jurisdictionId, role: user.role, departmentId: user.departmentId ?? null }, request.query);
      return rows.map(toNotification);
    },
  );
};
