import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { createDepartmentBody, departmentParams, departmentView, webhookBody, webhookTestAnswer } from '../schemas/admin.js';
import { createDepartment, departmentsOf, disableWebhook, setWebhook, testWebhook } from '../services/admin-departments.js';

/** Departments 行业部门 of the county and their webhook channels, by the county bureau. */
export const adminDepartmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);
  app.addHook('preHandler', allow('administerCounty'));

  app.get(
    '/admin/departments',
    { schema: { summary: 'The departments of your county with their webhook', tags: ['administration'], response: { 200: z.array(departmentView) } } },
    async (request) => departmentsOf(app, currentUser(request)),
  );

  app.post(
    '/admin/departments',
    { schema: { summary: 'A new department', tags: ['administration'], body: createDepartmentBody, response: { 201: departmentView } } },
    async (request, reply) => reply.status(201).send(await createDepartment(app, currentUser(request), request.body.departmentCode, request.body.departmentName)),
  );

  app.put(
    '/admin/departments/:id/webhook',
    { schema: { summary: 'Sets the department’s webhook URL and signing secret', tags: ['administration'], params: departmentParams, body: webhookBody, response: { 200: departmentView } } },
    async (request) => setWebhook(app, currentUser(request), request.params.id, request.body.url, request.body.secret),
  );

  app.post(
    '/admin/departments/:id/webhook/disable',
    { schema: { summary: 'Stops the department’s webhook', tags: ['administration'], params: departmentParams, response: { 200: departmentView } } },
    async (request) => disableWebhook(app, currentUser(request), request.params.id),
  );

  app.post(
    '/admin/departments/:id/webhook/test',
    { schema: { summary: 'Posts a test message to the department’s webhook now and says whether it arrived', tags: ['administration'], params: departmentParams, response: { 200: webhookTestAnswer } } },
    async (request) => testWebhook(app, currentUser(request), request.params.id),
  );
};
