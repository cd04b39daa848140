import { sql, type Kysely } from 'kysely';

/**
 * Read or unread, per person: a notification goes to a jurisdiction's users of
 * a role or to a department, so one reader's "read" must not mark it read for
 * the colleagues it also went to. A row says this user read this message, and
 * when; nothing is ever unread again, so the app only inserts (and selects) —
 * UPDATE is revoked from the default privileges. The per-message read_at of
 * 2026_11_23_007, never written, gives way to it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_reads')
    .addColumn('notification_id', 'bigint', (c) => c.notNull().references('notifications.id'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('read_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_reads_pkey', ['notification_id', 'user_id'])
    .execute();
  // The inbox's read state and unread count: a user's reads, by notification (the primary key serves the other way round).
  await db.schema.createIndex('notification_reads_user_idx').on('notification_reads').columns(['user_id', 'notification_id']).execute();
  await sql`revoke update on notification_reads from shoudi_app`.execute(db);
  await db.schema.alterTable('notifications').dropColumn('read_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('read_at', 'timestamptz').execute();
  await db.schema.dropTable('notification_reads').execute();
}
