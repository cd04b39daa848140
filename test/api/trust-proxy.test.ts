import { Writable } from 'node:stream';
import type { Client } from '@temporalio/client';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, buildApp, type App } from '../../api/app.js';
import { apiLogger } from '../../api/logging.js';
import { loginBuckets } from '../../api/services/login.js';
import { parseConfig } from '../../platform/config.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * Behind the county's reverse proxy every request comes from the proxy's
 * address: the login throttle would lock a whole county out after 20 wrong
 * passwords anywhere, and the logs would name the proxy. SHOUDI_TRUST_PROXY
 * names the proxies whose X-Forwarded-For is believed; unset, the header is
 * ignored (anyone could write it).
 */
const PROXY = '10.9.0.1';
const CLERK = '192.168.7.23';

let t: TestDatabase;
const apps: App[] = [];
const logged: Record<string, unknown>[] = [];

async function appWith(trustProxy: readonly string[]): Promise<App> {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logged.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await buildApp({ db: t.db, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1, trustProxy, logger: apiLogger('info', stream) });
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await t?.destroy();
});

/** One wrong password for `username` as the proxy forwards it: which address bucket counted it, and what the log named. */
async function wrongLogin(app: App, username: string, from: string, forwardedFor: string) {
  const response = await app.inject({
    method: 'POST',
    url: `${API_PREFIX}/auth/login`,
    payload: { username, password: 'wrong-password' },
    remoteAddress: from,
    headers: { 'x-forwarded-for': forwardedFor },
  });
  expect(response.statusCode).toBe(401);
  const buckets = await sql<{ bucket: string }>`select bucket from login_throttles where bucket like 'address:%'`.execute(t.owner);
  const entry = logged.find((line) => line.reqId === response.headers['x-request-id'] && (line.req as { remoteAddress?: string } | undefined)?.remoteAddress);
  await sql`delete from login_throttles`.execute(t.owner);
  return { buckets: buckets.rows.map((r) => r.bucket), loggedAddress: (entry?.req as { remoteAddress: string }).remoteAddress };
}

describe('the client address behind a reverse proxy (SHOUDI_TRUST_PROXY)', () => {
  it('ignores X-Forwarded-For by default: the throttle and the log use the connection', async () => {
    const app = await appWith(parseConfig({}).SHOUDI_TRUST_PROXY);
    expect(await wrongLogin(app, 'cun.donggang', PROXY, CLERK)).toEqual({ buckets: [loginBuckets('x', PROXY).address], loggedAddress: PROXY });
  });

  it('uses the forwarded address of a request from a named proxy, and ignores it from anyone else', async () => {
    const app = await appWith(parseConfig({ SHOUDI_TRUST_PROXY: ' 10.9.0.0/24 , 10.8.0.7' }).SHOUDI_TRUST_PROXY);
    expect(await wrongLogin(app, 'cun.donggang', PROXY, CLERK)).toEqual({ buckets: [loginBuckets('x', CLERK).address], loggedAddress: CLERK });
    // A header the client wrote before the proxy appended its own: the proxy's entry (the rightmost untrusted) counts.
    expect(await wrongLogin(app, 'cun.donggang', PROXY, `1.2.3.4, ${CLERK}`)).toEqual({ buckets: [loginBuckets('x', CLERK).address], loggedAddress: CLERK });
    // Straight from a machine that is no proxy of ours: its X-Forwarded-For is its own invention.
    expect(await wrongLogin(app, 'cun.donggang', '10.7.0.9', CLERK)).toEqual({ buckets: [loginBuckets('x', '10.7.0.9').address], loggedAddress: '10.7.0.9' });
  });

  it('refuses a setting that is not a list of addresses', () => {
    expect(() => parseConfig({ SHOUDI_TRUST_PROXY: 'gateway.county' })).toThrow(/SHOUDI_TRUST_PROXY: must be IP addresses or CIDR ranges/);
    expect(() => parseConfig({ SHOUDI_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/SHOUDI_TRUST_PROXY/);
    expect(parseConfig({ SHOUDI_TRUST_PROXY: 'fd00::/8,10.0.0.5' }).SHOUDI_TRUST_PROXY).toEqual(['fd00::/8', '10.0.0.5']);
  });
});
