import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

/** Failed logins per account and per address, shared by every API process through PostgreSQL. */
export function loginThrottlesRepo(db: Kysely<Database>) {
  return {
    /** The latest lock among the buckets still in force at `now`, if any. */
    async lockedUntil(buckets: readonly string[], now: Date): Promise<{ bucket: string; until: Date } | undefined> {
      const row = await db
        .selectFrom('login_throttles')
        .select(['bucket', 'locked_until'])
        .where('bucket', 'in', buckets)
        .where('locked_until', '>', now)
        .orderBy('locked_until', 'desc')
        .executeTakeFirst();
      return row?.locked_until ? { bucket: row.bucket, until: row.locked_until } : undefined;
    },

    /**
     * Counts one failure of `bucket` (a new window when the last began `windowMs` ago or earlier)
     * in one statement, so that parallel failures count each; at `maxFailures` the bucket locks
     * until `now + lockMs`. Answers the lock's end when locked.
     */
    async fail(bucket: string, now: Date, rule: { maxFailures: number; windowMs: number; lockMs: number }): Promise<Date | null> {
      const windowOpen = new Date(now.getTime() - rule.windowMs);
      const lockEnd = new Date(now.getTime() + rule.lockMs);
      const stale = sql<boolean>`login_throttles.window_start <= ${windowOpen}`;
      const next = sql<number>`case when ${stale} then 1 else login_throttles.failures + 1 end`;
      const row = await db
        .insertInto('login_throttles')
        .values({ bucket, failures: 1, window_start: now, locked_until: rule.maxFailures <= 1 ? lockEnd : null })
        .onConflict((oc) =>
          oc.column('bucket').doUpdateSet({
            failures: next,
            window_start: sql`case when ${stale} then ${now}::timestamptz else login_throttles.window_start end`,
            locked_until: sql`case when ${next} >= ${rule.maxFailures} then ${lockEnd}::timestamptz else login_throttles.locked_until end`,
          }),
        )
        .returning('locked_until')
        .executeTakeFirstOrThrow();
      return row.locked_until && row.locked_until > now ? row.locked_until : null;
    },

    async clear(bucket: string): Promise<void> {
      await db.deleteFrom('login_throttles').where('bucket', '=', bucket).execute();
    },
  };
}
