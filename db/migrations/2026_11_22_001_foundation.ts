import { sql, type Kysely } from 'kysely';

/**
 * Jurisdictions (county → town → village → village group), departments,
 * users with a role and a jurisdiction, and login sessions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jurisdictions')
    // Administrative division code (行政区划代码), 6 digits for counties, 9 for towns, 12 for villages.
    .addColumn('id', 'text', (c) => c.primaryKey().check(sql`id ~ '^[0-9A-Za-z-]{2,32}$'`))
    .addColumn('parent_id', 'text', (c) => c.references('jurisdictions.id'))
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('province', 'city', 'county', 'town', 'village', 'group')`),
    )
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('jurisdictions_parent_required', sql`parent_id is not null or level in ('province', 'city', 'county')`)
    .execute();
  // Children of a town or village, for the jurisdiction tree and scope checks.
  await db.schema.createIndex('jurisdictions_parent_idx').on('jurisdictions').column('parent_id').execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('code', 'text', (c) => c.notNull().check(sql`code ~ '^[a-z][a-z0-9_]{1,31}$'`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Looking a department up by its code within a county (task routing).
    .addUniqueConstraint('departments_county_code_key', ['county_id', 'code'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('username', 'text', (c) => c.notNull().check(sql`username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'`))
    .addColumn('display_name', 'text', (c) => c.notNull().check(sql`length(trim(display_name)) > 0`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`role in ('village_cadre', 'town_officer', 'county_bureau', 'department', 'supervisor', 'leadership_group')`,
        ),
    )
    .addColumn('jurisdiction_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('department_id', 'uuid', (c) => c.references('departments.id'))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('users_department_iff_role', sql`(role = 'department') = (department_id is not null)`)
    .execute();
  // Login by username.
  await db.schema.createIndex('users_username_key').unique().on('users').column('username').execute();

  await db.schema
    .createTable('sessions')
    // SHA-256 of the bearer token; the token itself is never stored.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  // Revoking every session of a user.
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('users').execute();
  await db.schema.dropTable('departments').execute();
  await db.schema.dropTable('jurisdictions').execute();
}
