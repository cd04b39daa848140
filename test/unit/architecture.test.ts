import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house drawn from the imports: arrows point one way, api → workflows
 * (definitions only) → activities → db → domain, and domain/ has no circle.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const LAYERS = ['domain', 'db', 'activities', 'workflows', 'api'] as const;
type Layer = (typeof LAYERS)[number];

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

interface Edge {
  readonly to: string;
  readonly typeOnly: boolean;
}

function importsOf(file: string): Edge[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const edges: Edge[] = [];
  for (const match of source.matchAll(/^(?:import|export)(\s+type)?\s*(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*\{[^}]*\})?)\s*from\s+'(\.{1,2}\/[^']+)'/gm)) {
    const target = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), match[2]!.replace(/\.js$/, '.ts')));
    edges.push({ to: target, typeOnly: match[1] !== undefined });
  }
  return edges;
}

const layerOf = (file: string): Layer | undefined => LAYERS.find((layer) => file.startsWith(`${layer}/`));
const files = LAYERS.flatMap(filesUnder);
const graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('the architecture 架构', () => {
  it('finds the imports it checks (the parser is not blind)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get('api/app.ts')!.map((e) => e.to)).toContain('api/errors.ts');
  });

  it('has arrows only downwards: api → workflows → activities → db → domain', () => {
    const upward: string[] = [];
    for (const [file, edges] of graph) {
      const from = LAYERS.indexOf(layerOf(file)!);
      for (const edge of edges) {
        const layer = layerOf(edge.to);
        if (layer && LAYERS.indexOf(layer) > from) upward.push(`${file} → ${edge.to}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('lets the API reach workflows only through their definitions', () => {
    const reached = [...graph]
      .filter(([file]) => file.startsWith('api/'))
      .flatMap(([file, edges]) => edges.filter((e) => e.to.startsWith('workflows/') && !e.to.endsWith('/definitions.ts')).map((e) => `${file} → ${e.to}`));
    expect(reached).toEqual([]);
  });

  it('lets workflows import activities as types only', () => {
    const values = [...graph]
      .filter(([file]) => file.startsWith('workflows/'))
      .flatMap(([file, edges]) => edges.filter((e) => e.to.startsWith('activities/') && !e.typeOnly).map((e) => `${file} → ${e.to}`));
    expect(values).toEqual([]);
  });

  it('has no import circle inside domain/', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const trail: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      trail.push(file);
      for (const { to } of graph.get(file) ?? []) {
        if (!to.startsWith('domain/')) continue;
        if (state.get(to) === 'open') cycles.push([...trail.slice(trail.indexOf(to)), to].join(' → '));
        else if (!state.has(to)) visit(to);
      }
      trail.pop();
      state.set(file, 'done');
    };
    for (const file of files.filter((f) => f.startsWith('domain/'))) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
