import { sql, type Kysely } from 'kysely';

/**
 * Delivery of department notifications beyond the in-app inbox: a department's
 * webhook, and an outbox row per notification and channel recording each
 * attempt until the message is delivered.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('department_channels')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('department_id', 'uuid', (c) => c.notNull().references('departments.id'))
    .addColumn('url', 'text', (c) => c.notNull().check(sql`url ~* '^https?://[^/?#[:space:]]+([/?#][^[:space:]]*)?$' and length(url) <= 2048`))
    .addColumn('secret', 'text', (c) => c.check(sql`secret is null or length(secret) between 16 and 256`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // A department's active webhook (when a notification is written and when it is delivered); at most one.
  await sql`create unique index department_channels_one_active_idx on department_channels (department_id) where active`.execute(db);

  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('notification_id', 'bigint', (c) => c.notNull().references('notifications.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('webhook')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'delivered', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attempts >= 0`))
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    // While an attempt is under way: a concurrent attempt waits until then.
    .addColumn('claimed_until', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('notification_deliveries_delivered_at', sql`(status = 'delivered') = (delivered_at is not null)`)
    // A notification's delivery on a channel, by notification id (the delivery activity, the idempotent write).
    .addUniqueConstraint('notification_deliveries_notification_channel_key', ['notification_id', 'channel'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_deliveries').execute();
  await db.schema.dropTable('department_channels').execute();
}
