import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { createDb } from '../../db/kysely.js';

// No request below reaches the database or Temporal: both point nowhere.
const db = createDb('postgres://nobody@127.0.0.1:1/nowhere');
const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
let root: string;
let app: App;
let bare: App;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'shoudi-web-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>守底</title><div id="root"></div>');
  await writeFile(path.join(root, 'assets', 'app-1234.js'), 'export {};');
  app = await buildApp({ db, temporal, taskQueue: 'none', sessionTtlHours: 1, webRoot: root });
  bare = await buildApp({ db, temporal, taskQueue: 'none', sessionTtlHours: 1, webRoot: path.join(root, 'missing') });
});

afterAll(async () => {
  await app.close();
  await bare.close();
  await db.destroy();
  await rm(root, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml' };

describe('the console on the API’s origin', () => {
  it('serves the bundle’s index.html at / and its assets with long caching', async () => {
    const page = await app.inject({ url: '/', headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<div id="root">');
    const asset = await app.inject({ url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('answers a console page the browser asks for with index.html (the console routes on its own)', async () => {
    const page = await app.inject({ url: '/households/5f0c7d2e-0000-4000-8000-000000000000/file?tab=1', headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('keeps an unknown API path a JSON 404, even when a browser asks for HTML', async () => {
    for (const url of ['/api/nope', '/api', '/api/households/x/nothing']) {
      const answer = await app.inject({ url, headers: html });
      expect(answer.statusCode, url).toBe(404);
      expect(answer.headers['content-type']).toContain('application/json');
      expect(answer.json()).toEqual({ error: 'NOT_FOUND', message: '请求的地址不存在' });
    }
  });

  it('answers a missing file that no browser page asks for with a JSON 404, not the page', async () => {
    const missing = await app.inject({ url: '/assets/gone.js' });
    expect(missing.statusCode).toBe(404);
    const posted = await app.inject({ method: 'POST', url: '/somewhere', headers: html });
    expect(posted.statusCode).toBe(404);
  });

  it('without a built bundle serves no page, and the API’s 404 stays JSON', async () => {
    const page = await bare.inject({ url: '/', headers: html });
    expect(page.statusCode).toBe(404);
    expect(page.json()).toMatchObject({ error: 'NOT_FOUND' });
  });
});
