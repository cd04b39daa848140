import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationActivities, type NotifyDepartmentInput } from '../../activities/notifications.js';
import { FAILURES } from '../../domain/failures.js';
import { notificationChannelsRepo } from '../../db/repositories/notification-channels.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertHousehold } from '../helpers/fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly delayMs?: number;
}

interface Received {
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly status: number;
}

const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

/** A department's endpoint on 127.0.0.1: answers the n-th request (from 0) as told, and keeps every request. */
async function startReceiver(answer: (n: number) => Answer) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const a = answer(received.length);
      received.push({ method: req.method, path: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status: a.status });
      setTimeout(() => {
        res.writeHead(a.status, a.headers);
        res.end();
      }, a.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver = {
    url: `http://127.0.0.1:${port}/shoudi/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  receivers.push(receiver);
  return receiver;
}

async function newDepartment(): Promise<string> {
  const row = await t.db
    .insertInto('departments')
    .values({ county_id: '990101', code: `d${randomBytes(5).toString('hex')}`, name: '测试部门' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const at = Date.parse('2026-11-23T02:00:00Z');

function message(departmentId: string, extra: Partial<NotifyDepartmentInput> = {}): NotifyDepartmentInput {
  return {
    key: `measure:${randomBytes(6).toString('hex')}:assigned`,
    countyId: '990101',
    departmentId,
    kind: 'measure.assigned',
    title: '新的帮扶任务',
    body: '东岗村户主“王五”需落实医疗帮扶措施，请于 2026-12-20 前完成',
    at,
    ...extra,
  };
}

function deliveryOf(notificationId: string) {
  return t.db.selectFrom('notification_deliveries').selectAll().where('notification_id', '=', notificationId).execute();
}

const activities = () => createNotificationActivities({ db: t.db });

describe('notifying a department', () => {
  it('writes one inbox row and one pending delivery when called twice with the same key', async () => {
    const departmentId = await newDepartment();
    const receiver = await startReceiver(() => ({ status: 204 }));
    await notificationChannelsRepo(t.db).setWebhook(departmentId, { url: receiver.url, secret: null });
    const { notifyDepartment } = activities();
    const input = message(departmentId);

    const first = await notifyDepartment(input);
    const again = await notifyDepartment({ ...input, title: '重复', at: at + 60_000 });

    expect(first.webhook).toBe(true);
    expect(again).toEqual(first);
    const inbox = await t.db.selectFrom('notifications').selectAll().where('notification_key', '=', input.key).execute();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ id: first.notificationId, recipient_department_id: departmentId, recipient_jurisdiction_id: null, title: '新的帮扶任务' });
    expect(await deliveryOf(first.notificationId)).toMatchObject([{ channel: 'webhook', status: 'pending', attempts: 0 }]);
    expect(receiver.received).toHaveLength(0);
  });

  it('writes the inbox only when the department has no webhook, and a retry adds none configured since', async () => {
    const departmentId = await newDepartment();
    const { notifyDepartment, deliverWebhook } = activities();
    const input = message(departmentId);

    const result = await notifyDepartment(input);
    expect(result.webhook).toBe(false);
    expect(await deliveryOf(result.notificationId)).toEqual([]);
    expect(await deliverWebhook({ notificationId: result.notificationId })).toEqual({ outcome: 'not_requested', attempts: 0 });

    const receiver = await startReceiver(() => ({ status: 200 }));
    await notificationChannelsRepo(t.db).setWebhook(departmentId, { url: receiver.url, secret: null });
    expect(await notifyDepartment(input)).toEqual(result);
    expect(await deliveryOf(result.notificationId)).toEqual([]);
  });
});

describe('delivering to the webhook', () => {
  it('retries a webhook that fails three times and delivers the message exactly once', async () => {
    const departmentId = await newDepartment();
    const receiver = await startReceiver((n) => ({ status: n < 3 ? 500 : 200 }));
    await notificationChannelsRepo(t.db).setWebhook(departmentId, { url: receiver.url, secret: null });
    const { row } = await insertHousehold(t.db);
    const { notifyDepartment, deliverWebhook } = activities();
    const input = message(departmentId, { householdId: row.id });
    const { notificationId } = await notifyDepartment(input);

    for (let i = 1; i <= 3; i++) {
      const failure = await deliverWebhook({ notificationId }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: FAILURES.webhookFailed, nonRetryable: false, message: '对方接口返回 HTTP 500，未确认接收，稍后自动重试' });
      expect(await deliveryOf(notificationId)).toMatchObject([{ status: 'pending', attempts: i, last_error: '对方接口返回 HTTP 500，未确认接收，稍后自动重试', delivered_at: null }]);
    }
    expect(await deliverWebhook({ notificationId })).toEqual({ outcome: 'delivered', attempts: 4 });
    expect(await deliverWebhook({ notificationId })).toEqual({ outcome: 'already_delivered', attempts: 4 });

    expect(receiver.received).toHaveLength(4);
    expect(receiver.received.filter((r) => r.status >= 200 && r.status < 300)).toHaveLength(1);
    for (const request of receiver.received) {
      expect(request).toMatchObject({ method: 'POST', path: '/shoudi/hook' });
      expect(request.headers['idempotency-key']).toBe(input.key);
      expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(request.headers['x-shoudi-signature']).toBeUndefined();
      expect(JSON.parse(request.body)).toEqual({
        id: notificationId,
        kind: 'measure.assigned',
        title: '新的帮扶任务',
        body: input.body,
        householdId: row.id,
        createdAt: '2026-11-23T02:00:00.000Z',
      });
    }
    const [delivery] = await deliveryOf(notificationId);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 4, claimed_until: null });
    expect(delivery?.delivered_at).toBeInstanceOf(Date);
  });

  it('signs the body with the department secret (HMAC-SHA256)', async () => {
    const departmentId = await newDepartment();
    const secret = randomBytes(24).toString('hex');
    const receiver = await startReceiver(() => ({ status: 202 }));
    await notificationChannelsRepo(t.db).setWebhook(departmentId, { url: receiver.url, secret });
    const { notifyDepartment, deliverWebhook } = activities();
    const { notificationId } = await notifyDepartment(message(departmentId));

    expect(await deliverWebhook({ notificationId })).toEqual({ outcome: 'delivered', attempts: 1 });

    const [request] = receiver.received;
    const signature = String(request?.headers['x-shoudi-signature']);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(Buffer.from(request?.body ?? '', 'utf8')).digest('hex')}`);
    expect(timingSafeEqual(Buffer.from(signature), expected)).toBe(true);
    const wrong = Buffer.from(`sha256=${createHmac('sha256', 'another-secret-of-16+').update(request?.body ?? '').digest('hex')}`);
    expect(timingSafeEqual(Buffer.from(signature), wrong)).toBe(false);
  });

  it('keeps retrying a 4xx, and delivers once the department fixes its endpoint', async () => {
    const departmentId = await newDepartment();
    const broken = await startReceiver(() => ({ status: 404 }));
    const channels = notificationChannelsRepo(t.db);
    await channels.setWebhook(departmentId, { url: broken.url, secret: null });
    const { notifyDepartment, deliverWebhook } = activities();
    const { notificationId } = await notifyDepartment(message(departmentId));

    await expect(deliverWebhook({ notificationId })).rejects.toMatchObject({ type: FAILURES.webhookFailed, nonRetryable: false });
    const fixed = await startReceiver(() => ({ status: 200 }));
    await t.db.transaction().execute((trx) => notificationChannelsRepo(trx).setWebhook(departmentId, { url: fixed.url, secret: null }));

    expect(await deliverWebhook({ notificationId })).toEqual({ outcome: 'delivered', attempts: 2 });
    expect(broken.received).toHaveLength(1);
    expect(fixed.received).toHaveLength(1);
  });

  it('takes the delay of a Retry-After on 429 as the next retry delay', async () => {
    const departmentId = await newDepartment();
    const receiver = await startReceiver(() => ({ status: 429, headers: { 'retry-after': '120' } }));
    await notificationChannelsRepo(t.db).setWebhook(departmentId, { url: receiver.url, secret: null });
    const { notifyDepartment, deliverWebhook } = activities();
    const { notificationId } = await notifyDepartment(message(departmentId));

    await expect(deliverWebhook({ notificationId })).rejects.toMatchObject({ type: FAILURES.webhookFailed, nonRetryable: false, nextRetryDelay: 120_000 });
  });

  it('does not follow a redirect', async () => {
    const departmentId = await newDepartment();
    const target = await startReceiver(() => ({ status: 200 }));
    const receiver = await startReceiver(() => ({ status: 302, headers: { location: target.url } }));
    await notificationChannelsRepo(t.db).setWebhook(departmentId, { url: receiver.url, secret: null });
    const { notifyDepartment, deliverWebhook } = activities();
    const { notificationId } = await notifyDepartment(message(departmentId));

    await expect(deliverWebhook({ notificationId })).rejects.toMatchObject({ message: '对方接口返回重定向（HTTP 302），请将推送地址改为最终接收地址，稍后自动重试' });
    expect(receiver.received).toHaveLength(1);
    expect(target.received).toHaveLength(0);
  });

  it('records an endpoint that cannot be reached', async () => {
    const departmentId = await newDepartment();
    const gone = await startReceiver(() => ({ status: 200 }));
    await gone.close();
    await notificationChannelsRepo(t.db).setWebhook(departmentId, { url: gone.url, secret: null });
    const { notifyDepartment, deliverWebhook } = activities();
    const { notificationId } = await notifyDepartment(message(departmentId));

    await expect(deliverWebhook({ notificationId })).rejects.toMatchObject({ message: '无法连接对方接口（ECONNREFUSED），稍后自动重试', nonRetryable: false });
    expect(await deliveryOf(notificationId)).toMatchObject([{ status: 'pending', attempts: 1, claimed_until: null }]);
  });

  it('lets only one of two concurrent attempts post', async () => {
    const departmentId = await newDepartment();
    const receiver = await startReceiver(() => ({ status: 200, delayMs: 300 }));
    await notificationChannelsRepo(t.db).setWebhook(departmentId, { url: receiver.url, secret: null });
    const { notifyDepartment, deliverWebhook } = activities();
    const { notificationId } = await notifyDepartment(message(departmentId));

    const results = await Promise.allSettled([deliverWebhook({ notificationId }), deliverWebhook({ notificationId })]);

    expect(results.filter((r) => r.status === 'fulfilled')).toEqual([{ status: 'fulfilled', value: { outcome: 'delivered', attempts: 1 } }]);
    expect(results.filter((r) => r.status === 'rejected')).toMatchObject([{ reason: { type: FAILURES.webhookBusy, nonRetryable: false } }]);
    expect(await deliverWebhook({ notificationId })).toEqual({ outcome: 'already_delivered', attempts: 1 });
    expect(receiver.received).toHaveLength(1);
  });

  it('gives the delivery up when the department stopped its webhook, keeping the inbox row', async () => {
    const departmentId = await newDepartment();
    const receiver = await startReceiver(() => ({ status: 200 }));
    const channels = notificationChannelsRepo(t.db);
    await channels.setWebhook(departmentId, { url: receiver.url, secret: null });
    const { notifyDepartment, deliverWebhook } = activities();
    const { notificationId } = await notifyDepartment(message(departmentId));
    expect(await channels.deactivateWebhook(departmentId)).toBe(true);

    expect(await deliverWebhook({ notificationId })).toEqual({ outcome: 'abandoned', attempts: 0 });
    expect(await deliverWebhook({ notificationId })).toEqual({ outcome: 'abandoned', attempts: 0 });
    expect(await deliveryOf(notificationId)).toMatchObject([{ status: 'failed', last_error: '该部门的推送地址已停用，消息仅保留在站内信中' }]);
    expect(receiver.received).toHaveLength(0);
    expect(await t.db.selectFrom('notifications').select('id').where('id', '=', notificationId).execute()).toHaveLength(1);
  });
});

