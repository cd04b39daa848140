import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminMessages as m } from '../../domain/administration/messages.js';
import { placesRepo } from '../../db/repositories/administration.js';
import { supervisionRepo } from '../../db/repositories/supervision.js';
import { allow } from '../access.js';
import { HttpError } from '../errors.js';
import { currentUser } from '../plugins/auth.js';
import { regionView } from '../schemas/admin.js';

/** A province's or city's users see their counties side by side, aggregated and read-only: no household, no name. */
export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/region',
    { preHandler: allow('viewRegion'), schema: { summary: 'The counties of your province or city: monitoring objects and open and overdue tasks, per county', tags: ['administration'], response: { 200: regionView } } },
    async (request) => {
      const regionId = currentUser(request).jurisdictionId;
      const region = await placesRepo(app.db).find(regionId);
      if (!region) throw new HttpError(404, m.placeNotFound, 'NOT_FOUND');
      const repo = supervisionRepo(app.db);
      const now = new Date();
      const counties = await Promise.all(
        (await placesRepo(app.db).countiesUnder(regionId)).map(async (county) => {
          const [monitored, tasks] = await Promise.all([repo.monitoringBy(county.id, 'category'), repo.taskRates(county.id, 'town', now)]);
          return {
            id: county.id,
            name: county.name,
            monitored: monitored.reduce((sum, r) => sum + r.n, 0),
            openTasks: tasks.reduce((sum, r) => sum + r.open, 0),
            overdueTasks: tasks.reduce((sum, r) => sum + r.overdue, 0),
          };
        }),
      );
      return { region: { id: region.id, name: region.name, level: region.level }, counties };
    },
  );
};
