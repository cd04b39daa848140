import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
