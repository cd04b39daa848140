import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { draftBody, draftChecked, policyVersionsView, published, shippedParams, shippedProfile as shippedSchema } from '../schemas/policy-versions.js';
import { checkVersion, publishVersion, shippedProfile, versionsView } from '../services/policy-versions.js';

/** The county bureau keeps its county's policy versions 政策版本: list, start from a shipped profile, check a draft, publish it. */
export const policyVersionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);
  app.addHook('preHandler', allow('managePolicy'));

  app.get(
    '/policy/versions',
    { schema: { summary: 'Every version of your county’s policy profile, and the shipped profiles a new version may start from', tags: ['policy'], response: { 200: policyVersionsView } } },
    async (request) => versionsView(app, currentUser(request)),
  );

  app.get(
    '/policy/shipped/:shippedId',
    { schema: { summary: 'A shipped profile (latest version), to base a new version on', tags: ['policy'], params: shippedParams, response: { 200: shippedSchema } } },
    async (request) => shippedProfile(request.params.shippedId),
  );

  app.post(
    '/policy/versions/check',
    {
      schema: {
        summary: 'Check a draft version: the profile checks, the month, and the changes against the version in force before it; writes nothing',
        tags: ['policy'],
        body: draftBody,
        response: { 200: draftChecked },
      },
    },
    async (request) => {
      const { version, effectiveFrom, ok, problems, monthProblem, changes } = await checkVersion(app.db, currentUser(request), request.body);
      return { version, effectiveFrom, ok, problems, monthProblem, changes };
    },
  );

  app.post(
    '/policy/versions',
    {
      schema: {
        summary: 'Publish a draft as the next version, effective from a future month (an earlier month only as a correction with its reason)',
        tags: ['policy'],
        body: draftBody,
        response: { 201: published },
      },
    },
    async (request, reply) => reply.status(201).send(await publishVersion(app, currentUser(request), request.body)),
  );
};
