import { WorkflowIdReusePolicy } from '@temporalio/client';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { ROLE_NAMES, type Role } from '../../domain/access/roles.js';
import { messages, screeningMessages } from '../../domain/messages/catalogue.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { screeningWorkflowId, type ScreeningCampaignInput } from '../../workflows/screening/definitions.js';
import { HttpError } from '../errors.js';
import { currentUser } from '../plugins/auth.js';
import { text } from '../schemas/common.js';
import { DAY_MS } from '../../domain/calendar/dates.js';

const ORDER_ROLES: readonly Role[] = ['county_bureau', 'leadership_group'];

/** Immediate screenings 突发情况排查 of an area after a disaster or an epidemic [002]. */
export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/screenings',
    {
      schema: {
        summary: 'Order an immediate screening: every household of the area (county, town or village) gets a visit due within the days given',
        tags: ['screenings'],
        body: z.object({
          areaId: z.string().trim().min(1).max(32),
          reason: text(500, screeningMessages.reasonRequired),
          dueDays: z.number().int().min(1, '排查期限至少1天').max(60, '排查期限不超过60天'),
        }),
        response: { 202: z.object({ id: z.string(), dueAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      if (!ORDER_ROLES.includes(user.role)) throw new HttpError(403, messages.forbiddenRole('部署突发情况排查', ROLE_NAMES[user.role]), 'FORBIDDEN');
      const lineage = await jurisdictionsRepo(app.db).lineage(request.body.areaId);
      if (lineage.length === 0) throw new HttpError(400, screeningMessages.areaNotFound, 'INVALID_INPUT');
      if (!lineage.some((j) => j.id === user.jurisdictionId)) throw new HttpError(403, screeningMessages.areaOutside, 'FORBIDDEN');
      const county = lineage.find((j) => j.level === 'county');
      if (!county || !['county', 'town', 'village'].includes(lineage[0]!.level)) throw new HttpError(400, screeningMessages.areaNotFound, 'INVALID_INPUT');

      const orderedAt = new Date();
      const dueAt = new Date(orderedAt.getTime() + request.body.dueDays * DAY_MS);
      const campaign = await app.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('screening_campaigns')
          .values({ county_id: county.id, area_id: request.body.areaId, reason: request.body.reason, ordered_by: user.userId, ordered_at: orderedAt, due_at: dueAt })
          .returning(['id'])
          .executeTakeFirstOrThrow();
        const input: ScreeningCampaignInput = { version: 1, campaignId: row.id, dueAt: dueAt.getTime() };
        // Started inside the transaction: if the start fails nothing is written.
        await app.temporal.workflow.start('screeningCampaignWorkflow', {
          taskQueue: app.taskQueue,
          workflowId: screeningWorkflowId(row.id),
          args: [input],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
        return row;
      });
      return reply.status(202).header('location', `/screenings/${campaign.id}`).send({ id: campaign.id, dueAt: dueAt.toISOString() });
    },
  );

  app.get(
    '/screenings/:id',
    {
      schema: {
        summary: 'A screening’s progress: households visited, still open, overdue',
        tags: ['screenings'],
        params: z.object({ id: z.uuid({ message: '排查编号格式不正确' }) }),
        response: {
          200: z.object({
            id: z.string(),
            areaId: z.string(),
            reason: z.string(),
            orderedAt: z.string(),
            dueAt: z.string(),
            households: z.number().nullable(),
            visited: z.number(),
            open: z.number(),
            overdue: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const campaign = await app.db.selectFrom('screening_campaigns').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!campaign) throw new HttpError(404, messages.notFound, 'NOT_FOUND');
      const lineage = await jurisdictionsRepo(app.db).lineage(campaign.area_id);
      const within = lineage.some((j) => j.id === user.jurisdictionId) || (await jurisdictionsRepo(app.db).lineage(user.jurisdictionId)).some((j) => j.id === campaign.area_id);
      if (!within) throw new HttpError(403, screeningMessages.areaOutside, 'FORBIDDEN');
      const counts = await app.db
        .selectFrom('due_items')
        .select([
          sql<string>`count(*) filter (where status = 'done')`.as('visited'),
          sql<string>`count(*) filter (where status = 'open')`.as('open'),
          sql<string>`count(*) filter (where status = 'open' and overdue_at is not null)`.as('overdue'),
        ])
        .where('campaign_id', '=', campaign.id)
        .executeTakeFirstOrThrow();
      return {
        id: campaign.id,
        areaId: campaign.area_id,
        reason: campaign.reason,
        orderedAt: campaign.ordered_at.toISOString(),
        dueAt: campaign.due_at.toISOString(),
        households: campaign.household_count,
        visited: Number(counts.visited),
        open: Number(counts.open),
        overdue: Number(counts.overdue),
      };
    },
  );
};
