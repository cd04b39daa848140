import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

/**
 * The outbox of department notifications: one row per notification and channel,
 * pending until a delivery succeeds. Times are the database's clock, so that
 * attempts on different workers compare claims consistently.
 */
export function notificationDeliveriesRepo(db: Kysely<Database>) {
  const webhookOf = (notificationId: string) =>
    db.updateTable('notification_deliveries').where('notification_id', '=', notificationId).where('channel', '=', 'webhook');

  return {
    /** A notification by its key, with whether a webhook delivery was requested for it. */
    findNotificationByKey(key: string) {
      return db
        .selectFrom('notifications as n')
        .leftJoin('notification_deliveries as d', (join) => join.onRef('d.notification_id', '=', 'n.id').on('d.channel', '=', 'webhook'))
        .select(['n.id', 'd.id as delivery_id'])
        .where('n.notification_key', '=', key)
        .executeTakeFirst();
    },

    /** Requests a webhook delivery of the notification, once. */
    async requestWebhook(notificationId: string): Promise<void> {
      await db
        .insertInto('notification_deliveries')
        .values({ notification_id: notificationId, channel: 'webhook' })
        .onConflict((oc) => oc.columns(['notification_id', 'channel']).doNothing())
        .execute();
    },

    /** The webhook delivery of a notification, with what the department's recipient is sent. */
    findWebhook(notificationId: string) {
      return db
        .selectFrom('notification_deliveries as d')
        .innerJoin('notifications as n', 'n.id', 'd.notification_id')
        .select([
          'd.status',
          'd.attempts',
          'd.last_error',
          'd.last_attempt_at',
          'd.delivered_at',
          'n.id as notification_id',
          'n.notification_key',
          'n.recipient_department_id',
          'n.kind',
          'n.title',
          'n.body',
          'n.household_id',
          'n.created_at',
        ])
        .where('d.notification_id', '=', notificationId)
        .where('d.channel', '=', 'webhook')
        .executeTakeFirst();
    },

    /**
     * Starts an attempt: counts it and holds the delivery for `leaseMs`, unless it
     * is no longer pending or another attempt holds it. Returns the attempt's
     * number, or undefined when this attempt must not post.
     */
    async claimWebhook(notificationId: string, leaseMs: number): Promise<number | undefined> {
      const row = await webhookOf(notificationId)
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_attempt_at: sql<Date>`now()`,
          claimed_until: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})`,
        }))
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', sql<Date>`now()`)]))
        .returning('attempts')
        .executeTakeFirst();
      return row?.attempts;
    },

    async markWebhookDelivered(notificationId: string): Promise<void> {
      await webhookOf(notificationId).set({ status: 'delivered', delivered_at: sql<Date>`now()`, claimed_until: null }).where('status', '=', 'pending').execute();
    },

    async recordWebhookFailure(notificationId: string, error: string): Promise<void> {
      await webhookOf(notificationId).set({ last_error: error, claimed_until: null }).where('status', '=', 'pending').execute();
    },

    /** Gives the delivery up (the department no longer has a webhook); the inbox row stays. */
    async abandonWebhook(notificationId: string, reason: string): Promise<void> {
      await webhookOf(notificationId).set({ status: 'failed', last_error: reason, claimed_until: null }).where('status', '=', 'pending').execute();
    },
  };
}
