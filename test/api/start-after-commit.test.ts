import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { resumePendingRegistrations } from '../../api/services/households.js';
import { startApi } from '../helpers/api.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'dev', api: true });

/** A Temporal client whose every start fails, as when the server is down just after the database commits. */
function failingStarts(real: Client): Client {
  const workflow = Object.create(real.workflow) as Client['workflow'];
  workflow.start = () => Promise.reject(new Error('14 UNAVAILABLE: connection refused'));
  return Object.assign(Object.create(real) as Client, { workflow });
}

describe('a record commits before its workflow starts 先提交后启动', () => {
  it('keeps a household whose workflow could not start, says so, and starts the workflow from its registration on the next request', async () => {
    const { api, t, env, taskQueue } = stack;
    const broken = await startApi({ db: t.db, temporal: failingStarts(env.client), taskQueue });
    try {
      const token = await broken.login('cun.donggang');
      const registered = await broken.call('POST', '/households', {
        token,
        body: { villageId: '990101001201', address: '东岗村四组2号', headName: '冯九', category: 'lifted_out', channel: 'cadre_visit' },
      });
      expect(registered.status).toBe(503);
      expect(registered.body).toMatchObject({ error: 'WORKFLOW_PENDING', id: expect.any(String) });
      expect(registered.body.message).toContain(registered.body.id);
      const id = registered.body.id as string;

      // The household and its registration are saved; no workflow runs for it yet.
      expect(await t.db.selectFrom('households').select('id').where('id', '=', id).executeTakeFirst()).toEqual({ id });
      await expect(env.client.workflow.getHandle(`household-${id}`).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

      // The next request for the household (on a healthy API) starts it, and is answered.
      const cadre = await api.login('cun.donggang');
      const opened = await api.call('POST', `/households/${id}/identification`, { token: cadre, body: { channel: 'cadre_visit', reason: '走访发现户主患病' } });
      expect(opened).toMatchObject({ status: 200, body: { caseNo: 1, current: 'application' } });
      const description = await env.client.workflow.getHandle(`household-${id}`).describe();
      expect(description.status.name).toBe('RUNNING');

      // Asked again, nothing starts twice; the file holds one registration, by the cadre who made it, with its channel.
      expect((await api.call('GET', `/households/${id}/identification`, { token: cadre })).status).toBe(200);
      expect((await env.client.workflow.getHandle(`household-${id}`).describe()).runId).toBe(description.runId);
      await eventually(async () => {
        const file = await api.call('GET', `/households/${id}/file`, { token: cadre });
        const kinds = file.body.events.map((e: { kind: string }) => e.kind);
        expect(kinds.filter((k: string) => k === 'household.registered')).toHaveLength(1);
        expect(kinds).toContain('identification.opened');
        expect(file.body.events[0]).toMatchObject({ kind: 'household.registered', details: { channel: 'cadre_visit' }, actor: { name: '东岗村 村干部' } });
      });
    } finally {
      await broken.close();
    }
  });

  it('starts, when the API starts, the workflow of a household no one has touched since its start failed', async () => {
    const { api, env, taskQueue, t } = stack;
    const broken = await startApi({ db: t.db, temporal: failingStarts(env.client), taskQueue });
    let id: string;
    try {
      const registered = await broken.call('POST', '/households', {
        token: await broken.login('cun.donggang'),
        body: { villageId: '990101001201', address: '东岗村四组5号', headName: '陈十', category: 'lifted_out' },
      });
      expect(registered.status).toBe(503);
      id = registered.body.id as string;
    } finally {
      await broken.close();
    }
    const handle = env.client.workflow.getHandle(`household-${id}`);

    // Within its grace period the sweep leaves it alone; after it, the workflow is started once.
    await resumePendingRegistrations(api.app);
    await expect(handle.describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    const later = Date.now() + 11 * 60 * 1000;
    expect((await resumePendingRegistrations(api.app, later)).started).toBeGreaterThanOrEqual(1);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await eventually(async () => expect(await t.db.selectFrom('due_items').select('kind').where('household_id', '=', id).execute()).not.toEqual([]));
    expect(await resumePendingRegistrations(api.app, later)).toMatchObject({ started: 0 });
  });

  it('keeps a screening whose workflow could not start, and starts it when the screening is next read', async () => {
    const { api, t, env, taskQueue } = stack;
    const broken = await startApi({ db: t.db, temporal: failingStarts(env.client), taskQueue });
    try {
      const county = await broken.login('xian.xczx');
      const ordered = await broken.call('POST', '/screenings', { token: county, body: { areaId: '990101001201', reason: '台风过境', dueDays: 3 } });
      expect(ordered).toMatchObject({ status: 503, body: { error: 'WORKFLOW_PENDING' } });
      const id = ordered.body.id as string;
      expect(await t.db.selectFrom('inspection_campaigns').select(['kind', 'status', 'fanned_out']).where('id', '=', id).executeTakeFirst()).toEqual({ kind: 'screening', status: 'launching', fanned_out: 0 });

      const read = await api.call('GET', `/screenings/${id}`, { token: await api.login('xian.xczx') });
      expect(read).toMatchObject({ status: 200, body: { id, reason: '台风过境' } });
      expect((await env.client.workflow.getHandle(`campaign-${id}`).describe()).status.name).toBe('RUNNING');
    } finally {
      await broken.close();
    }
  });
});
