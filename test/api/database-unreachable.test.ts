import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, buildApp, type App } from '../../api/app.js';
import { createDb } from '../../db/kysely.js';
import { isDatabaseUnreachable } from '../../db/unreachable.js';
import { freePort } from '../helpers/ports.js';

/**
 * Found by the fault injection (test/chaos): while PostgreSQL was down or
 * restarting every request was answered 500 "系统内部错误". The console does not
 * resend a 500 (it is an answer), so the clerk's next try was a new action with a
 * new idempotency key — a step that had gone through before the outage was then
 * sent twice. PostgreSQL out of reach is now 503 系统繁忙, which the console
 * resends with the same key.
 */
let app: App;
let db: ReturnType<typeof createDb>;

beforeAll(async () => {
  // A port nothing listens on: the database is down.
  db = createDb(`postgres://shoudi_app:x@127.0.0.1:${await freePort()}/shoudi`, { max: 1 });
  app = await buildApp({ db, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1 });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.destroy();
});

describe('PostgreSQL out of reach', () => {
  it('answers 503 系统繁忙 (resend it), not 500', async () => {
    const login = await app.inject({ method: 'POST', url: `${API_PREFIX}/auth/login`, payload: { username: 'cun.donggang', password: 'whatever-it-is' } });
    expect(login.statusCode).toBe(503);
    expect(login.json()).toEqual({ error: 'DATABASE_UNAVAILABLE', message: '系统繁忙，请稍后重试' });
    const read = await app.inject({ method: 'GET', url: `${API_PREFIX}/households`, headers: { authorization: `Bearer ${'a'.repeat(43)}` } });
    expect(read.statusCode).toBe(503);
  });

  it('tells a lost connection or a server in recovery from a refusal of the data', () => {
    const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
    expect(isDatabaseUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnreachable(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isDatabaseUnreachable(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isDatabaseUnreachable(new Error('query failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnreachable(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isDatabaseUnreachable(withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021'))).toBe(false);
    expect(isDatabaseUnreachable(new Error('something else'))).toBe(false);
  });
});
