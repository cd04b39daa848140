import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

/** The public routes' counters and challenges, shared by every API process through PostgreSQL. */
export function publicLimitsRepo(db: Kysely<Database>) {
  return {
    /** Counts one use of `bucket` in the window and answers the count so far (this one included). */
    async hit(bucket: string, windowStart: Date): Promise<number> {
      const row = await db
        .insertInto('public_rate_counts')
        .values({ bucket, window_start: windowStart, hits: 1 })
        .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql`public_rate_counts.hits + 1` }))
        .returning('hits')
        .executeTakeFirstOrThrow();
      return row.hits;
    },

    /** The count of `bucket` in the window without counting. */
    async count(bucket: string, windowStart: Date): Promise<number> {
      const row = await db.selectFrom('public_rate_counts').select('hits').where('bucket', '=', bucket).where('window_start', '=', windowStart).executeTakeFirst();
      return row?.hits ?? 0;
    },

    async newChallenge(answer: number, expiresAt: Date): Promise<string> {
      const row = await db.insertInto('public_challenges').values({ answer, expires_at: expiresAt }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    /** Uses a challenge up when `answer` is right and it has not expired or been used: true once. */
    async solve(id: string, answer: number, at: Date): Promise<boolean> {
      const r = await db
        .updateTable('public_challenges')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('answer', '=', answer)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return (r.numUpdatedRows ?? 0n) > 0n;
    },
  };
}