describe("a department's channels", () => {
  it('refuses a URL that is not http(s), a short secret, and a second active webhook', async () => {
    const departmentId = await newDepartment();
    const insert = (url: string, secret: string | null = null) => t.db.insertInto('department_channels').values({ department_id: departmentId, url, secret }).execute();

    for (const url of ['ftp://files.example.cn/hook', 'javascript:alert(1)', 'file:///etc/passwd', 'https://', 'http://host name/hook', 'example.cn/hook']) {
      await expect(insert(url), url).rejects.toThrow(/department_channels_url_check/);
    }
    await expect(insert('https://hook.example.cn/shoudi', 'short')).rejects.toThrow(/department_channels_secret_check/);
    await insert('https://hook.example.cn/shoudi?token=1');
    await expect(insert('http://10.0.0.8:8080/notify')).rejects.toThrow(/department_channels_one_active_idx/);
  });

  it('replaces the active webhook, keeping the old one inactive', async () => {
    const departmentId = await newDepartment();
    const channels = notificationChannelsRepo(t.db);
    await t.db.transaction().execute((trx) => notificationChannelsRepo(trx).setWebhook(departmentId, { url: 'https://old.example.cn/hook', secret: null }));
    await t.db.transaction().execute((trx) => notificationChannelsRepo(trx).setWebhook(departmentId, { url: 'HTTPS://new.example.cn/hook', secret: 'a-shared-secret-0123' }));

    expect(await channels.activeWebhook(departmentId)).toMatchObject({ url: 'HTTPS://new.example.cn/hook', secret: 'a-shared-secret-0123' });
    const all = await t.db.selectFrom('department_channels').select(['url', 'active']).where('department_id', '=', departmentId).orderBy('id').execute();
    expect(all).toEqual([
      { url: 'https://old.example.cn/hook', active: false },
      { url: 'HTTPS://new.example.cn/hook', active: true },
    ]);
  });
});
