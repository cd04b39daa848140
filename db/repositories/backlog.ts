import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

/** What is waiting, for the operators' metrics (api/metrics.ts): counts only, nothing personal. */
export function backlogRepo(db: Kysely<Database>) {
  return {
    /** Webhook deliveries not yet delivered nor given up (the notification outbox). */
    async pendingDeliveries(): Promise<number> {
      const row = await db.selectFrom('notification_deliveries').select(sql<string>`count(*)`.as('n')).where('status', '=', 'pending').executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Open items of the deadline register, and of them those past their deadline at `now`. */
    async openDueItems(now: Date): Promise<{ open: number; overdue: number }> {
      const row = await db
        .selectFrom('due_items')
        .select([sql<string>`count(*)`.as('open'), sql<string>`count(*) filter (where due_at < ${now})`.as('overdue')])
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      return { open: Number(row.open), overdue: Number(row.overdue) };
    },
  };
}
