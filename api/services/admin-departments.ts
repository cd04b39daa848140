import { createHmac, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { adminMessages as m } from '../../domain/administration/messages.js';
import { departmentMessages } from '../../domain/administration/department-messages.js';
import { departmentAdminRepo } from '../../db/repositories/administration.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { notificationChannelsRepo } from '../../db/repositories/notification-channels.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import { audit } from './admin-audit.js';

const TEST_TIMEOUT_MS = 10_000;

type Row = Awaited<ReturnType<ReturnType<typeof departmentAdminRepo>['ofCounty']>>[number];
const view = (d: Row) => ({ id: d.id, code: d.code, name: d.name, webhookUrl: d.url ?? null, webhookSigned: (d.secret ?? null) !== null, retiredAt: d.retired_at?.toISOString() ?? null });

export async function departmentsOf(app: FastifyInstance, user: LoggedInUser) {
  return (await departmentAdminRepo(app.db).ofCounty(user.jurisdictionId)).map(view);
}

/** The user's county's department; a retired one is refused (it is never changed again). */
export async function ownDepartment(app: FastifyInstance, user: LoggedInUser, id: string) {
  const department = await departmentsRepo(app.db).findById(id);
  if (!department || department.county_id !== user.jurisdictionId) throw new HttpError(404, m.departmentNotFound, 'NOT_FOUND');
  if (department.retired_at) throw new HttpError(409, departmentMessages.retired(department.name), 'CONFLICT');
  return department;
}

export async function createDepartment(app: FastifyInstance, user: LoggedInUser, code: string, name: string) {
  const taken = await departmentAdminRepo(app.db).findByCode(user.jurisdictionId, code);
  if (taken) throw new HttpError(409, m.departmentCodeTaken(code, taken.name), 'CONFLICT');
  return app.db.transaction().execute(async (trx) => {
    const created = await departmentAdminRepo(trx).insert({ countyId: user.jurisdictionId, code, name });
    await audit(trx, user, { countyId: user.jurisdictionId, action: 'department.created', subjectKind: 'department', subjectId: created.id, before: null, after: { code, name } });
    return { ...created, webhookUrl: null, webhookSigned: false, retiredAt: null };
  });
}

/** The department's webhook and its secret, replacing the one before; audited (the secret never: only whether there is one). */
export async function setWebhook(app: FastifyInstance, user: LoggedInUser, id: string, url: string, secret: string | undefined) {
  const department = await ownDepartment(app, user, id);
  const signed = secret !== undefined && secret !== '';
  await app.db.transaction().execute(async (trx) => {
    const channels = notificationChannelsRepo(trx);
    const before = await channels.activeWebhook(id);
    await channels.setWebhook(id, { url, secret: signed ? secret : null });
    await audit(trx, user, {
      countyId: user.jurisdictionId,
      action: 'channel.set',
      subjectKind: 'channel',
      subjectId: id,
      before: before ? { department: department.name, url: before.url, signed: before.secret !== null } : null,
      after: { department: department.name, url, signed },
    });
  });
  return { id, code: department.code, name: department.name, webhookUrl: url, webhookSigned: signed, retiredAt: null };
}

export async function disableWebhook(app: FastifyInstance, user: LoggedInUser, id: string) {
  const department = await ownDepartment(app, user, id);
  await app.db.transaction().execute(async (trx) => {
    const channels = notificationChannelsRepo(trx);
    const before = await channels.activeWebhook(id);
    if (!before) throw new HttpError(400, m.webhookNotSet, 'INVALID_INPUT');
    await channels.deactivateWebhook(id);
    await audit(trx, user, { countyId: user.jurisdictionId, action: 'channel.disabled', subjectKind: 'channel', subjectId: id, before: { department: department.name, url: before.url }, after: { department: department.name, url: null } });
  });
  return { id, code: department.code, name: department.name, webhookUrl: null, webhookSigned: false, retiredAt: null };
}

/**
 * Posts a test message to the department's webhook now, signed as deliveries
 * are (X-Shoudi-Signature: HMAC-SHA256 of the body), and says whether it
 * arrived; the attempt is audited. Never follows a redirect.
 */
export async function testWebhook(app: FastifyInstance, user: LoggedInUser, id: string) {
  const department = await ownDepartment(app, user, id);
  const channel = await notificationChannelsRepo(app.db).activeWebhook(id);
  if (!channel) throw new HttpError(400, m.webhookNotSet, 'INVALID_INPUT');
  const key = `test-${randomUUID()}`;
  const body = JSON.stringify({ id: key, kind: 'channel.test', title: m.webhookTestTitle, body: m.webhookTestBody(department.name), householdId: null, createdAt: new Date().toISOString() });
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': key };
  if (channel.secret) headers['x-shoudi-signature'] = `sha256=${createHmac('sha256', channel.secret).update(body, 'utf8').digest('hex')}`;
  let answer: { delivered: boolean; status: number | null; message: string };
  try {
    const response = await fetch(channel.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(TEST_TIMEOUT_MS) });
    await response.body?.cancel().catch(() => undefined);
    const delivered = response.status >= 200 && response.status < 300;
    answer = { delivered, status: response.status, message: delivered ? m.webhookTestDelivered(response.status) : m.webhookTestRefused(response.status) };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    answer = { delivered: false, status: null, message: timedOut ? m.webhookTestTimedOut(TEST_TIMEOUT_MS / 1000) : m.webhookTestUnreachable(typeof code === 'string' ? code : 'Error') };
  }
  await app.db.transaction().execute((trx) =>
    audit(trx, user, { countyId: user.jurisdictionId, action: 'channel.tested', subjectKind: 'channel', subjectId: id, before: null, after: { department: department.name, url: channel.url, delivered: answer.delivered, status: answer.status } }),
  );
  return answer;
}
