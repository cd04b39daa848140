import { sql, type Kysely } from 'kysely';

/**
 * Household members. A person (national ID number) sits in one household at a
 * time; a member who leaves keeps the row with left_at set, never deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('household_members')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('id_number', 'text', (c) => c.notNull().check(sql`id_number ~ '^[0-9]{17}[0-9X]$'`))
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('male', 'female')`))
    .addColumn('relation', 'text', (c) =>
      c.notNull().check(sql`relation in ('head', 'spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'child_in_law', 'other')`),
    )
    .addColumn('labour_ability', 'text', (c) => c.notNull().check(sql`labour_ability in ('capable', 'weak', 'partial', 'none')`))
    .addColumn('is_student', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('is_active_military', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('disability_grade', 'text', (c) => c.check(sql`disability_grade in ('1', '2', '3', '4')`))
    .addColumn('chronic_illness', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('left_at', 'timestamptz')
    .execute();
  // One person, one household at a time; also serves the search by ID number.
  await sql`create unique index household_members_current_id_number_key on household_members (id_number) where left_at is null`.execute(db);
  // The members of a household.
  await db.schema.createIndex('household_members_household_idx').on('household_members').column('household_id').execute();
  // Search by name.
  await db.schema.createIndex('household_members_name_idx').on('household_members').column('name').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('household_members').execute();
}
