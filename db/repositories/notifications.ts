import type { Kysely } from 'kysely';
import type { Database, Role } from '../database.js';

export interface NewNotification {
  readonly key: string;
  readonly countyId: string;
  readonly recipient: { readonly jurisdictionId: string; readonly role: Role } | { readonly departmentId: string; readonly role?: 'department_head' };
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly householdId?: string | null;
  readonly dueItemKey?: string | null;
  readonly createdAt: Date;
}

/** Rows per insert: 11 parameters each, well under PostgreSQL's 65,535. */
const ADD_CHUNK = 2000;

export function notificationsRepo(db: Kysely<Database>) {
  return {
    /**
     * Writes the messages not written yet (by key). In statements of at most
     * ADD_CHUNK rows: PostgreSQL takes at most 65,535 parameters in one.
     */
    async add(messages: readonly NewNotification[]): Promise<void> {
      for (let i = 0; i < messages.length; i += ADD_CHUNK) {
        await db
          .insertInto('notifications')
          .values(
            messages.slice(i, i + ADD_CHUNK).map((n) => ({
              notification_key: n.key,
              county_id: n.countyId,
              recipient_jurisdiction_id: 'jurisdictionId' in n.recipient ? n.recipient.jurisdictionId : null,
              recipient_role: 'role' in n.recipient ? (n.recipient.role ?? null) : null,
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
      }
    },

    /** A user's inbox, newest first, each with when this user read it (null: unread); only the unread ones if asked. */
    async listFor(user: Reader, page: { limit: number; offset: number; unread?: boolean }) {
      const items = await inbox(db, user)
        .selectAll('notifications')
        .select('notification_reads.read_at')
        .$if(page.unread === true, (q) => q.where('notification_reads.read_at', 'is', null))
        .orderBy('notifications.created_at', 'desc')
        .orderBy('notifications.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const counts = await inbox(db, user)
        .select((eb) => [eb.fn.countAll<string>().as('total'), eb.fn.count<string>('notifications.id').filterWhere('notification_reads.read_at', 'is', null).as('unread')])
        .executeTakeFirstOrThrow();
      return { total: Number(counts.total), unread: Number(counts.unread), items };
    },

    /** Marks one message of the user's inbox read (once: a second time changes nothing); false when it is not in their inbox. */
    async markRead(user: Reader, notificationId: string, at: Date): Promise<boolean> {
      const mine = await inbox(db, user).select('notifications.id').where('notifications.id', '=', notificationId).executeTakeFirst();
      if (!mine) return false;
      await db
        .insertInto('notification_reads')
        .values({ notification_id: notificationId, user_id: user.id, read_at: at })
        .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
        .execute();
      return true;
    },

    /** Marks every unread message of the user's inbox read; answers how many. */
    async markAllRead(user: Reader, at: Date): Promise<number> {
      const result = await db
        .insertInto('notification_reads')
        .columns(['notification_id', 'user_id', 'read_at'])
        .expression(
          inbox(db, user)
            .where('notification_reads.read_at', 'is', null)
            .select((eb) => ['notifications.id', eb.val(user.id).as('user_id'), eb.val(at).as('read_at')]),
        )
        .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },
  };
}

/** Who reads an inbox: messages go to their jurisdiction and role, or to their department. */
export interface Reader {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly role: Role;
  readonly departmentId: string | null;
}

/** The user's inbox joined with their own reads. */
function inbox(db: Kysely<Database>, user: Reader) {
  return db
    .selectFrom('notifications')
    .leftJoin('notification_reads', (join) => join.onRef('notification_reads.notification_id', '=', 'notifications.id').on('notification_reads.user_id', '=', user.id))
    .where((eb) =>
      user.departmentId
        ? eb.and([
            eb('notifications.recipient_department_id', '=', user.departmentId),
            // A department's messages reach all its staff; those for its head (role department_head), the head alone.
            user.role === 'department_head'
              ? eb.or([eb('notifications.recipient_role', 'is', null), eb('notifications.recipient_role', '=', 'department_head')])
              : eb('notifications.recipient_role', 'is', null),
          ])
        : eb.and([eb('notifications.recipient_jurisdiction_id', '=', user.jurisdictionId), eb('notifications.recipient_role', '=', user.role)]),
    );
}
