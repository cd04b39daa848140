import { sql, type Kysely } from 'kysely';

/**
 * Immediate screenings 及早介入排查 ordered by the county after a disaster or an
 * epidemic [002]: every household of the area gets a visit due within the
 * given days, as items of the deadline register (kind `screening_visit`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('screening_campaigns')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    // The area: the whole county, a town or a village.
    .addColumn('area_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`length(trim(reason)) > 0`))
    .addColumn('ordered_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('ordered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('household_count', 'integer')
    .addCheckConstraint('screening_campaigns_due_after_order', sql`due_at > ordered_at`)
    .execute();
  // The county's campaigns, newest first.
  await db.schema.createIndex('screening_campaigns_county_idx').on('screening_campaigns').columns(['county_id', 'ordered_at']).execute();
  await db.schema.alterTable('due_items').addColumn('campaign_id', 'uuid', (c) => c.references('screening_campaigns.id')).execute();
  // A campaign's items: its progress and its overdue sweep.
  await sql`create index due_items_campaign_idx on due_items (campaign_id, status) where campaign_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('due_items').dropColumn('campaign_id').execute();
  await db.schema.dropTable('screening_campaigns').execute();
}
