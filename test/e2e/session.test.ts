import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/api.js';
import { useApiOnly } from '../helpers/stack.js';

// Logging in and out never reaches Temporal: the API and its database are enough.
const stack = useApiOnly();

const sessionsOf = (username: string) =>
  stack.t.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.revoked_at', 's.expires_at'])
    .where('u.username', '=', username)
    .orderBy('s.created_at')
    .execute();

describe('GET /auth/me', () => {
  it('answers the logged-in user as the login did: a village cadre, and a department user with its department', async () => {
    const { api, t } = stack;
    const cadre = await api.call('POST', '/auth/login', { body: { username: 'cun.donggang', password: DEMO_PASSWORD } });
    expect(cadre.status).toBe(200);
    const cadreRow = await t.db.selectFrom('users').select('id').where('username', '=', 'cun.donggang').executeTakeFirstOrThrow();
    const me = await api.call('GET', '/auth/me', { token: cadre.body.token });
    expect(me).toMatchObject({ status: 200 });
    expect(me.body).toEqual({ id: cadreRow.id, username: 'cun.donggang', displayName: '东岗村 村干部', role: 'village_cadre', jurisdictionId: '990101001201', departmentId: null, mustChangePassword: false });
    expect(me.body).toEqual(cadre.body.user);

    const mz = await t.db.selectFrom('departments').select('id').where('county_id', '=', '990101').where('code', '=', 'mz').executeTakeFirstOrThrow();
    const department = await api.call('GET', '/auth/me', { token: await api.login('BUMEN.MZ ') });
    expect(department.body).toMatchObject({ username: 'bumen.mz', displayName: '民政局', role: 'department', jurisdictionId: '990101', departmentId: mz.id });
  });

  it('refuses without a token, with a malformed one, an expired one, and for a deactivated user', async () => {
    const { api, t } = stack;
    expect(await api.call('GET', '/auth/me')).toMatchObject({ status: 401, body: { error: 'NOT_LOGGED_IN', message: '请先登录' } });
    expect(await api.call('GET', '/auth/me', { token: 'short' })).toMatchObject({ status: 401, body: { message: '请先登录' } });
    expect(await api.call('GET', '/auth/me', { token: 'a'.repeat(43) })).toMatchObject({ status: 401, body: { message: '登录已过期，请重新登录' } });

    const expiring = await api.login('zhen.xiling');
    const user = await t.db.selectFrom('users').select('id').where('username', '=', 'zhen.xiling').executeTakeFirstOrThrow();
    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 60_000) }).where('user_id', '=', user.id).execute();
    expect(await api.call('GET', '/auth/me', { token: expiring })).toMatchObject({ status: 401, body: { message: '登录已过期，请重新登录' } });

    const deactivated = await api.login('lingdao');
    await t.db.updateTable('users').set({ active: false }).where('username', '=', 'lingdao').execute();
    try {
      expect(await api.call('GET', '/auth/me', { token: deactivated })).toMatchObject({ status: 401, body: { message: '登录已过期，请重新登录' } });
      // Whoever knows the password learns the account is disabled (issue #13); a wrong password still learns nothing.
      expect(await api.call('POST', '/auth/login', { body: { username: 'lingdao', password: DEMO_PASSWORD } })).toMatchObject({
        status: 403,
        body: { message: '该账号已停用，请联系县乡村振兴局' },
      });
    } finally {
      await t.db.updateTable('users').set({ active: true }).where('username', '=', 'lingdao').execute();
    }
    expect((await api.call('GET', '/auth/me', { token: deactivated })).status).toBe(200);
  });
});

describe('POST /auth/logout', () => {
  it('ends that session only: its token is refused everywhere from then on, the same user’s other session goes on', async () => {
    const { api } = stack;
    const first = await api.login('cun.hekou');
    const second = await api.login('cun.hekou');
    expect((await sessionsOf('cun.hekou')).map((s) => s.revoked_at)).toEqual([null, null]);

    const out = await api.call('POST', '/auth/logout', { token: first });
    expect(out.status).toBe(204);
    expect(out.body).toBeUndefined();
    const sessions = await sessionsOf('cun.hekou');
    expect(sessions.map((s) => s.revoked_at !== null)).toEqual([true, false]);

    expect(await api.call('GET', '/auth/me', { token: first })).toMatchObject({ status: 401, body: { message: '登录已过期，请重新登录' } });
    expect(await api.call('GET', '/households', { token: first })).toMatchObject({ status: 401, body: { message: '登录已过期，请重新登录' } });
    expect(await api.call('POST', '/auth/logout', { token: first })).toMatchObject({ status: 401, body: { message: '登录已过期，请重新登录' } });
    // Logging out twice does not move the first revocation.
    expect((await sessionsOf('cun.hekou'))[0]!.revoked_at).toEqual(sessions[0]!.revoked_at);

    expect(await api.call('GET', '/auth/me', { token: second })).toMatchObject({ status: 200, body: { username: 'cun.hekou' } });
  });

  it('refuses without a session, and a login with bad input or a wrong password creates none', async () => {
    const { api, t } = stack;
    expect(await api.call('POST', '/auth/logout')).toMatchObject({ status: 401, body: { message: '请先登录' } });
    const before = await t.db.selectFrom('sessions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

    const bad = await api.call('POST', '/auth/login', { body: { username: '  ', password: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('填写的内容有误：请填写用户名；请填写密码');
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['body.username', 'body.password']);
    expect(await api.call('POST', '/auth/login', { body: { username: 'ducha', password: 'wrong-password' } })).toMatchObject({
      status: 401,
      body: { error: 'BAD_CREDENTIALS', message: '用户名或密码不正确' },
    });

    const after = await t.db.selectFrom('sessions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
