import type { Kysely } from 'kysely';
import type { Database, Role } from '../database.js';

export interface NewNotification {
  readonly key: string;
  readonly countyId: string;
  readonly recipient: { readonly jurisdictionId: string; readonly role: Role } | { readonly departmentId: string };
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly householdId?: string | null;
  readonly dueItemKey?: string | null;
  readonly createdAt: Date;
}

export function notificationsRepo(db: Kysely<Database>) {
  return {
    /** Writes the messages not written yet (by key). */
    async add(messages: readonly NewNotification[]): Promise<void> {
      if (messages.length === 0) return;
      await db
        .insertInto('notifications')
        .values(
          messages.map((n) => ({
            notification_key: n.key,
            county_id: n.countyId,
            recipient_jurisdiction_id: 'jurisdictionId' in n.recipient ? n.recipient.jurisdictionId : null,
            recipient_role: 'role' in n.recipient ? n.recipient.role : null,
            recipient_department_id: 'departmentId' in n.recipient ? n.recipient.departmentId : null,
            kind: n.kind,
            title: n.title,
            body: n.body,
            household_id: n.householdId ?? null,
            due_item_key: n.dueItemKey ?? null,
            created_at: n.createdAt,
          })),
        )
        .onConflict((oc) => oc.column('notification_key').doNothing())
        .execute();
    },

    /** A user's inbox: messages to their jurisdiction and role, or to their department; newest first. */
    listFor(user: { jurisdictionId: string; role: Role; departmentId: string | null }, page: { limit: number; offset: number }) {
      return db
        .selectFrom('notifications')
        .selectAll()
        .where((eb) =>
          user.departmentId
            ? eb('recipient_department_id', '=', user.departmentId)
            : eb.and([eb('recipient_jurisdiction_id', '=', user.jurisdictionId), eb('recipient_role', '=', user.role)]),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
    },
  };
}
