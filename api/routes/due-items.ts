import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dueItemKindNames } from '../../domain/messages/catalogue.js';
import { dueItemsRepo } from '../../db/repositories/due-items.js';
import { notificationsRepo } from '../../db/repositories/notifications.js';
import { currentUser } from '../plugins/auth.js';
import { DAY_MS } from '../../domain/calendar/dates.js';

const jurisdictionId = z.string().trim().min(1).max(32);

export const dueItemPage = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      key: z.string(),
      kind: z.string(),
      kindName: z.string(),
      period: z.string().nullable(),
      dueAt: z.string(),
      status: z.string(),
      overdue: z.boolean(),
      overdueDays: z.number(),
      doneAt: z.string().nullable(),
      household: z.object({ id: z.string(), headName: z.string().nullable() }).nullable(),
      town: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
      village: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
      department: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
      responsible: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
    }),
  ),
});

/** The deadline register as people read it: open deadlines and overdue items, and the in-app inbox. */
export const dueItemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/due-items',
    {
      schema: {
        summary: 'Open deadlines and overdue items in your jurisdiction (a department sees its own), soonest deadline first',
        tags: ['deadlines'],
        querystring: z.object({
          state: z.enum(['open', 'overdue', 'done']).default('open'),
          kind: z.string().trim().min(1).max(64).optional(),
          townId: jurisdictionId.optional(),
          villageId: jurisdictionId.optional(),
          householdId: z.uuid({ message: '户编号格式不正确' }).optional(),
          responsibleUserId: z.uuid({ message: '责任人编号格式不正确' }).optional(),
          minOverdueDays: z.coerce.number().int().min(0).max(3650).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: dueItemPage,
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const now = new Date();
      const q = request.query;
      const page = await dueItemsRepo(app.db).list({
        ...(user.role === 'department' && user.departmentId ? { departmentId: user.departmentId } : { withinJurisdiction: user.jurisdictionId }),
        state: q.state,
        ...(q.kind ? { kind: q.kind } : {}),
        ...(q.townId ? { townId: q.townId } : {}),
        ...(q.villageId ? { villageId: q.villageId } : {}),
        ...(q.householdId ? { householdId: q.householdId } : {}),
        ...(q.responsibleUserId ? { responsibleUserId: q.responsibleUserId } : {}),
        ...(q.minOverdueDays === undefined ? {} : { minOverdueDays: q.minOverdueDays }),
        now,
        limit: q.limit,
        offset: q.offset,
      });
      return {
        total: page.total,
        items: page.items.map((i) => {
          const overdue = i.status === 'open' && (i.overdue_at !== null || i.due_at.getTime() < now.getTime());
          return {
            key: i.item_key,
            kind: i.kind,
            kindName: dueItemKindNames[i.kind] ?? i.kind,
            period: i.period,
            dueAt: i.due_at.toISOString(),
            status: i.status,
            overdue,
            overdueDays: overdue ? Math.max(0, Math.floor((now.getTime() - i.due_at.getTime()) / DAY_MS)) : 0,
            doneAt: i.done_at?.toISOString() ?? null,
            household: i.household_id ? { id: i.household_id, headName: i.head_name } : null,
            town: i.town_id ? { id: i.town_id, name: i.town_name } : null,
            village: i.village_id ? { id: i.village_id, name: i.village_name } : null,
            department: i.department_id ? { id: i.department_id, name: i.department_name } : null,
            responsible: i.responsible_user_id ? { id: i.responsible_user_id, name: i.responsible_name } : null,
          };
        }),
      };
    },
  );

  app.get(
    '/notifications',
    {
      schema: {
        summary: 'Your in-app inbox, newest first',
        tags: ['deadlines'],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
        response: {
          200: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), householdId: z.string().nullable(), createdAt: z.string(), read: z.boolean() })),
        },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const rows = await notificationsRepo(app.db).listFor({ jurisdictionId: user.jurisdictionId, role: user.role, departmentId: user.departmentId ?? null }, request.query);
      return rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, householdId: n.household_id, createdAt: n.created_at.toISOString(), read: n.read_at !== null }));
    },
  );
};
