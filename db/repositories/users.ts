import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export function usersRepo(db: Kysely<Database>) {
  return {
    findByUsername(username: string) {
      return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
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
        .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.jurisdiction_id', 'u.department_id', 's.expires_at'])
        .where('s.token_hash', '=', tokenHash)
        .where('s.revoked_at', 'is', null)
        .where('s.expires_at', '>', now)
        .where('u.active', '=', true)
        .executeTakeFirst();
    },

    async revoke(tokenHash: string, now: Date): Promise<void> {
      await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).execute();
    },
  };
}
