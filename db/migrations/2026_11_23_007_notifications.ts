import { sql, type Kysely } from 'kysely';

/**
 * The in-app inbox: one row per message and recipient (a jurisdiction's users
 * of a role, or a department). Written once per event by its deterministic
 * key, so a retried or replayed activity never notifies twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('notification_key', 'text', (c) => c.notNull().unique())
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('recipient_jurisdiction_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('recipient_role', 'text')
    .addColumn('recipient_department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind ~ '^[a-z][a-z0-9_.]{1,63}$'`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('household_id', 'uuid', (c) => c.references('households.id'))
    .addColumn('due_item_key', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addCheckConstraint('notifications_has_recipient', sql`recipient_jurisdiction_id is not null or recipient_department_id is not null`)
    .execute();
  // A jurisdiction's inbox (village cadres, town officers), newest first.
  await db.schema.createIndex('notifications_jurisdiction_idx').on('notifications').columns(['recipient_jurisdiction_id', 'created_at']).execute();
  // A department's inbox, newest first.
  await sql`create index notifications_department_idx on notifications (recipient_department_id, created_at) where recipient_department_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
}
