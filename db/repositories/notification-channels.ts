import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface WebhookSettings {
  readonly url: string;
  /** Shared secret for the X-Shoudi-Signature header; null sends no signature. */
  readonly secret: string | null;
}

/** A department's ways to be reached besides the in-app inbox. */
export function notificationChannelsRepo(db: Kysely<Database>) {
  return {
    activeWebhook(departmentId: string) {
      return db
        .selectFrom('department_channels')
        .select(['id', 'department_id', 'url', 'secret', 'created_at'])
        .where('department_id', '=', departmentId)
        .where('active', '=', true)
        .executeTakeFirst();
    },

    /** Replaces the department's active webhook; run it in a transaction so the department is never left without one. */
    async setWebhook(departmentId: string, settings: WebhookSettings) {
      await db.updateTable('department_channels').set({ active: false }).where('department_id', '=', departmentId).where('active', '=', true).execute();
      return db
        .insertInto('department_channels')
        .values({ department_id: departmentId, url: settings.url, secret: settings.secret })
        .returning(['id', 'department_id', 'url', 'created_at'])
        .executeTakeFirstOrThrow();
    },

    /** Stops the department's webhook; returns whether there was one. */
    async deactivateWebhook(departmentId: string): Promise<boolean> {
      const result = await db.updateTable('department_channels').set({ active: false }).where('department_id', '=', departmentId).where('active', '=', true).executeTakeFirst();
      return (result.numUpdatedRows ?? 0n) > 0n;
    },
  };
}
