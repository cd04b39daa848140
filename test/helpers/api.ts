import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { API_PREFIX, buildApp, type App } from '../../api/app.js';
import type { Database } from '../../db/database.js';
import { DEMO_PASSWORD } from '../../db/seed.js';

export { DEMO_PASSWORD };

/** The real app listening on a random local port; requests go over HTTP. */
export async function startApi(deps: { db: Kysely<Database>; temporal: Client; taskQueue: string; updateAcceptDeadlineMs?: number }) {
  const app: App = await buildApp({ ...deps, sessionTtlHours: 1 });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  const base = `http://127.0.0.1:${address.port}`;

  async function call(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    // The health probe sits at the root; every other route under the API prefix.
    const response = await fetch(`${base}${path === '/health' ? '' : API_PREFIX}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : undefined };
  }

  async function login(username: string, password = DEMO_PASSWORD): Promise<string> {
    const response = await call('POST', '/auth/login', { body: { username, password } });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.token as string;
  }

  return { app, base, call, login, close: () => app.close() };
}
