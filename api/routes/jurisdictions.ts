import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { messages } from '../../domain/messages/catalogue.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { HttpError } from '../errors.js';
import { currentUser } from '../plugins/auth.js';

const place = z.object({ id: z.string(), name: z.string(), level: z.string() });
export const jurisdictionView = place.extend({ lineage: z.array(place), children: z.array(place) });

/** Names of places: where the user works (county → village), and the places below one (the villages and groups a form offers). */
export const jurisdictionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/jurisdictions/:id',
    {
      schema: {
        summary: 'A place in your jurisdiction, the places above it (the widest first) and those directly below',
        tags: ['jurisdictions'],
        params: z.object({ id: z.string().trim().min(1).max(32) }),
        response: { 200: jurisdictionView },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const repo = jurisdictionsRepo(app.db);
      const lineage = await repo.lineage(request.params.id);
      const self = lineage.find((j) => j.id === request.params.id);
      // Within the user's own: the place itself or one below it (the user's place is in its lineage), or one above it (the user's names).
      const mine = await repo.lineage(user.jurisdictionId);
      const visible = lineage.some((j) => j.id === user.jurisdictionId) || mine.some((j) => j.id === request.params.id);
      if (!self || !visible) throw new HttpError(404, messages.notFound, 'NOT_FOUND');
      const view = (j: { id: string; name: string; level: string }) => ({ id: j.id, name: j.name, level: j.level });
      return {
        ...view(self),
        lineage: [...lineage].reverse().map(view),
        children: (await repo.children(self.id)).map(view),
      };
    },
  );
};
