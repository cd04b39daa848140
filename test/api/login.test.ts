import type { Client } from '@temporalio/client';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, buildApp, type App } from '../../api/app.js';
import { LOGIN_THROTTLE } from '../../domain/access/login-throttle.js';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * Login hardening (issue 18, defect 8): wrong passwords lock the account and the source address
 * for a while (counted in PostgreSQL), the right password is refused while locked, the clerk is told
 * when to try again; logout on all devices; security headers with the console's CSP.
 */
let t: TestDatabase;
let app: App;

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({ db: t.db, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1 });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

async function login(username: string, password: string, from = '127.0.0.1') {
  const response = await app.inject({ method: 'POST', url: `${API_PREFIX}/auth/login`, payload: { username, password }, remoteAddress: from });
  return { status: response.statusCode, headers: response.headers, body: response.json() as { error?: string; message?: string; token?: string } };
}
async function call(method: 'GET' | 'POST', url: string, token: string) {
  const response = await app.inject({ method, url: `${API_PREFIX}${url}`, headers: { authorization: `Bearer ${token}` } });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}
const throttleRows = () => sql<{ bucket: string; failures: number; locked_until: Date | null }>`select bucket, failures, locked_until from login_throttles`.execute(t.owner).then((r) => r.rows);
/** A lock's end reached without waiting: the rows' locks moved into the past, as 15 minutes would. */
const endLocks = () => sql`update login_throttles set locked_until = now() - interval '1 second', window_start = now() - interval '1 hour'`.execute(t.owner);
const LOCKED_ACCOUNT = /^该账号登录失败次数过多，已暂时锁定。请在 \d{2}:\d{2} 之后（约 1[45] 分钟后）再试；如忘记密码，请联系本县系统管理员重置。$/;
const LOCKED_ADDRESS = /^本机登录失败次数过多，已暂时锁定。请在 \d{2}:\d{2} 之后（约 1[45] 分钟后）再试/;

describe('login throttling 登录限制', () => {
  it('locks an account after 5 wrong passwords: the right one is refused until the lock ends, from any address, and says when to retry', async () => {
    const max = LOGIN_THROTTLE.account.maxFailures;
    for (let i = 1; i < max; i++) expect(await login('cun.donggang', 'wrong-password', '10.1.0.1')).toMatchObject({ status: 401, body: { message: '用户名或密码不正确' } });
    const locking = await login('cun.donggang', 'wrong-password', '10.1.0.1');
    expect(locking.status).toBe(429);
    expect(locking.body.error).toBe('LOGIN_LOCKED');
    expect(locking.body.message).toMatch(LOCKED_ACCOUNT);
    expect(Number(locking.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(locking.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);

    // The defect: 50 wrong passwords, then the right one worked. Now the right one waits, from this address and another.
    for (const from of ['10.1.0.1', '10.1.0.2']) expect(await login('cun.donggang', DEMO_PASSWORD, from)).toMatchObject({ status: 429, body: { message: expect.stringMatching(LOCKED_ACCOUNT) } });
    // Another account from the same address is not locked by it.
    expect((await login('cun.hekou', DEMO_PASSWORD, '10.1.0.1')).status).toBe(200);
    // Neither the username nor the address is stored in clear.
    const stored = JSON.stringify(await throttleRows());
    expect(stored).not.toContain('donggang');
    expect(stored).not.toContain('10.1.0.');

    await endLocks();
    expect((await login('cun.donggang', DEMO_PASSWORD, '10.1.0.1')).status).toBe(200);
    // A success clears the account's count: four more mistakes do not lock it again.
    for (let i = 1; i < max; i++) expect((await login('cun.donggang', 'wrong-password', '10.1.0.3')).status).toBe(401);
    expect((await login('cun.donggang', DEMO_PASSWORD, '10.1.0.3')).status).toBe(200);
  });

  it('locks an unknown username just as a known one, so that the lock tells nothing about which accounts exist', async () => {
    for (let i = 1; i < LOGIN_THROTTLE.account.maxFailures; i++) expect((await login('no.such.user', 'whatever-pw', '10.2.0.1')).status).toBe(401);
    expect(await login('no.such.user', 'whatever-pw', '10.2.0.1')).toMatchObject({ status: 429, body: { message: expect.stringMatching(LOCKED_ACCOUNT) } });
  });

  it('locks a source address after 20 failures across usernames; other addresses log in', async () => {
    await endLocks();
    const max = LOGIN_THROTTLE.address.maxFailures;
    const answers: number[] = [];
    // Four tries for each of several names: no account reaches its own limit, the address does.
    for (let i = 0; i < max; i++) answers.push((await login(`guess.${Math.floor(i / 4)}`, 'wrong-password', '10.3.0.1')).status);
    expect(answers.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(answers.at(-1)).toBe(429);
    expect(await login('zhen.dongcheng', DEMO_PASSWORD, '10.3.0.1')).toMatchObject({ status: 429, body: { error: 'LOGIN_LOCKED', message: expect.stringMatching(LOCKED_ADDRESS) } });
    expect((await login('zhen.dongcheng', DEMO_PASSWORD, '10.3.0.2')).status).toBe(200);
  });

  it('counts failures sent at once each, in one statement: the account ends locked', async () => {
    await endLocks();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login('zhen.xiling', 'wrong-password', `10.4.0.${i + 1}`)));
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    expect(answers.some((a) => a.status === 429)).toBe(true);
    expect((await login('zhen.xiling', DEMO_PASSWORD, '10.4.0.99')).status).toBe(429);
  });
});

describe('POST /auth/logout-all 退出所有设备', () => {
  it('ends every session of the user on every device, and no one else’s', async () => {
    await endLocks();
    const tokens = await Promise.all(['10.5.0.1', '10.5.0.2', '10.5.0.3'].map(async (from) => (await login('xian.xczx', DEMO_PASSWORD, from)).body.token!));
    const other = (await login('ducha', DEMO_PASSWORD)).body.token!;
    const out = await call('POST', '/auth/logout-all', tokens[1]!);
    expect(out).toEqual({ status: 200, body: { ended: 3, message: '已在所有设备上退出登录（共结束 3 个登录）' } });
    for (const token of tokens) expect(await call('GET', '/auth/me', token)).toMatchObject({ status: 401, body: { message: '登录已过期，请重新登录' } });
    expect(await call('GET', '/auth/me', other)).toMatchObject({ status: 200, body: { username: 'ducha' } });
  });
});

describe('security headers 安全响应头', () => {
  it('sends a Content-Security-Policy the console works under, and refuses framing and sniffing', async () => {
    for (const url of ['/health', `${API_PREFIX}/auth/me`, '/']) {
      const response = await app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});
