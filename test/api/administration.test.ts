import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, buildApp, type App } from '../../api/app.js';
import { bootstrapAdministrator } from '../../db/seed.js';
import { hashPassword } from '../../platform/passwords.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * A county from an empty database, through the API alone: the bootstrap
 * administrator, the county, its places, people, departments and channels —
 * and each bad request refused in words, writing nothing.
 */
let t: TestDatabase;
let app: App;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const hook = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.statusCode = req.url === '/broken' ? 500 : 204;
    res.end();
  });
});
let hookUrl = '';

beforeAll(async () => {
  t = await createTestDatabase({ seed: false });
  app = await buildApp({ db: t.db, temporal: {} as Client, taskQueue: 'unused', sessionTtlHours: 1 });
  await app.ready();
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app?.close();
  await new Promise((resolve) => hook.close(resolve));
  await t?.destroy();
});

async function call(token: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const response = await app.inject({ method, url: `${API_PREFIX}${url}`, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.body ? response.json() : null };
}
async function login(username: string, password: string): Promise<string> {
  const answer = await call(null, 'POST', '/auth/login', { username, password });
  expect(answer.status).toBe(200);
  return answer.body.token;
}
/** Logs in with the password an administrator gave and chooses a new one, as the console forces. */
async function firstLogin(username: string, given: string, chosen: string): Promise<string> {
  const token = await login(username, given);
  expect((await call(token, 'POST', '/auth/password', { currentPassword: given, newPassword: chosen })).status).toBe(204);
  return token;
}
const count = async (table: 'jurisdictions' | 'users' | 'admin_changes' | 'departments') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

let admin = '';
let bureau = '';

describe('a county from an empty database', () => {
  it('bootstraps one administrator, who must change the password before anything else, and never with the same one', async () => {
    expect(await bootstrapAdministrator(t.owner, 'admin', await hashPassword('first-secret-1'))).toBe(true);
    expect(await bootstrapAdministrator(t.owner, 'admin2', await hashPassword('first-secret-1'))).toBe(false);
    admin = await login('admin', 'first-secret-1');
    const blocked = await call(admin, 'GET', '/admin/counties');
    expect(blocked).toMatchObject({ status: 403, body: { message: '首次登录或密码重置后须先修改密码' } });
    const reused = await call(admin, 'POST', '/auth/password', { currentPassword: 'first-secret-1', newPassword: 'first-secret-1' });
    expect(reused).toMatchObject({ status: 400, body: { message: '新密码不能与当前密码相同' } });
    const wrong = await call(admin, 'POST', '/auth/password', { currentPassword: 'not-it-at-all', newPassword: 'second-secret-2' });
    expect(wrong.body.message).toBe('当前密码不正确');
    expect((await call(admin, 'POST', '/auth/password', { currentPassword: 'first-secret-1', newPassword: 'second-secret-2' })).status).toBe(204);
    expect((await call(admin, 'GET', '/admin/counties')).body).toEqual([]);
  });

  it('creates the county with its province and city, its own copy of the chosen profile from the month its document takes effect, and its first bureau user', async () => {
    const created = await call(admin, 'POST', '/admin/counties', {
      divisionCode: '440233000000',
      countyName: '新丰县',
      cityName: '韶关市',
      provinceName: '广东省',
      profileId: 'xinfeng',
      bureauUsername: 'xf.xczx',
      bureauDisplayName: '新丰县乡村振兴局',
      bureauPassword: 'given-pass-01',
    });
    expect(created).toMatchObject({ status: 201, body: { id: '440233', divisionCode: '440233000000', profileId: 'county-440233' } });
    const county = await t.db.selectFrom('jurisdictions').selectAll().where('id', '=', '440233').executeTakeFirstOrThrow();
    expect(county).toMatchObject({ parent_id: '4402', level: 'county', policy_profile_id: 'county-440233' });
    const profile = await t.db.selectFrom('policy_profiles').selectAll().where('id', '=', 'county-440233').executeTakeFirstOrThrow();
    // In force from the month the template's document takes effect (新丰县's: 2023-01), so the county can enter this year's line as a correction.
    expect(profile).toMatchObject({ version: 1, effective_from: '2023-01', county_name: '新丰县' });
    expect((profile.body as { thresholds: unknown }).thresholds).toBeDefined();
    const again = await call(admin, 'POST', '/admin/counties', { divisionCode: '440233000000', countyName: '重复县', cityName: '韶关市', provinceName: '广东省', profileId: 'xinfeng', bureauUsername: 'xf.other', bureauDisplayName: '某', bureauPassword: 'given-pass-01' });
    expect(again).toMatchObject({ status: 409, body: { message: '区划代码 440233000000 已被“新丰县”使用，不能重复登记' } });
    bureau = await firstLogin('xf.xczx', 'given-pass-01', 'bureau-pass-02');
  });
});

describe('places 地区', () => {
  it('adds a town and a village by their official codes, and numbers a village group', async () => {
    expect((await call(bureau, 'POST', '/admin/places', { parentId: '440233', level: 'town', divisionCode: '440233100000', placeName: '丰城街道' })).body).toMatchObject({ id: '440233100' });
    expect((await call(bureau, 'POST', '/admin/places', { parentId: '440233100', level: 'village', divisionCode: '440233100201', placeName: '城东村' })).body).toMatchObject({ id: '440233100201' });
    const group = await call(bureau, 'POST', '/admin/places', { parentId: '440233100201', level: 'group', placeName: '第一村民小组' });
    expect(group).toMatchObject({ status: 201, body: { id: '440233100201001', divisionCode: null } });
    const tree = await call(bureau, 'GET', '/places/tree');
    expect(tree.body.places.map((p: { id: string }) => p.id)).toEqual(['440233', '440233100', '440233100201', '440233100201001']);
  });

  it('refuses a duplicate code, a village under a village and a code not under its parent, in words, writing nothing', async () => {
    const [places, changes] = [await count('jurisdictions'), await count('admin_changes')];
    const duplicate = await call(bureau, 'POST', '/admin/places', { parentId: '440233', level: 'town', divisionCode: '440233100000', placeName: '又一个' });
    expect(duplicate).toMatchObject({ status: 409, body: { message: '区划代码 440233100000 已被“丰城街道”使用，不能重复登记' } });
    const underVillage = await call(bureau, 'POST', '/admin/places', { parentId: '440233100201', level: 'village', divisionCode: '440233100202', placeName: '村中村' });
    expect(underVillage).toMatchObject({ status: 400, body: { message: '村只能建在乡镇之下' } });
    const elsewhere = await call(bureau, 'POST', '/admin/places', { parentId: '440233100', level: 'village', divisionCode: '440233200201', placeName: '外镇村' });
    expect(elsewhere).toMatchObject({ status: 400, body: { message: '区划代码应以上级“丰城街道”的代码 440233100 开头' } });
    const notTownCode = await call(bureau, 'POST', '/admin/places', { parentId: '440233', level: 'town', divisionCode: '440233100201', placeName: '错级' });
    expect(notTownCode.body.message).toBe('该代码不是乡镇级区划代码：乡镇代码第7至9位不能全为0，后3位应为0');
    const short = await call(bureau, 'POST', '/admin/places', { parentId: '440233', level: 'town', divisionCode: '4402331', placeName: '短码' });
    expect(short).toMatchObject({ status: 400, body: { details: [{ label: '区划代码', message: '区划代码应为12位数字（统计用区划代码）' }] } });
    expect([await count('jurisdictions'), await count('admin_changes')]).toEqual([places, changes]);
  });

  it('renames and retires a place, never one that something still refers to', async () => {
    expect((await call(bureau, 'POST', '/admin/places/440233100201/rename', { placeName: '城东社区' })).body.name).toBe('城东社区');
    const busy = await call(bureau, 'POST', '/admin/places/440233100201/retire');
    expect(busy).toMatchObject({ status: 400, body: { message: '该地区下还有 1 个未撤销的下级地区，请先撤销下级' } });
    expect((await call(bureau, 'POST', '/admin/places/440233100201001/retire')).body.retired).toBe(true);
    expect((await call(bureau, 'GET', '/places/tree')).body.places).toHaveLength(3);
    expect((await call(bureau, 'GET', '/places/tree?all=1')).body.places).toHaveLength(4);
  });
});

describe('people 用户', () => {
  it('creates a village cadre who must change the password; a deactivated one cannot log in and is told why', async () => {
    const created = await call(bureau, 'POST', '/admin/users', { username: 'cd.cadre', displayName: '城东村干部', role: 'village_cadre', jurisdictionId: '440233100201', password: 'cadre-pass-01' });
    expect(created).toMatchObject({ status: 201, body: { mustChangePassword: true, active: true } });
    const misplaced = await call(bureau, 'POST', '/admin/users', { username: 'cd.wrong', displayName: '错位', role: 'village_cadre', jurisdictionId: '440233100', password: 'cadre-pass-01' });
    expect(misplaced.body.message).toBe('“村干部”账号应设在村或村民小组');
    const weak = await call(bureau, 'POST', '/admin/users', { username: 'cd.weak', displayName: '弱', role: 'town_officer', jurisdictionId: '440233100', password: 'short' });
    expect(weak.body.message).toBe('密码至少10位');
    const cadre = await login('cd.cadre', 'cadre-pass-01');
    expect((await call(cadre, 'GET', '/places/tree')).status).toBe(403);
    expect((await call(bureau, 'POST', `/admin/users/${created.body.id}/deactivate`)).body.active).toBe(false);
    expect((await call(cadre, 'GET', '/auth/me')).status).toBe(401);
    const refusedLogin = await call(null, 'POST', '/auth/login', { username: 'cd.cadre', password: 'cadre-pass-01' });
    expect(refusedLogin).toMatchObject({ status: 403, body: { message: '该账号已停用，请联系县乡村振兴局' } });
    const wrongPassword = await call(null, 'POST', '/auth/login', { username: 'cd.cadre', password: 'guess-guess-1' });
    expect(wrongPassword.body.message).toBe('用户名或密码不正确');
    expect((await call(bureau, 'POST', `/admin/users/${created.body.id}/activate`)).body.active).toBe(true);
    expect((await call(bureau, 'POST', `/admin/users/${created.body.id}/password`, { password: 'reset-pass-03' })).body.mustChangePassword).toBe(true);
    await firstLogin('cd.cadre', 'reset-pass-03', 'cadre-own-04');
  });

  it('refuses a village cadre the administration', async () => {
    const cadre = await login('cd.cadre', 'cadre-own-04');
    const answer = await call(cadre, 'POST', '/admin/places', { parentId: '440233', level: 'town', divisionCode: '440233101000', placeName: '某镇' });
    expect(answer).toMatchObject({ status: 403, body: { message: '“村干部”不能办理“县级系统管理（地区、用户、部门）”' } });
  });
});

describe('departments and channels 部门与消息推送', () => {
  it('sets a webhook with its secret, posts a signed test message to it, and disables it', async () => {
    const department = await call(bureau, 'POST', '/admin/departments', { departmentCode: 'mz', departmentName: '民政局' });
    expect(department.status).toBe(201);
    const id = department.body.id as string;
    expect((await call(bureau, 'POST', '/admin/departments', { departmentCode: 'mz', departmentName: '又一个' })).body.message).toBe('部门代码 mz 已被“民政局”使用');
    const secret = 'a-secret-of-16-chars';
    expect((await call(bureau, 'PUT', `/admin/departments/${id}/webhook`, { url: `${hookUrl}/mz`, secret })).body).toMatchObject({ webhookUrl: `${hookUrl}/mz`, webhookSigned: true });
    const test = await call(bureau, 'POST', `/admin/departments/${id}/webhook/test`);
    expect(test.body).toEqual({ delivered: true, status: 204, message: '测试消息已送达（对方应答 204）' });
    const got = received.at(-1)!;
    expect(JSON.parse(got.body)).toMatchObject({ kind: 'channel.test', title: '【测试消息】守底系统消息推送测试' });
    expect(got.headers['x-shoudi-signature']).toBe(`sha256=${createHmac('sha256', secret).update(got.body).digest('hex')}`);
    await call(bureau, 'PUT', `/admin/departments/${id}/webhook`, { url: `${hookUrl}/broken` });
    expect((await call(bureau, 'POST', `/admin/departments/${id}/webhook/test`)).body).toMatchObject({ delivered: false, message: '测试消息未送达：对方应答 500' });
    expect((await call(bureau, 'POST', `/admin/departments/${id}/webhook/disable`)).body.webhookUrl).toBeNull();
    expect((await call(bureau, 'POST', `/admin/departments/${id}/webhook/test`)).body.message).toBe('该部门尚未设置消息推送地址');
  });
});

describe('the audit 管理操作记录', () => {
  it('shows the county bureau who changed what, before and after, newest first', async () => {
    const { body } = await call(bureau, 'GET', '/admin/changes?limit=200');
    const renamed = body.items.find((c: { action: string }) => c.action === 'place.renamed');
    expect(renamed).toMatchObject({ actionName: '地区更名', subjectId: '440233100201', by: { username: 'xf.xczx' }, before: { name: '城东村' }, after: { name: '城东社区' } });
    const channel = body.items.find((c: { action: string }) => c.action === 'channel.set');
    expect(JSON.stringify(channel)).not.toContain('a-secret-of-16-chars');
    expect(body.items.map((c: { action: string }) => c.action)).toEqual(expect.arrayContaining(['county.created', 'place.created', 'place.retired', 'user.created', 'user.deactivated', 'user.password_reset', 'user.password_changed', 'channel.tested', 'channel.disabled']));
  });
});
