import { sql, type Kysely } from 'kysely';

/**
 * A registration resent with its Idempotency-Key registers one household
 * (found by the fault injection, issue 18: the API died after the commit, the
 * console resent the registration, and the county had the household twice).
 *
 * - household_registrations: which household a user's key registered, written
 *   in the registration's transaction. Append-only: INSERT and SELECT.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('household_registrations')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Serves: the registration a user's key already made (householdRegistrationsRepo.householdOf).
    .addPrimaryKeyConstraint('household_registrations_pkey', ['user_id', 'idempotency_key'])
    .execute();
  // Default privileges gave SELECT, INSERT, UPDATE: a key's household never changes.
  await sql`revoke update, delete, truncate on household_registrations from shoudi_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('household_registrations').execute();
}
