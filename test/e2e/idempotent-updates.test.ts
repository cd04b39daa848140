import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/api.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { fileEvents, loginAll, registerHousehold, thisMonth, today, type Tokens } from '../helpers/journeys.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { devServerEnv, testWorker, uniqueTaskQueue } from '../helpers/temporal.js';
import { eventually } from '../helpers/wait.js';

/**
 * Issue 18, defect 2: the worker is down, the clerk's request times out, the
 * worker comes back, the clerk resends. The request is answered in words
 * ("系统繁忙") within its deadline instead of hanging, and the resend with the
 * same idempotency key records the visit once.
 */
const taskQueue = uniqueTaskQueue();
let t: TestDatabase;
let env: TestWorkflowEnvironment;
let api: Awaited<ReturnType<typeof startApi>>;
let tokens: Tokens;
let worker: { worker: Worker; running: Promise<void> } | undefined;

async function startWorker(): Promise<void> {
  const started = await testWorker(env, t.db, taskQueue);
  worker = { worker: started, running: started.run() };
}

async function stopWorker(): Promise<void> {
  if (!worker) return;
  worker.worker.shutdown();
  await worker.running;
  worker = undefined;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await demoCountyWithoutNotice(t.db, 'e2e-idempotent-updates');
  env = await devServerEnv();
  await startWorker();
  api = await startApi({ db: t.db, temporal: env.client, taskQueue, updateAcceptDeadlineMs: 5_000 });
  tokens = await loginAll(api);
});

afterAll(async () => {
  await api?.close();
  await stopWorker();
  await env?.teardown();
  await t?.destroy();
});

/** As the clerk does: the visit resent, unchanged, until the system answers (on a busy machine one deadline may not be enough). */
const sent = (id: string, token: string, body: object, headers: Record<string, string>) =>
  eventually(async () => {
    const answer = await api.call('POST', `/households/${id}/visits`, { token, body, headers });
    expect(answer.status).toBe(200);
    return answer;
  });

const visited = async (id: string) => (await fileEvents(api, tokens.cadre, id)).filter((e) => e.kind === 'monitoring.visited');

describe('a workflow update resent with its idempotency key (Idempotency-Key)', () => {
  it('is answered 503 "系统繁忙" while no worker takes it, and recorded once when resent after the worker is back', async () => {
    const id = await registerHousehold(api, tokens, '韩重');
    const visit = { period: thisMonth(), visitedOn: today(), findings: '家中正常，务工收入稳定' };
    const headers = { 'idempotency-key': `visit-${id}` };

    await stopWorker();
    const timedOut = await api.call('POST', `/households/${id}/visits`, { token: tokens.town, body: visit, headers });
    expect(timedOut).toMatchObject({ status: 503, body: { message: '系统繁忙，请稍后重试' } });

    await startWorker();
    const resent = await sent(id, tokens.town, visit, headers);
    const again = await sent(id, tokens.town, visit, headers);
    expect(again.body).toEqual(resent.body);
    expect(await visited(id)).toHaveLength(1);

    // Another action (a new key) is another visit; the same key from another user is that user's own action.
    await sent(id, tokens.town, { ...visit, findings: '复访' }, { 'idempotency-key': `visit-${id}-2` });
    await sent(id, tokens.cadre, visit, headers);
    expect(await visited(id)).toHaveLength(3);
  });

  it('refuses a malformed key before anything is sent to the workflow', async () => {
    const id = await registerHousehold(api, tokens, '韩轻');
    const response = await api.call('POST', `/households/${id}/visits`, {
      token: tokens.town,
      body: { period: thisMonth(), visitedOn: today(), findings: '家中正常' },
      headers: { 'idempotency-key': 'bad key!' },
    });
    expect(response).toMatchObject({ status: 400, body: { message: '重复提交标识格式不正确，请刷新页面后重试' } });
    expect(await visited(id)).toHaveLength(0);
  });
});
