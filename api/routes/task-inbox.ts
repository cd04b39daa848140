import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VIEW_MAX_PER_USER, viewMessages } from '../../domain/measures/documents.js';
import { taskViewsRepo } from '../../db/repositories/task-views.js';
import { HttpError } from '../errors.js';
import { currentUser } from '../plugins/auth.js';
import { bulkAcceptBody, bulkAcceptResult, newViewBody, taskView, taskViewList, toTaskView, viewParams } from '../schemas/task-views.js';
import { bulkAccept } from '../services/task-bulk.js';

/**
 * The inbox's own tools: saved views 保存的筛选 (a user's named filters and
 * sort, kept in PostgreSQL) and accepting many tasks in one action.
 */
export const taskInboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/task-views',
    { schema: { summary: 'The user’s saved inbox views, by name', tags: ['tasks'], response: { 200: taskViewList } } },
    async (request) => ({ items: (await taskViewsRepo(app.db).listOfUser(currentUser(request).userId)).map(toTaskView) }),
  );

  app.post(
    '/task-views',
    { schema: { summary: 'Save the inbox’s filters and sort under a name of the user’s (a taken name is refused)', tags: ['tasks'], body: newViewBody, response: { 201: taskView } } },
    async (request, reply) => {
      const user = currentUser(request);
      const views = taskViewsRepo(app.db);
      if ((await views.countOfUser(user.userId)) >= VIEW_MAX_PER_USER) throw new HttpError(409, viewMessages.tooMany(VIEW_MAX_PER_USER), 'TOO_MANY_VIEWS');
      const row = await views.add({ userId: user.userId, name: request.body.name, filters: request.body.filters });
      if (!row) throw new HttpError(409, viewMessages.nameTaken(request.body.name), 'NAME_TAKEN');
      return reply.status(201).send(toTaskView(row));
    },
  );

  app.delete(
    '/task-views/:id',
    { schema: { summary: 'Delete one of the user’s saved views', tags: ['tasks'], params: viewParams, response: { 200: z.object({ id: z.string(), deleted: z.literal(true) }) } } },
    async (request) => {
      if (!(await taskViewsRepo(app.db).remove(currentUser(request).userId, request.params.id))) throw new HttpError(404, viewMessages.notFound, 'NOT_FOUND');
      return { id: request.params.id, deleted: true as const };
    },
  );

  app.post(
    '/tasks/bulk-accept',
    {
      schema: {
        summary: 'The department accepts many tasks in one action: each through its own workflow, whole or not at all; each task’s outcome is answered, refusals with their reason',
        tags: ['tasks'],
        body: bulkAcceptBody,
        response: { 200: bulkAcceptResult },
      },
    },
    async (request) => bulkAccept(app, currentUser(request), request.body.keys),
  );
};
