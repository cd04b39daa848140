import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

/** Which household a user's idempotency key registered (2026_12_02_041). Use inside the registration's transaction. */
export function householdRegistrationsRepo(db: Kysely<Database>) {
  return {
    /** Until the transaction ends, the same user's same key waits here: a resend arriving while the first is still saving finds its household. */
    async lock(userId: string, key: string): Promise<void> {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`registration:${userId}:${key}`}, 0))`.execute(db);
    },

    async householdOf(userId: string, key: string): Promise<string | undefined> {
      const row = await db.selectFrom('household_registrations').select('household_id').where('user_id', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();
      return row?.household_id;
    },

    async record(userId: string, key: string, householdId: string): Promise<void> {
      await db.insertInto('household_registrations').values({ user_id: userId, idempotency_key: key, household_id: householdId }).execute();
    },
  };
}
