import { randomBytes } from 'node:crypto';
import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { EncryptionCodec, parsePayloadKey, payloadDataConverter } from '../../platform/payload-codec.js';
import { getHouseholdState, openIdentification } from '../../workflows/household/definitions.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { demoActors, startHouseholdWorkflow } from '../helpers/household.js';
import { testWorker, timeSkippingEnv, uniqueTaskQueue } from '../helpers/temporal.js';

/**
 * Personal data in Temporal payloads (issue 18): with SHOUDI_PAYLOAD_KEY the client and the worker
 * encrypt every payload, so the history the Temporal server keeps holds no name, no free text and
 * no ID number in clear; a client with the key reads the workflow as before.
 */
const KEY = randomBytes(32).toString('base64');
const ID_NUMBER = '110101199003074518';
const HEAD_REASON = `户主张秋菊（身份证 ${ID_NUMBER}）因病申报`;

let t: TestDatabase;
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let client: Client;
const taskQueue = uniqueTaskQueue();

beforeAll(async () => {
  t = await createTestDatabase();
  env = await timeSkippingEnv();
  worker = await testWorker(env, t.db, taskQueue, { dataConverter: payloadDataConverter(KEY) });
  running = worker.run();
  client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default', dataConverter: payloadDataConverter(KEY) });
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await t?.destroy();
});

/** Every text the server holds for the workflow, as the server gives it (no codec). */
async function historyAsStored(workflowId: string): Promise<string> {
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  const texts: string[] = [JSON.stringify(history)];
  // Payload bytes: read as UTF-8 and as base64, whichever way a viewer would show them.
  const walk = (value: unknown): void => {
    if (value instanceof Uint8Array) {
      texts.push(Buffer.from(value).toString('utf8'), Buffer.from(value).toString('base64'));
    } else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  walk(history);
  return texts.join('\n');
}

describe('the payload codec 载荷加密', () => {
  it('keeps the ID number, the name and the free text out of the history the Temporal server stores', async () => {
    const actors = await demoActors(t.db);
    const { handle } = await startHouseholdWorkflow(client, t.db, taskQueue);
    const result = await applyUpdate(handle, openIdentification, { args: [{ actor: actors.cadre, channel: 'application', reason: HEAD_REASON }] });
    expect(result.status).toBe('in_progress');
    // Through the codec the workflow reads as before.
    expect((await handle.query(getHouseholdState)).stage).toBe('identifying');

    const stored = await historyAsStored(handle.workflowId);
    expect(stored).toContain('binary/encrypted');
    expect(stored).not.toContain(ID_NUMBER);
    expect(stored).not.toContain('张秋菊');
    expect(stored).not.toContain(Buffer.from(ID_NUMBER).toString('base64').slice(0, 16));
    expect(stored).not.toContain(actors.cadre.userId);
    // The activity that wrote the file event had the reason in clear: the database has it, Temporal does not.
    const events = await t.db.selectFrom('household_events').select('payload').where('household_id', '=', handle.workflowId.replace(/^household-/, '')).execute();
    expect(JSON.stringify(events)).toContain('张秋菊');
  });

  it('reads a payload written before the key was set, and refuses one sealed with another key', async () => {
    const codec = new EncryptionCodec(parsePayloadKey(KEY));
    const plain = { metadata: { encoding: new TextEncoder().encode('json/plain') }, data: new TextEncoder().encode('"旧数据"') };
    expect(await codec.decode([plain])).toEqual([plain]);
    const [sealed] = await new EncryptionCodec(randomBytes(32)).encode([plain]);
    await expect(codec.decode([sealed!])).rejects.toThrow(/another key/);
    const [mine] = await codec.encode([plain]);
    expect(await codec.decode([mine!])).toEqual([plain]);
  });
});
