import { sql, type Kysely } from 'kysely';

/**
 * County policy profiles as data with effective dates: thresholds, income
 * window, identification steps, public notice. A new version is a new row;
 * no row is changed once a decision may have used it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('policy_profiles')
    .addColumn('id', 'text', (c) => c.notNull().check(sql`id ~ '^[a-z][a-z0-9-]{1,63}$'`))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
    .addColumn('effective_from', 'text', (c) => c.notNull().check(sql`effective_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('county_name', 'text', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('policy_profiles_pkey', ['id', 'version'])
    // The version in force for a period: the latest effective_from not after it.
    .addUniqueConstraint('policy_profiles_id_effective_key', ['id', 'effective_from'])
    .execute();

  await db.schema
    .alterTable('jurisdictions')
    .addColumn('policy_profile_id', 'text')
    .execute();
  await sql`alter table jurisdictions add constraint jurisdictions_profile_on_counties check (policy_profile_id is null or level = 'county')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table jurisdictions drop constraint jurisdictions_profile_on_counties`.execute(db);
  await db.schema.alterTable('jurisdictions').dropColumn('policy_profile_id').execute();
  await db.schema.dropTable('policy_profiles').execute();
}
