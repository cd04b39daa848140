import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../platform/config.js';
import { ensureSchemathesis, type Fuzzer } from '../../platform/schemathesis.js';
import { confirmPlan, DONGCHENG, loginAll, monitoredHousehold, thisMonth, type Tokens } from '../helpers/journeys.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';

const run = promisify(execFile);

/**
 * Schemathesis against the live app, from its own OpenAPI document (issue 18):
 * every operation is sent valid and invalid input as two users — the village
 * cadre, who enters, and the county bureau, who decides — with real ids (a
 * monitoring object, its task, the town, a notification) so that requests reach
 * past 404. Checked: no 5xx, every status and content type documented, every
 * body as documented. Bounded here (SHOUDI_FUZZ_EXAMPLES per operation, 3 by
 * default); `npm run fuzz` sends many more.
 */
const EXAMPLES = Number(process.env.SHOUDI_FUZZ_EXAMPLES ?? 3);
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];

const stack = useStack({ server: 'dev', api: true, beforeStart: (t) => demoCountyWithoutNotice(t.db, 'fuzz-no-notice') });
let fuzzer: Fuzzer;
let tokens: Tokens;
let work: string;
const ids = { household: '', task: '', notification: '' };

beforeAll(async () => {
  fuzzer = await ensureSchemathesis(parseConfig(process.env).SHOUDI_CACHE_DIR);
  work = await mkdtemp(path.join(os.tmpdir(), 'shoudi-fuzz-'));
  tokens = await loginAll(stack.api);
  ids.household = await monitoredHousehold(stack.api, tokens, '冯测');
  const [task] = await confirmPlan(stack.api, tokens, ids.household, [{ code: 'dibao_pension' }]);
  ids.task = task.taskKey;
  const inbox = await stack.api.call('GET', '/notifications?limit=1', { token: tokens.county });
  ids.notification = inbox.body.items[0]?.id ?? '';
}, 600_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The fuzzer's configuration: the user's token, and the real ids each path takes. */
function configFor(token: string): string {
  const operation = (pathTemplate: string, parameters: Record<string, string>) =>
    [`[[operations]]`, `include-path = ${JSON.stringify(pathTemplate)}`, `parameters = { ${Object.entries(parameters).map(([k, v]) => `${JSON.stringify(k)} = ${JSON.stringify(v)}`).join(', ')} }`].join('\n');
  const household = { 'path.id': ids.household };
  const paths = [
    ...['', '/responsible', '/file', '/identification', '/identification/application', '/identification/decisions', '/identification/objections', '/members', '/monthly-updates', '/visits']
      .concat(['/elimination', '/elimination/decisions', '/elimination/objections', '/elimination/rollback', '/plan/draft', '/plan', '/tasks'])
      .map((p) => operation(`/api/households/{id}${p}`, household)),
    ...['reassign', 'waive'].map((p) => operation(`/api/households/{id}/tasks/{key}/${p}`, { ...household, 'path.key': ids.task })),
    ...['accept', 'progress', 'complete', 'hand-back', 'documents'].map((p) => operation(`/api/tasks/{key}/${p}`, { 'path.key': ids.task })),
    operation('/api/towns/{townId}/reports/{period}', { 'path.townId': DONGCHENG, 'path.period': thisMonth() }),
    operation('/api/towns/{townId}/reports/{period}/submit', { 'path.townId': DONGCHENG, 'path.period': thisMonth() }),
    operation('/api/jurisdictions/{id}', { 'path.id': DONGCHENG }),
    ...(ids.notification ? [operation('/api/notifications/{id}/read', { 'path.id': ids.notification })] : []),
  ];
  return [`headers = { Authorization = "Bearer ${token}" }`, `request-timeout = 30.0`, '', ...paths, ''].join('\n');
}

async function fuzz(who: keyof Tokens) {
  const dir = path.join(work, who);
  const configFile = path.join(dir, 'schemathesis.toml');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(configFile, configFor(tokens[who]));
  const args = [
    ...fuzzer.args,
    '--config-file',
    configFile,
    'run',
    `${stack.api.base}/api/docs/json`,
    '--url',
    stack.api.base,
    '--checks',
    CHECKS.join(','),
    '--max-examples',
    String(EXAMPLES),
    '--seed',
    '20261201',
    '--workers',
    '1',
    '--phases',
    'examples,coverage,fuzzing',
    // Logging out would end the session the run uses.
    '--exclude-path',
    '/api/auth/logout',
    '--exclude-path',
    '/api/auth/logout-all',
    '--no-color',
  ];
  const result = await run(fuzzer.python, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } }).then(
    (ok) => ({ code: 0, out: ok.stdout + ok.stderr }),
    (failed: { code?: number; stdout?: string; stderr?: string }) => ({ code: failed.code ?? 1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` }),
  );
  // The summary's count: "2842 generated, 2842 passed".
  const [, generated = '0', passed = '0'] = /(\d+) generated, (\d+) passed/.exec(result.out) ?? [];
  return { ...result, generated: Number(generated), passed: Number(passed) };
}

describe('the API fuzzed from its own OpenAPI document (schemathesis)', () => {
  for (const who of ['cadre', 'county'] as const) {
    it(`answers no 5xx and nothing undocumented, as the ${who === 'cadre' ? 'village cadre' : 'county bureau'}`, async () => {
      const { code, out, generated, passed } = await fuzz(who);
      process.stdout.write(`[fuzz ${who}] ${generated} cases sent, ${passed} passed (no 5xx, every answer documented)\n`);
      expect(code, out.slice(-8000)).toBe(0);
      expect(generated, out.slice(-4000)).toBeGreaterThan(500);
      expect(passed).toBe(generated);
    }, 900_000);
  }
});
