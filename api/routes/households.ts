import { randomUUID } from 'node:crypto';
import { WorkflowIdReusePolicy } from '@temporalio/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { covers, RESPONSIBLE_ASSIGNERS, responsibleRefusal, ROLE_NAMES, type Role } from '../../domain/access/roles.js';
import { eventKindNames, messages } from '../../domain/messages/catalogue.js';
import { HOUSEHOLD_CATEGORIES } from '../../domain/identification/steps.js';
import type { Household } from '../../db/database.js';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { usersRepo } from '../../db/repositories/users.js';
import {
  DISCOVERY_CHANNELS,
  HOUSEHOLD_STAGES,
  householdWorkflowId,
  type HouseholdWorkflowInput,
} from '../../workflows/household/definitions.js';
import { HttpError } from '../errors.js';
import { actorOf, householdInScope as inScope, placeOf } from '../household-access.js';
import { currentUser, type LoggedInUser } from '../plugins/auth.js';

const REGISTER_ROLES: readonly Role[] = ['village_cadre', 'town_officer', 'county_bureau'];
const RESPONSIBLE_REFUSALS = { not_found: messages.responsibleNotFound, wrong_role: messages.responsibleWrongRole, outside: messages.responsibleOutside } as const;

export const householdView = z.object({
  id: z.string(),
  countyId: z.string(),
  townId: z.string(),
  villageId: z.string(),
  groupId: z.string().nullable(),
  address: z.string(),
  headName: z.string(),
  category: z.enum(HOUSEHOLD_CATEGORIES),
  stage: z.string(),
  /** 帮扶责任人: the cadre paired with the household. */
  responsible: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});

const toView = (h: Household, names: ReadonlyMap<string, string> = new Map()): z.infer<typeof householdView> => ({
  id: h.id,
  countyId: h.county_id,
  townId: h.town_id,
  villageId: h.village_id,
  groupId: h.group_id,
  address: h.address,
  headName: h.head_name,
  category: h.category,
  stage: h.stage,
  responsible: h.responsible_user_id ? { id: h.responsible_user_id, name: names.get(h.responsible_user_id) ?? '' } : null,
  createdAt: h.created_at.toISOString(),
});

export const idParams = z.object({ id: z.uuid({ message: '户编号格式不正确' }) });

export const registerBody = z.object({
  villageId: z.string().trim().min(1).max(32),
  groupId: z.string().trim().min(1).max(32).optional(),
  address: z.string().trim().min(1, '请填写住址').max(200),
  headName: z.string().trim().min(1, '请填写户主姓名').max(50),
  category: z.enum(HOUSEHOLD_CATEGORIES),
  channel: z.enum(DISCOVERY_CHANNELS).default('application'),
});

export const registerAnswer = z.object({ id: z.string(), workflowId: z.string() });

