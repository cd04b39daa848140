import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { API_PREFIX, buildApp } from '../../api/app.js';
import type { Database } from '../../db/database.js';

const API = path.resolve(import.meta.dirname, '../../api');
const files = readdirSync(API, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => path.join(e.parentPath, e.name));
const source = (file: string) => readFileSync(file, 'utf8');
const relative = (file: string) => path.relative(API, file);

/** The code without its comments, where a Chinese glossary term may stand beside the English one. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('the API’s layout', () => {
  it('holds no Chinese text of its own: every text a user reads comes from a catalogue', () => {
    const inline = files.flatMap((file) =>
      withoutComments(source(file))
        .split('\n')
        .filter((line) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(line))
        .map((line) => `${relative(file)}: ${line.trim()}`),
    );
    expect(files.length).toBeGreaterThan(30);
    expect(inline).toEqual([]);
  });

  it('registers every route plugin in app.ts, and no route file registers another', () => {
    const app = source(path.join(API, 'app.ts'));
    const routeFiles = files.filter((f) => relative(f).startsWith('routes/'));
    const plugins = routeFiles.flatMap((f) => [...source(f).matchAll(/export const (\w+Routes)\b/g)].map((m) => m[1]!));
    expect(plugins.length).toBe(routeFiles.length);
    expect(plugins.filter((p) => !new RegExp(`register\\(${p}\\b`).test(app))).toEqual([]);
    expect(routeFiles.filter((f) => /\.register\(/.test(source(f))).map(relative)).toEqual([]);
  });

  it('keeps SQL in the repositories and files small', () => {
    const routes = files.filter((f) => relative(f).startsWith('routes/') || relative(f).startsWith('services/'));
    expect(routes.filter((f) => /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|from 'kysely'/.test(source(f))).map(relative)).toEqual([]);
    expect(files.filter((f) => source(f).split('\n').length > 300).map(relative)).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('builds from the named schemas and lists every resource’s routes under the prefix', async () => {
    const app = await buildApp({ db: {} as Kysely<Database>, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1 });
    try {
      const response = await app.inject({ method: 'GET', url: `${API_PREFIX}/docs/json` });
      expect(response.statusCode).toBe(200);
      const paths = Object.keys((response.json() as { paths: Record<string, unknown> }).paths);
      for (const route of ['/households', '/households/{id}/plan', '/households/{id}/identification', '/tasks/{key}/accept', '/towns/{townId}/reports/{period}', '/screenings/{screeningId}', '/county-items/{kind}/{periodKey}/complete', '/due-items', '/auth/login']) {
        expect(paths).toContain(`${API_PREFIX}${route}`);
      }
      expect(paths).toContain('/health');
    } finally {
      await app.close();
    }
  });
});
