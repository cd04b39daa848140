import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { notificationsRepo } from '../../db/repositories/notifications.js';
import { useApiOnly } from '../helpers/stack.js';

// Reading the inbox never reaches Temporal: the API and its database are enough.
const stack = useApiOnly();

const DONGGANG = '990101001201';
const HEKOU = '990101001202';
let cadre: string;
let colleague: string;
let otherVillage: string;
const ids: Record<'first' | 'second' | 'hekou', string> = { first: '', second: '', hekou: '' };

/** Writes a message the way the workflows' activities do, and answers its id. */
async function notify(village: string, title: string, createdAt: Date): Promise<string> {
  const key = `test:${randomUUID()}`;
  await notificationsRepo(stack.t.db).add([
    { key, countyId: '990101', recipient: { jurisdictionId: village, role: 'village_cadre' }, kind: 'test.message', title, body: `${title}：请及时处理`, createdAt },
  ]);
  const row = await stack.t.db.selectFrom('notifications').select('id').where('notification_key', '=', key).executeTakeFirstOrThrow();
  return row.id;
}

const inbox = async (token: string, query = '') => (await stack.api.call('GET', `/notifications${query}`, { token })).body;

beforeAll(async () => {
  const { api, t } = stack;
  // A second village cadre of 东岗村: the village's messages reach both, and each reads them alone.
  const donggang = await t.db.selectFrom('users').select('password_hash').where('username', '=', 'cun.donggang').executeTakeFirstOrThrow();
  await t.db
    .insertInto('users')
    .values({ username: 'cun.donggang2', display_name: '东岗村 村干部二', password_hash: donggang.password_hash, role: 'village_cadre', jurisdiction_id: DONGGANG, department_id: null })
    .execute();
  [cadre, colleague, otherVillage] = await Promise.all([api.login('cun.donggang'), api.login('cun.donggang2'), api.login('cun.hekou')]);
  ids.first = await notify(DONGGANG, '第一条', new Date('2026-11-01T02:00:00Z'));
  ids.second = await notify(DONGGANG, '第二条', new Date('2026-11-02T02:00:00Z'));
  ids.hekou = await notify(HEKOU, '河口村的消息', new Date('2026-11-03T02:00:00Z'));
});

describe('the inbox’s read state', () => {
  it('lists the caller’s messages unread, newest first, with the unread count and the unread filter', async () => {
    const all = await inbox(cadre);
    expect(all).toMatchObject({ total: 2, unread: 2 });
    expect(all.items.map((n: { id: string; read: boolean; readAt: string | null }) => [n.id, n.read, n.readAt])).toEqual([
      [ids.second, false, null],
      [ids.first, false, null],
    ]);
    expect(await inbox(otherVillage)).toMatchObject({ total: 1, unread: 1, items: [{ id: ids.hekou, read: false }] });
  });

  it('POST /notifications/:id/read marks one read for the caller alone, once', async () => {
    const { api } = stack;
    expect((await api.call('POST', `/notifications/${ids.first}/read`, { token: cadre })).status).toBe(204);
    const after = await inbox(cadre);
    expect(after).toMatchObject({ total: 2, unread: 1 });
    const first = after.items.find((n: { id: string }) => n.id === ids.first);
    expect(first).toMatchObject({ read: true, readAt: expect.any(String) });

    // Again: nothing changes, not even when it was read.
    expect((await api.call('POST', `/notifications/${ids.first}/read`, { token: cadre })).status).toBe(204);
    expect((await inbox(cadre)).items.find((n: { id: string }) => n.id === ids.first).readAt).toBe(first.readAt);

    const unread = await inbox(cadre, '?unread=true');
    expect(unread).toMatchObject({ total: 1, unread: 1 });
    expect(unread.items.map((n: { id: string }) => n.id)).toEqual([ids.second]);
    // The colleague who got the same message has not read it.
    expect(await inbox(colleague)).toMatchObject({ total: 2, unread: 2 });
  });

  it('refuses another’s message, an unknown one and a malformed id; without a session, nothing', async () => {
    const { api } = stack;
    expect(await api.call('POST', `/notifications/${ids.hekou}/read`, { token: cadre })).toMatchObject({ status: 404, body: { message: '未找到该消息' } });
    expect(await api.call('POST', '/notifications/999999999/read', { token: cadre })).toMatchObject({ status: 404, body: { message: '未找到该消息' } });
    expect((await api.call('POST', '/notifications/abc/read', { token: cadre })).status).toBe(400);
    expect((await api.call('POST', `/notifications/${ids.first}/read`)).status).toBe(401);
    expect((await api.call('POST', '/notifications/read-all')).status).toBe(401);
    expect(await inbox(otherVillage)).toMatchObject({ unread: 1, items: [{ id: ids.hekou, read: false }] });
  });

  it('POST /notifications/read-all marks the rest of the caller’s inbox read, and only theirs', async () => {
    const { api } = stack;
    expect(await api.call('POST', '/notifications/read-all', { token: cadre })).toMatchObject({ status: 200, body: { marked: 1, unread: 0 } });
    expect(await inbox(cadre)).toMatchObject({ total: 2, unread: 0, items: [{ read: true }, { read: true }] });
    expect(await inbox(cadre, '?unread=true')).toEqual({ total: 0, unread: 0, items: [] });
    expect(await api.call('POST', '/notifications/read-all', { token: cadre })).toMatchObject({ status: 200, body: { marked: 0, unread: 0 } });
    expect(await inbox(colleague)).toMatchObject({ unread: 2 });
    expect(await inbox(otherVillage)).toMatchObject({ unread: 1 });
  });
});
