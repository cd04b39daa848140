import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { idParams } from '../schemas/common.js';
import { addMemberBody, memberView, toMemberView } from '../schemas/members.js';
import { householdInScope } from '../services/households.js';
import { addMember } from '../services/members.js';
import { correctMember, recordLeaving } from '../services/member-changes.js';
import { correctMemberBody, leaveBody, memberParams } from '../schemas/member-changes.js';

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/households/:id/members',
    {
      preHandler: allow('registerMember'),
      schema: {
        summary: 'Add a member; the national ID number is checked (check digit) and may sit in one household only',
        tags: ['households'],
        params: idParams,
        body: addMemberBody,
        response: { 201: memberView },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const household = await householdInScope(app, request.params.id, user);
      const member = await addMember(app, user, household, request.body);
      request.log.info({ householdId: household.id, memberId: member.id }, 'member added');
      return reply.status(201).send(toMemberView(member));
    },
  );

  app.patch(
    '/households/:id/members/:memberId',
    {
      preHandler: allow('registerMember'),
      schema: {
        summary: 'Correct what the register says of a member (not the ID number); the file records before and after',
        tags: ['households'],
        params: memberParams,
        body: correctMemberBody,
        response: { 200: memberView },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const household = await householdInScope(app, request.params.id, user);
      return toMemberView(await correctMember(app, user, household, request.params.memberId, request.body));
    },
  );

  app.post(
    '/households/:id/members/:memberId/leave',
    {
      preHandler: allow('registerMember'),
      schema: {
        summary: 'Record that a member left (death, marriage out, moving out, enlisting) on a day, with evidence; from the next month the member is not counted',
        tags: ['households'],
        params: memberParams,
        body: leaveBody,
        response: { 200: memberView },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const household = await householdInScope(app, request.params.id, user);
      const member = await recordLeaving(app, user, household, request.params.memberId, request.body);
      request.log.info({ householdId: household.id, memberId: member.id }, 'member left');
      return toMemberView(member);
    },
  );

  app.get(
    '/households/:id/members',
    { schema: { summary: 'Current members (ID numbers masked)', tags: ['households'], params: idParams, response: { 200: z.array(memberView) } } },
    async (request) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      return (await householdMembersRepo(app.db).listCurrent(household.id)).map(toMemberView);
    },
  );
};
