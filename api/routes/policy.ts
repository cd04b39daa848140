import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { messages } from '../../domain/messages/catalogue.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { HttpError } from '../errors.js';
import { currentUser } from '../plugins/auth.js';
import { period } from '../schemas/common.js';

export const profileInForce = z.object({
  id: z.string(),
  version: z.number(),
  effectiveFrom: z.string(),
  countyName: z.string(),
  body: z.unknown().describe('the profile as stored (domain/policy/profile.ts PolicyProfile)'),
});

/** The county's policy profile, read by the console to preview an assessment with the rules the workflow will apply. */
export const policyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/policy/profile',
    {
      schema: {
        summary: 'The version of your county’s policy profile in force for a month',
        tags: ['policy'],
        querystring: z.object({ period }),
        response: { 200: profileInForce },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const lineage = await jurisdictionsRepo(app.db).lineage(user.jurisdictionId);
      const county = lineage.find((j) => j.level === 'county');
      const row = county ? await policyProfilesRepo(app.db).inForceForCounty(county.id, request.query.period) : undefined;
      if (!row) throw new HttpError(404, messages.notFound, 'NOT_FOUND');
      return { id: row.id, version: row.version, effectiveFrom: row.effective_from, countyName: row.county_name, body: row.body };
    },
  );
};
