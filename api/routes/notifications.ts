import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notificationsRepo, type Reader } from '../../db/repositories/notifications.js';
import { notificationMessages } from '../../domain/messages/catalogue.js';
import { HttpError } from '../errors.js';
import { currentUser, type LoggedInUser } from '../plugins/auth.js';
import { notificationPage, notificationParams, notificationQuery, readAllAnswer, toNotification } from '../schemas/due-items.js';

const reader = (user: LoggedInUser): Reader => ({ id: user.userId, jurisdictionId: user.jurisdictionId, role: user.role, departmentId: user.departmentId ?? null });

/** The in-app inbox 消息: messages to the caller's jurisdiction and role (or department), each read or unread by the caller. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/notifications',
    {
      schema: {
        summary: 'Your in-app inbox, newest first, each read or not by you; `unread=true` lists only the unread; `unread` counts them all',
        tags: ['notifications'],
        querystring: notificationQuery,
        response: { 200: notificationPage },
      },
    },
    async (request) => {
      const { unread, ...page } = request.query;
      const inbox = await notificationsRepo(app.db).listFor(reader(currentUser(request)), { ...page, ...(unread === undefined ? {} : { unread }) });
      return { total: unread ? inbox.unread : inbox.total, unread: inbox.unread, items: inbox.items.map(toNotification) };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        summary: 'Mark one message of your inbox read (again: no change); 404 for a message that is not yours',
        tags: ['notifications'],
        params: notificationParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const marked = await notificationsRepo(app.db).markRead(reader(currentUser(request)), request.params.id, new Date());
      if (!marked) throw new HttpError(404, notificationMessages.notFound, 'NOT_FOUND');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: { summary: 'Mark every unread message of your inbox read', tags: ['notifications'], response: { 200: readAllAnswer } },
    },
    async (request) => {
      const user = reader(currentUser(request));
      const repo = notificationsRepo(app.db);
      const marked = await repo.markAllRead(user, new Date());
      return { marked, unread: (await repo.listFor(user, { limit: 1, offset: 0, unread: true })).unread };
    },
  );
};
