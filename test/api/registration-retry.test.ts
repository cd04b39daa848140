import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { startApi } from '../helpers/api.js';
import { useStack } from '../helpers/stack.js';

/**
 * Found by the fault injection (test/chaos): the API died after a
 * registration committed, before it answered; the console resent it with the
 * same Idempotency-Key and the county had the household twice. A registration
 * resent with its key answers the first one's household, and starts its
 * workflow if the first could not.
 */
const stack = useStack({ server: 'dev', api: true });

/** A Temporal client whose every start fails, as when the server is down just after the database commits. */
function failingStarts(real: Client): Client {
  const workflow = Object.create(real.workflow) as Client['workflow'];
  workflow.start = () => Promise.reject(new Error('14 UNAVAILABLE: connection refused'));
  return Object.assign(Object.create(real) as Client, { workflow });
}

const household = (headName: string) => ({ villageId: '990101001201', address: '东岗村五组1号', headName, category: 'lifted_out', channel: 'cadre_visit' });
const named = (headName: string) => stack.t.db.selectFrom('households').select('id').where('head_name', '=', headName).execute();

describe('a registration resent with its Idempotency-Key', () => {
  it('registers one household, and the resend starts the workflow the first could not', async () => {
    const { api, env, taskQueue, t } = stack;
    const broken = await startApi({ db: t.db, temporal: failingStarts(env.client), taskQueue });
    try {
      const token = await broken.login('cun.donggang');
      const headers = { 'idempotency-key': 'register-once-0001' };
      const first = await broken.call('POST', '/households', { token, body: household('卫一'), headers });
      expect(first).toMatchObject({ status: 503, body: { error: 'WORKFLOW_PENDING' } });
      const again = await broken.call('POST', '/households', { token, body: household('卫一'), headers });
      expect(again).toMatchObject({ status: 503, body: { id: first.body.id } });

      const answered = await api.call('POST', '/households', { token, body: household('卫一'), headers });
      expect(answered).toMatchObject({ status: 202, body: { id: first.body.id } });
      expect(await named('卫一')).toEqual([{ id: first.body.id }]);
      expect((await env.client.workflow.getHandle(`household-${first.body.id}`).describe()).status.name).toBe('RUNNING');
      const registered = await t.db.selectFrom('household_events').select('kind').where('household_id', '=', first.body.id).where('kind', '=', 'household.registered').execute();
      expect(registered).toHaveLength(1);
    } finally {
      await broken.close();
    }
  });

  it('registers one household when the same registration arrives several times at once; a new key or another user is another registration', async () => {
    const { api } = stack;
    const [cadre, town] = [await api.login('cun.donggang'), await api.login('zhen.dongcheng')];
    const headers = { 'idempotency-key': 'register-at-once-0002' };
    const answers = await Promise.all([1, 2, 3].map(() => api.call('POST', '/households', { token: cadre, body: household('卫二'), headers })));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await named('卫二')).toHaveLength(1);

    expect((await api.call('POST', '/households', { token: town, body: household('卫二'), headers })).status).toBe(202);
    expect((await api.call('POST', '/households', { token: cadre, body: household('卫二'), headers: { 'idempotency-key': 'register-at-once-0003' } })).status).toBe(202);
    expect((await api.call('POST', '/households', { token: cadre, body: household('卫二') })).status).toBe(202);
    expect(await named('卫二')).toHaveLength(4);
  });
});
