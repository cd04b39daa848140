import { z } from 'zod';
import { registerItemOverdue } from '../../domain/deadlines/register-items.js';
import { dueItemKindNames } from '../../domain/messages/catalogue.js';
import type { dueItemsRepo } from '../../db/repositories/due-items.js';
import type { notificationsRepo } from '../../db/repositories/notifications.js';
import { jurisdictionId, namedOrNull, page, pageOf, queryCount, uuid } from './common.js';

export const dueItemQuery = z.object({
  state: z.enum(['open', 'overdue', 'done']).default('open'),
  kind: z.string().trim().min(1).max(64).optional(),
  townId: jurisdictionId.optional(),
  villageId: jurisdictionId.optional(),
  householdId: uuid.optional(),
  responsibleUserId: uuid.optional(),
  minOverdueDays: queryCount(0, 3650),
  maxOverdueDays: queryCount(0, 3650),
  departmentId: uuid.optional(),
  ...page,
});

const dueItem = z.object({
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
  town: namedOrNull,
  village: namedOrNull,
  department: namedOrNull,
  responsible: namedOrNull,
});
export const dueItemPage = pageOf(dueItem);

type DueItemRow = Awaited<ReturnType<ReturnType<typeof dueItemsRepo>['list']>>['items'][number];

const namedOrNone = (id: string | null, name: string | null) => (id ? { id, name } : null);

export function toDueItem(i: DueItemRow, now: Date): z.infer<typeof dueItem> {
  const { overdue, overdueDays } = registerItemOverdue({ status: i.status, dueAt: i.due_at.getTime(), overdueAt: i.overdue_at?.getTime() ?? null }, now.getTime());
  return {
    key: i.item_key,
    kind: i.kind,
    kindName: dueItemKindNames[i.kind] ?? i.kind,
    period: i.period,
    dueAt: i.due_at.toISOString(),
    status: i.status,
    overdue,
    overdueDays,
    doneAt: i.done_at?.toISOString() ?? null,
    household: i.household_id ? { id: i.household_id, headName: i.head_name } : null,
    town: namedOrNone(i.town_id, i.town_name),
    village: namedOrNone(i.village_id, i.village_name),
    department: namedOrNone(i.department_id, i.department_name),
    responsible: namedOrNone(i.responsible_user_id, i.responsible_name),
  };
}

export const notificationQuery = z.object({
  /** Only the messages the caller has not read. */
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...page,
});
export const notificationList = z.array(
  z.object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    householdId: z.string().nullable(),
    createdAt: z.string(),
    read: z.boolean(),
    readAt: z.string().nullable(),
  }),
);
/** The caller's inbox: `total` messages (of the filter), `unread` of them all not read yet. */
export const notificationPage = z.object({ total: z.number(), unread: z.number(), items: notificationList });
export const notificationParams = z.object({ id: z.string().regex(/^\d{1,18}$/) });
export const readAllAnswer = z.object({ marked: z.number(), unread: z.number() });

type NotificationRow = Awaited<ReturnType<ReturnType<typeof notificationsRepo>['listFor']>>['items'][number];

export const toNotification = (n: NotificationRow): z.infer<typeof notificationList>[number] => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  householdId: n.household_id,
  createdAt: n.created_at.toISOString(),
  read: n.read_at !== null,
  readAt: n.read_at?.toISOString() ?? null,
});
