import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser } from '../plugins/auth.js';
import { departmentOption } from '../schemas/departments.js';
import { departmentsAround } from '../services/departments.js';

/** The county's departments by name, for choosing whom a task goes to (a plan, a reassignment). */
export const departmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/departments',
    { schema: { summary: 'The departments of your county, by code', tags: ['plans'], response: { 200: z.array(departmentOption) } } },
    async (request) => departmentsAround(app, currentUser(request).jurisdictionId),
  );
};
