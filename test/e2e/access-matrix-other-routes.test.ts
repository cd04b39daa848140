import { beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../api/app.js';
import { ROLES, type Role } from '../../domain/access/roles.js';
import { matrixSetup } from '../helpers/access-matrix.js';
import { HIDDEN_ROUTES, ROUTE_TABLE, type Req, type Row, type Where } from '../helpers/route-matrix.js';
import { routeFixtures, type RouteFixtures } from '../helpers/route-matrix-fixtures.js';
import { useApiOnly } from '../helpers/stack.js';

/**
 * The role × place matrix over every operation of the route table that names no household (issue 18;
 * the household ones are test/e2e/access-matrix-routes.test.ts's): each operation × each role × inside
 * the caller's county, outside it and an unknown place or record, against the table of
 * test/helpers/route-matrix.ts. Every refusal is sent (403 or 404 — never the validator's 400, so each
 * write's body is proven valid by its refusals); every allowed read is sent and must answer; an allowed
 * write is not sent (its journey tests carry it out, with the worker). No answer of any cell may carry
 * the other county's records, and no refusal the own household's. No Temporal server: nothing refused
 * and no read reaches one.
 */
const stack = useApiOnly();
const REFUSED = [403, 404];

let tokens: Record<Role, string>;
let fixtures: RouteFixtures;
let operations: string[];

beforeAll(async () => {
  const setup = await matrixSetup(stack.t, stack.api);
  tokens = setup.tokens;
  fixtures = await routeFixtures(stack.t, setup.households);
  const document = stack.api.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(document.paths)
    .filter(([path]) => !/^\/api(\/exports)?\/households\/\{id\}/.test(path))
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : path}`));
});

async function send(method: string, req: Req, role: Role): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[role]}` };
  let body: FormData | string | undefined;
  if (req.file) {
    const form = new FormData();
    form.append(req.file.field, new Blob([req.file.bytes], { type: req.file.type }), req.file.name);
    body = form;
  } else if (req.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.body);
  }
  // A bound for a request that never answers (one waiting on the absent Temporal server), not a timing expectation.
  try {
    const response = await fetch(`${stack.api.base}${API_PREFIX}${req.url}`, { method, headers, signal: AbortSignal.timeout(30_000), ...(body === undefined ? {} : { body }) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: `no whole answer within 30 s (${String(error)})` };
  }
}

/** Runs `jobs` a few at a time (the API answers requests concurrently; the order does not matter). */
async function inPool<T>(jobs: (() => Promise<T>)[], width = 16): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]!();
    }
  }));
  return results;
}

describe('the access matrix over every route that names no household', () => {
  it('has a row for every such operation of the route table, and none for an operation that is gone', () => {
    expect(operations.length).toBeGreaterThan(90);
    expect(operations.filter((op) => !(op in ROUTE_TABLE))).toEqual([]);
    expect(Object.keys(ROUTE_TABLE).filter((op) => !operations.includes(op))).toEqual([]);
    for (const op of Object.keys(HIDDEN_ROUTES)) {
      const [method, path] = op.split(' ') as [string, string];
      const url = (path === '/metrics' ? '' : API_PREFIX) + path.replace(/\{(\w+)\}/g, ':$1');
      expect(stack.api.app.hasRoute({ method, url }), `${op} is registered`).toBe(true);
    }
  });

  it('refuses every role and place the table refuses, answers every allowed read, and leaks nothing', async () => {
    const problems: string[] = [];
    const figures = { operations: 0, exempt: 0, refusalsSent: 0, readsSent: 0, allowedWritesNotSent: 0 };
    const jobs: (() => Promise<void>)[] = [];
    for (const [op, entry] of Object.entries({ ...ROUTE_TABLE, ...HIDDEN_ROUTES })) {
      figures.operations += 1;
      if ('exempt' in entry) {
        figures.exempt += 1;
        continue;
      }
      const row: Row = entry;
      const method = op.slice(0, op.indexOf(' '));
      for (const role of ROLES) {
        for (const [where, req] of Object.entries(row.at(fixtures)) as [Where, Req][]) {
          const mayCall = row.roles.includes(role);
          const allowed = mayCall && (where === 'inside' || (where === 'outside' && (row.outsideAllowed?.roles.includes(role) ?? false)));
          if (allowed && method !== 'GET') {
            figures.allowedWritesNotSent += 1;
            continue;
          }
          const cell = `${role} ${op} ${where}`;
          jobs.push(async () => {
            const answer = await send(method, req, role);
            // A batch's answer names the keys it was sent: the caller's own words, not a leak.
            const text = row.refusesEachKey ? ((req.body as { keys?: string[] } | undefined)?.keys ?? []).reduce((t, k) => t.replaceAll(k, ''), answer.text) : answer.text;
            if (allowed) {
              figures.readsSent += 1;
              const want = where === 'inside' ? (row.readInsideByRole?.answers[role] ?? row.readInside ?? 200) : 200;
              if (answer.status !== want) problems.push(`${cell}: ${answer.status}, expected ${want} ${answer.text.slice(0, 200)}`);
            } else {
              figures.refusalsSent += 1;
              const refusals = [...REFUSED, ...(mayCall && where === 'unknown' ? (row.unknownAnswers?.statuses ?? []) : [])];
              if (row.refusesEachKey) {
                const batch = JSON.parse(answer.text || '{}') as { accepted?: number; results?: { ok: boolean }[] };
                if (answer.status !== 200 || batch.accepted !== 0 || !batch.results?.length || batch.results.some((r) => r.ok)) problems.push(`${cell}: ${answer.status}, expected each key refused ${answer.text.slice(0, 200)}`);
              } else if (mayCall && where !== 'inside' && row.filtersOutside) {
                if (answer.status !== 200) problems.push(`${cell}: ${answer.status}, expected 200 with nothing of the place ${answer.text.slice(0, 200)}`);
              } else if (!refusals.includes(answer.status)) problems.push(`${cell}: ${answer.status}, expected a refusal ${answer.text.slice(0, 200)}`);
              const own = fixtures.ownMarkers.find((m) => text.includes(m));
              if (own) problems.push(`${cell}: the refusal carries ${own}`);
            }
            const designedOutside = where === 'outside' || (row.outsideAllowed?.roles.includes(role) ?? false);
            const other = designedOutside && allowed ? undefined : fixtures.otherMarkers.find((m) => text.includes(m));
            if (other) problems.push(`${cell}: the answer carries the other county's ${other}: ${answer.text.slice(0, 300)}`);
          });
        }
      }
    }
    await inPool(jobs);
    process.stdout.write(`[matrix] ${JSON.stringify({ ...figures, problems: problems.length })}\n`);
    expect(problems).toEqual([]);
  }, 300_000);
});