export const householdFile = z.object({
  household: householdView,
  events: z.array(
    z.object({
      kind: z.string(),
      kindName: z.string(),
      occurredAt: z.string(),
      recordedAt: z.string(),
      actor: z.object({ id: z.string(), name: z.string().nullable(), role: z.string().nullable() }).nullable(),
      details: z.unknown(),
    }),
  ),
});

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  const householdInScope = (id: string, user: LoggedInUser) => inScope(app, id, user);
  const viewOf = async (h: Household) => toView(h, await usersRepo(app.db).displayNames([h.responsible_user_id]));

  app.post(
    '/households',
    {
      schema: {
        summary: 'Register a household and start its workflow',
        tags: ['households'],
        body: registerBody,
        response: { 202: registerAnswer },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      if (!REGISTER_ROLES.includes(user.role)) {
        throw new HttpError(403, messages.forbiddenRole('建档登记', ROLE_NAMES[user.role]), 'FORBIDDEN');
      }
      const body = request.body;
      const lineage = await jurisdictionsRepo(app.db).lineage(body.groupId ?? body.villageId);
      const byLevel = new Map(lineage.map((j) => [j.level, j.id]));
      const [countyId, townId, villageId] = [byLevel.get('county'), byLevel.get('town'), byLevel.get('village')];
      if (lineage.length === 0) throw new HttpError(400, messages.jurisdictionNotFound(body.groupId ?? body.villageId), 'INVALID_INPUT');
      if (!countyId || !townId || villageId !== body.villageId) throw new HttpError(400, messages.placeMismatch, 'INVALID_INPUT');
      const place = { countyId, townId, villageId, groupId: body.groupId ?? null };
      if (!covers(user, place)) throw new HttpError(403, messages.outsideJurisdiction, 'FORBIDDEN');

      const household = await app.db.transaction().execute(async (trx) => {
        const row = await householdsRepo(trx).insert({
          county_id: countyId,
          town_id: townId,
          village_id: villageId,
          group_id: place.groupId,
          address: body.address,
          head_name: body.headName,
          category: body.category,
        });
        const input: HouseholdWorkflowInput = {
          version: 1,
          householdId: row.id,
          place,
          channel: body.channel,
          openedBy: actorOf(user),
        };
        // Started inside the transaction: if the start fails nothing is written.
        await app.temporal.workflow.start('householdWorkflow', {
          taskQueue: app.taskQueue,
          workflowId: householdWorkflowId(row.id),
          args: [input],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
        return row;
      });
      request.log.info({ householdId: household.id }, 'household registered');
      return reply
        .status(202)
        .header('location', `/households/${household.id}`)
        .send({ id: household.id, workflowId: householdWorkflowId(household.id) });
    },
  );

  app.get(
    '/households',
    {
      schema: {
        summary: 'Search households in your jurisdiction by town, village, category, stage, a member’s name or ID number',
        tags: ['households'],
        querystring: z.object({
          townId: z.string().max(32).optional(),
          villageId: z.string().max(32).optional(),
          category: z.enum(HOUSEHOLD_CATEGORIES).optional(),
          stage: z.enum(HOUSEHOLD_STAGES).optional(),
          name: z.string().trim().min(1).max(50).optional(),
          idNumber: z
            .string()
            .trim()
            .transform((v) => v.toUpperCase())
            .pipe(z.string().regex(/^[0-9]{17}[0-9X]$/, '身份证号码应为18位，前17位为数字，最后一位为数字或字母X'))
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(householdView) }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const page = await householdsRepo(app.db).search({ ...request.query, withinJurisdiction: user.jurisdictionId });
      const names = await usersRepo(app.db).displayNames(page.items.map((h) => h.responsible_user_id));
      return { total: page.total, items: page.items.map((h) => toView(h, names)) };
    },
  );

  app.get(
    '/households/:id',
    { schema: { summary: 'One household', tags: ['households'], params: idParams, response: { 200: householdView } } },
    async (request) => viewOf(await householdInScope(request.params.id, currentUser(request))),
  );

  app.put(
    '/households/:id/responsible',
    {
      schema: {
        summary: 'Pair the household with its 帮扶责任人 (a village or town cadre of its place), or with no one; its open monthly items move to that person',
        tags: ['households'],
        params: idParams,
        body: z.object({ userId: z.uuid({ message: '责任人编号格式不正确' }).nullable() }),
        response: { 200: householdView },
      },
    },
    async (request) => {
      const user = currentUser(request);
      if (!RESPONSIBLE_ASSIGNERS.includes(user.role)) throw new HttpError(403, messages.forbiddenRole('调整帮扶责任人', ROLE_NAMES[user.role] ?? user.role), 'FORBIDDEN');
      const household = await householdInScope(request.params.id, user);
      const { userId } = request.body;
      if (userId !== null) {
        const person = await app.db.selectFrom('users').select(['role', 'jurisdiction_id as jurisdictionId', 'active']).where('id', '=', userId).executeTakeFirst();
        const refusal = responsibleRefusal(person, placeOf(household));
        if (refusal) throw new HttpError(400, RESPONSIBLE_REFUSALS[refusal], 'INVALID_INPUT');
      }
      await householdsRepo(app.db).assignResponsible({
        householdId: household.id,
        userId,
        byUserId: user.userId,
        at: new Date(),
        eventKey: `${household.id}:responsible:${randomUUID()}`,
      });
      return viewOf(await householdInScope(household.id, user));
    },
  );

  app.get(
    '/households/:id/file',
    {
      schema: {
        summary: 'The household file 一户一档: the ordered history of who did what, when and why',
        tags: ['households'],
        params: idParams,
        response: {
          200: householdFile,
        },
      },
    },
    async (request) => {
      const household = await householdInScope(request.params.id, currentUser(request));
      const events = await householdEventsRepo(app.db).listForHousehold(household.id);
      return {
        household: await viewOf(household),
        events: events.map((e) => ({
          kind: e.kind,
          kindName: eventKindNames[e.kind] ?? e.kind,
          occurredAt: e.occurred_at.toISOString(),
          recordedAt: e.recorded_at.toISOString(),
          actor: e.actor_user_id ? { id: e.actor_user_id, name: e.actor_name, role: e.actor_role } : null,
          details: e.payload,
        })),
      };
    },
  );
};
