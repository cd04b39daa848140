import { createHmac } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { FAILURES } from '../domain/failures.js';
import { webhookDeliveryMessages } from '../domain/notifications/messages.js';
import type { Database } from '../db/database.js';
import { notificationChannelsRepo } from '../db/repositories/notification-channels.js';
import { notificationDeliveriesRepo } from '../db/repositories/notification-deliveries.js';
import { notificationsRepo } from '../db/repositories/notifications.js';

/** Both retryable: a department's endpoint may come back, or be fixed, at any time. */

const TIMEOUT_MS = 10_000;
/** Longer than one attempt can take to post, so that the claim of an attempt that died lapses before the next retry. */
const CLAIM_MS = TIMEOUT_MS + 5_000;
/** The longest Retry-After honoured, the retry policy's maximum interval. */
const MAX_RETRY_AFTER_S = 30 * 60;

export interface NotifyDepartmentInput {
  /** Deterministic, from the workflow: the same event always has the same key. */
  readonly key: string;
  readonly countyId: string;
  readonly departmentId: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly householdId?: string | null;
  readonly dueItemKey?: string | null;
  readonly at: number;
}

export interface NotifyDepartmentResult {
  readonly notificationId: string;
  /** Whether a webhook delivery is pending for it: then call deliverWebhook. */
  readonly webhook: boolean;
}

/**
 * delivered: posted now; already_delivered: posted before, nothing sent;
 * abandoned: the department no longer has a webhook, nothing sent;
 * not_requested: the department had no webhook when notified.
 */
export type WebhookOutcome = 'delivered' | 'already_delivered' | 'abandoned' | 'not_requested';

/** What the department's endpoint receives, as JSON. */
export interface WebhookPayload {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly householdId: string | null;
  readonly createdAt: string;
}

interface PostFailure {
  readonly message: string;
  readonly retryAfterSeconds?: number;
}

export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

function retryAfterSeconds(response: Response): number | undefined {
  if (response.status !== 429 && response.status !== 503) return undefined;
  const value = response.headers.get('retry-after')?.trim();
  if (!value || !/^\d{1,9}$/.test(value)) return undefined;
  return Math.min(Math.max(Number(value), 1), MAX_RETRY_AFTER_S);
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'Error';
}

export function createNotificationActivities(deps: { db: Kysely<Database>; fetch?: typeof fetch }) {
  const { db } = deps;
  const send = deps.fetch ?? fetch;

  /** One POST; undefined when the endpoint answered 2xx. Never follows a redirect: the configured URL must be the final one. */
  async function postOnce(url: string, headers: Record<string, string>, body: string): Promise<PostFailure | undefined> {
    let response: Response;
    try {
      response = await send(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        return { message: webhookDeliveryMessages.timedOut(TIMEOUT_MS / 1000) };
      }
      return { message: webhookDeliveryMessages.unreachable(reasonOf(error)) };
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return undefined;
    if (response.status >= 300 && response.status < 400) return { message: webhookDeliveryMessages.redirected(response.status) };
    return { message: webhookDeliveryMessages.httpStatus(response.status), retryAfterSeconds: retryAfterSeconds(response) };
  }

  return {
    /**
     * Writes a department's inbox message and, when the department has an active
     * webhook, its pending delivery, in one transaction. A retry (same key)
     * answers what the first call wrote and writes nothing.
     */
    async notifyDepartment(input: NotifyDepartmentInput): Promise<NotifyDepartmentResult> {
      return db.transaction().execute(async (trx) => {
        const deliveries = notificationDeliveriesRepo(trx);
        const existing = await deliveries.findNotificationByKey(input.key);
        if (existing) return { notificationId: existing.id, webhook: existing.delivery_id !== null };
        await notificationsRepo(trx).add([
          {
            key: input.key,
            countyId: input.countyId,
            recipient: { departmentId: input.departmentId },
            kind: input.kind,
            title: input.title,
            body: input.body,
            householdId: input.householdId ?? null,
            dueItemKey: input.dueItemKey ?? null,
            createdAt: new Date(input.at),
          },
        ]);
        const written = await deliveries.findNotificationByKey(input.key);
        if (!written) throw new Error(`notification ${input.key} was not written`);
        if (written.delivery_id !== null) return { notificationId: written.id, webhook: true };
        const channel = await notificationChannelsRepo(trx).activeWebhook(input.departmentId);
        if (channel) await deliveries.requestWebhook(written.id);
        return { notificationId: written.id, webhook: channel !== undefined };
      });
    },

    /**
     * Posts a notification to its department's current webhook, once: a delivered
     * message is never posted again. Any failure (network, timeout, redirect, any
     * non-2xx status, 4xx included, since the department may fix its endpoint)
     * is recorded and thrown as a retryable failure; a Retry-After on 429 or 503
     * sets the next retry's delay. The Idempotency-Key header lets the endpoint
     * drop the one duplicate no sender can rule out: a post that succeeded just
     * before its success could be recorded.
     */
    async deliverWebhook(input: { notificationId: string }): Promise<{ outcome: WebhookOutcome; attempts: number }> {
      const deliveries = notificationDeliveriesRepo(db);
      const delivery = await deliveries.findWebhook(input.notificationId);
      if (!delivery) return { outcome: 'not_requested', attempts: 0 };
      if (delivery.status === 'delivered') return { outcome: 'already_delivered', attempts: delivery.attempts };
      if (delivery.status === 'failed') return { outcome: 'abandoned', attempts: delivery.attempts };

      const channel = delivery.recipient_department_id ? await notificationChannelsRepo(db).activeWebhook(delivery.recipient_department_id) : undefined;
      if (!channel) {
        await deliveries.abandonWebhook(input.notificationId, webhookDeliveryMessages.channelRemoved);
        return { outcome: 'abandoned', attempts: delivery.attempts };
      }

      const attempt = await deliveries.claimWebhook(input.notificationId, CLAIM_MS);
      if (attempt === undefined) {
        const now = await deliveries.findWebhook(input.notificationId);
        if (now?.status === 'delivered') return { outcome: 'already_delivered', attempts: now.attempts };
        if (now?.status === 'failed') return { outcome: 'abandoned', attempts: now.attempts };
        throw ApplicationFailure.create({ type: FAILURES.webhookBusy, message: webhookDeliveryMessages.inProgress });
      }

      const payload: WebhookPayload = {
        id: delivery.notification_id,
        kind: delivery.kind,
        title: delivery.title,
        body: delivery.body,
        householdId: delivery.household_id,
        createdAt: delivery.created_at.toISOString(),
      };
      const body = JSON.stringify(payload);
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'idempotency-key': delivery.notification_key,
      };
      if (channel.secret) headers['x-shoudi-signature'] = signWebhookBody(channel.secret, body);

      const failure = await postOnce(channel.url, headers, body);
      if (!failure) {
        await deliveries.markWebhookDelivered(input.notificationId);
        return { outcome: 'delivered', attempts: attempt };
      }
      await deliveries.recordWebhookFailure(input.notificationId, failure.message);
      throw ApplicationFailure.create({
        type: FAILURES.webhookFailed,
        message: failure.message,
        ...(failure.retryAfterSeconds !== undefined ? { nextRetryDelay: failure.retryAfterSeconds * 1000 } : {}),
      });
    },
  };
}
