import { sql, type Kysely } from 'kysely';

/**
 * Households and their file 一户一档: an append-only event log. Nothing in
 * household_events is ever updated or deleted (enforced by a trigger).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('households')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('town_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('village_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('group_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('address', 'text', (c) => c.notNull().check(sql`length(trim(address)) > 0`))
    .addColumn('head_name', 'text', (c) => c.notNull().check(sql`length(trim(head_name)) > 0`))
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('lifted_out', 'unstable', 'marginal', 'sudden_hardship')`),
    )
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('registered'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Household lists of a village, filtered by category and stage.
  await db.schema
    .createIndex('households_village_idx')
    .on('households')
    .columns(['village_id', 'category', 'stage'])
    .execute();
  // Household lists of a town.
  await db.schema.createIndex('households_town_idx').on('households').columns(['town_id', 'stage']).execute();

  await db.schema
    .createTable('household_events')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    // Deterministic key from the workflow (run-independent): a retried activity writes once.
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind ~ '^[a-z][a-z0-9_.]{1,63}$'`))
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('household_events_event_key_key', ['event_key'])
    .execute();
  // The household file, in order.
  await db.schema
    .createIndex('household_events_household_idx')
    .on('household_events')
    .columns(['household_id', 'occurred_at', 'id'])
    .execute();

  await sql`
    create function household_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'household_events is append-only: the household file is never changed or deleted';
    end $$`.execute(db);
  await sql`
    create trigger household_events_no_change before update or delete on household_events
    for each row execute function household_events_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger household_events_no_change on household_events`.execute(db);
  await sql`drop function household_events_append_only()`.execute(db);
  await db.schema.dropTable('household_events').execute();
  await db.schema.dropTable('households').execute();
}
