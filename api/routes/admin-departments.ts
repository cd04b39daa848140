import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { createDepartmentBody, departmentParams, departmentView, renameDepartmentBody, webhookBody, webhookTestAnswer } from '../schemas/admin.js';
import { renameDepartment, retireDepartment } from '../services/admin-department-changes.js';
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

  app.put(
    '/admin/departments/:id/name',
    { schema: { summary: 'Renames a department (its code stays: the measure catalogues name it by code)', tags: ['administration'], params: departmentParams, body: renameDepartmentBody, response: { 200: departmentView } } },
    async (request) => renameDepartment(app, currentUser(request), request.params.id, request.body.departmentName),
  );

  app.post(
    '/admin/departments/:id/retire',
    {
      schema: {
        summary: 'Retires a department nothing needs any more (no active account, unfinished task or open item, leads no measure in force); never deleted; its webhook stops',
        tags: ['administration'],
        params: departmentParams,
        response: { 200: departmentView },
      },
    },
    async (request) => retireDepartment(app, currentUser(request), request.params.id),
  );
};
