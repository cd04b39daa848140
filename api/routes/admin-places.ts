import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { countyView, createCountyBody, createPlaceBody, placeNode, placeParams, placeTree, placeTreeQuery, profileTemplate, renamePlaceBody } from '../schemas/admin.js';
import { countiesList, createCounty } from '../services/admin-counties.js';
import { createPlace, placeTreeOf, profileTemplates, renamePlace, retirePlace } from '../services/admin-places.js';

/** Places: the tree forms pick from, and the county bureau's towns, villages and groups; the system administrator's counties. */
export const adminPlaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/places/tree',
    { schema: { summary: 'The places from yours down (retired ones with all=1), each with its official division code', tags: ['administration'], querystring: placeTreeQuery, response: { 200: placeTree } } },
    async (request) => placeTreeOf(app, currentUser(request), request.query.all === '1'),
  );

  app.post(
    '/admin/places',
    { preHandler: allow('administerCounty'), schema: { summary: 'A new town or village (by its 12-digit division code) or village group', tags: ['administration'], body: createPlaceBody, response: { 201: placeNode } } },
    async (request, reply) => reply.status(201).send(await createPlace(app, currentUser(request), request.body)),
  );

  app.post(
    '/admin/places/:id/rename',
    { preHandler: allow('administerCounty'), schema: { summary: 'Renames a place', tags: ['administration'], params: placeParams, body: renamePlaceBody, response: { 200: placeNode } } },
    async (request) => renamePlace(app, currentUser(request), request.params.id, request.body.placeName),
  );

  app.post(
    '/admin/places/:id/retire',
    { preHandler: allow('administerCounty'), schema: { summary: 'Retires a place nothing refers to any more (never deleted)', tags: ['administration'], params: placeParams, response: { 200: placeNode } } },
    async (request) => retirePlace(app, currentUser(request), request.params.id),
  );

  app.get(
    '/admin/profile-templates',
    { preHandler: allow('createCounty'), schema: { summary: 'The shipped policy profiles a new county may start from', tags: ['administration'], response: { 200: z.array(profileTemplate) } } },
    async () => profileTemplates(app),
  );

  app.get(
    '/admin/counties',
    { preHandler: allow('createCounty'), schema: { summary: 'Every county', tags: ['administration'], response: { 200: z.array(countyView) } } },
    async () => countiesList(app),
  );

  app.post(
    '/admin/counties',
    { preHandler: allow('createCounty'), schema: { summary: 'A new county with its province and city, its profile (a copy of a shipped one) and its first bureau user', tags: ['administration'], body: createCountyBody, response: { 201: countyView } } },
    async (request, reply) => reply.status(201).send(await createCounty(app, currentUser(request), request.body)),
  );
};
