import type { Client } from '@temporalio/client';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, buildApp, type App } from '../../api/app.js';
import { DEMO_PASSWORD } from '../../db/seed.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * Departments renamed and retired by the county bureau, never deleted: a
 * retirement is refused in words while an account, a task, an item or the
 * policy in force still needs the department, and the database refuses it too.
 */
let t: TestDatabase;
let app: App;
let bureau = '';

beforeAll(async () => {
  t = await createTestDatabase({ seed: true });
  app = await buildApp({ db: t.db, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1 });
  await app.ready();
  bureau = await login('xian.xczx');
});
afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

async function call(token: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const response = await app.inject({ method, url: `${API_PREFIX}${url}`, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}
async function login(username: string): Promise<string> {
  const answer = await call(null, 'POST', '/auth/login', { username, password: DEMO_PASSWORD });
  expect(answer.status).toBe(200);
  return answer.body.token;
}
const departmentId = async (code: string) => (await t.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

describe('departments renamed and retired 部门更名和撤销', () => {
  it('renames a department, keeping its code, refusing its own name and another department’s; audited', async () => {
    const id = await departmentId('wj');
    const renamed = await call(bureau, 'PUT', `/admin/departments/${id}/name`, { departmentName: '卫生健康局' });
    expect(renamed).toMatchObject({ status: 200, body: { id, code: 'wj', name: '卫生健康局', retiredAt: null } });
    expect((await call(bureau, 'PUT', `/admin/departments/${id}/name`, { departmentName: '卫生健康局' })).body.message).toBe('新名称与现名称相同');
    expect(await call(bureau, 'PUT', `/admin/departments/${id}/name`, { departmentName: '民政局' })).toMatchObject({ status: 409, body: { message: '本县已有名为“民政局”的部门' } });
    const change = await t.db.selectFrom('admin_changes').select(['before', 'after']).where('action', '=', 'department.renamed').executeTakeFirstOrThrow();
    expect(change).toMatchObject({ before: { name: '卫健局' }, after: { name: '卫生健康局' } });
  });

  it('refuses to retire a department the policy in force has lead a measure', async () => {
    const refused = await call(bureau, 'POST', `/admin/departments/${await departmentId('mz')}/retire`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/^“民政局”仍是本县政策第\d+版帮扶措施目录中“.+”的牵头单位，请先发布改由其他部门牵头的政策版本再撤销$/);
  });

  it('retires a department only when no account is active in it; its webhook stops, it leaves the lists, and nothing of it changes again', async () => {
    const created = await call(bureau, 'POST', '/admin/departments', { departmentCode: 'xz', departmentName: '协作办' });
    const id = created.body.id as string;
    await call(bureau, 'PUT', `/admin/departments/${id}/webhook`, { url: 'http://127.0.0.1:9/xz' });
    const officer = await call(bureau, 'POST', '/admin/users', { username: 'bumen.xz', displayName: '协作办', role: 'department', jurisdictionId: '990101', departmentId: id, password: 'xiezuo-pass-01' });
    expect(officer.status).toBe(201);

    const refused = await call(bureau, 'POST', `/admin/departments/${id}/retire`);
    expect(refused).toMatchObject({ status: 409, body: { message: '“协作办”还有1 个在用账号（请先停用或调整），请先处理完毕再撤销' } });
    expect((await t.db.selectFrom('departments').select('retired_at').where('id', '=', id).executeTakeFirstOrThrow()).retired_at).toBeNull();

    expect((await call(bureau, 'POST', `/admin/users/${officer.body.id}/deactivate`)).status).toBe(200);
    const retired = await call(bureau, 'POST', `/admin/departments/${id}/retire`);
    expect(retired).toMatchObject({ status: 200, body: { id, name: '协作办', webhookUrl: null } });
    expect(retired.body.retiredAt).toEqual(expect.any(String));
    expect(await t.db.selectFrom('department_channels').select('id').where('department_id', '=', id).where('active', '=', true).execute()).toEqual([]);
    const listed = (await call(bureau, 'GET', '/admin/departments')).body as { id: string; retiredAt: string | null }[];
    expect(listed.find((d) => d.id === id)?.retiredAt).toBe(retired.body.retiredAt);
    expect(listed.at(-1)?.id).toBe(id);

    expect(await call(bureau, 'PUT', `/admin/departments/${id}/name`, { departmentName: '又改名' })).toMatchObject({ status: 409, body: { message: '“协作办”已撤销，不能再修改' } });
    expect((await call(bureau, 'POST', `/admin/departments/${id}/retire`)).body.message).toBe('“协作办”已撤销，不能再修改');
    expect((await call(bureau, 'POST', `/admin/users/${officer.body.id}/activate`)).body.message).toBe('“协作办”已撤销，不能再修改');
    const another = await call(bureau, 'POST', '/admin/users', { username: 'bumen.xz2', displayName: '协作办', role: 'department', jurisdictionId: '990101', departmentId: id, password: 'xiezuo-pass-02' });
    expect(another).toMatchObject({ status: 400, body: { message: '“协作办”已撤销，不能再修改' } });
    const actions = await t.db.selectFrom('admin_changes').select('action').where('subject_id', '=', id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['department.created', 'channel.set', 'channel.disabled', 'department.retired']);
  });

  it('is protected in the database too: no retirement while an account is active, no change of a retired one, no code change, no account brought back in it', async () => {
    const active = await departmentId('jy');
    await expect(sql`update departments set retired_at = now() where id = ${active}`.execute(t.owner)).rejects.toThrow(/still has active users/);
    await expect(sql`update departments set code = 'jy2' where id = ${active}`.execute(t.db)).rejects.toThrow(/code and county never change/);
    const retired = await departmentId('xz');
    await expect(sql`update departments set retired_at = null where id = ${retired}`.execute(t.owner)).rejects.toThrow(/is retired/);
    await expect(sql`update users set active = true where username = 'bumen.xz'`.execute(t.owner)).rejects.toThrow(/department .* is retired/);
    // A retired department's feed batch of the data comparison is refused as well.
    const uploader = await t.db.selectFrom('users').select('id').where('username', '=', 'xian.xczx').executeTakeFirstOrThrow();
    await expect(sql`
      insert into comparison_batches (county_id, feed, department_id, month, file_name, file_sha256, uploaded_by, received_at, rows_received, matched, unknown, rejected, no_consent, warnings, households_affected)
      values ('990101', 'xz_feed', ${retired}, '2026-11', 'xz.csv', ${'0'.repeat(64)}, ${uploader.id}, now(), 0, 0, 0, 0, 0, 0, 0)`.execute(t.db)).rejects.toThrow(/comparison_batches: department .* is retired/);
    expect(Number((await t.db.selectFrom('departments').select((eb) => eb.fn.countAll<string>().as('n')).where('code', '=', 'xz').executeTakeFirstOrThrow()).n)).toBe(1);
  });
});
