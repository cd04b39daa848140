import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export function usersRepo(db: Kysely<Database>) {
  return {
    findByUsername(username: string) {
      return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    },

    findById(id: string) {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** What decides whether a user may be a household's 帮扶责任人: role, place, whether the account is active. */
    findCandidate(id: string) {
      return db.selectFrom('users').select((eb) => ['role', eb.fn.coalesce('jurisdiction_id', eb.val('')).as('jurisdictionId'), 'active']).where('id', '=', id).executeTakeFirst();
    },

    /** The display names of the given users (nulls skipped), e.g. for lists that show a household's 帮扶责任人. */
    async displayNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
      const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
      if (wanted.length === 0) return new Map();
      const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
      return new Map(rows.map((r) => [r.id, r.display_name]));
    },
  };
}

export function sessionsRepo(db: Kysely<Database>) {
  return {
    async create(session: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
      await db
        .insertInto('sessions')
        .values({ token_hash: session.tokenHash, user_id: session.userId, expires_at: session.expiresAt })
        .execute();
    },

    /** The active user behind a session, or undefined when unknown, expired or revoked. */
    findActiveUser(tokenHash: string, now: Date) {
      return db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.jurisdiction_id', 'u.department_id', 'u.must_change_password', 's.expires_at'])
        .where('s.token_hash', '=', tokenHash)
        .where('s.revoked_at', 'is', null)
        .where('s.expires_at', '>', now)
        .where('u.active', '=', true)
        .executeTakeFirst();
    },

    async revoke(tokenHash: string, now: Date): Promise<void> {
      await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).execute();
    },

    /** Ends every session of the user still open (logout on all devices); answers how many. */
    async revokeAll(userId: string, now: Date): Promise<number> {
      const r = await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).where('expires_at', '>', now).executeTakeFirst();
      return Number(r.numUpdatedRows ?? 0n);
    },
  };
}
