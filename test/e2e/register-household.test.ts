import { Client, Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { createDeadlineActivities } from '../../activities/deadlines.js';
import { checkCharacter } from '../../domain/people/id-number.js';
import { startApi } from '../helpers/api.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'dev', api: true });

describe('through the HTTP API, a worker and the Temporal dev server', () => {
  it('reports each part healthy', async () => {
    const { api } = stack;
    const health = await api.call('GET', '/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', api: 'up', database: 'up', temporal: 'up' } });
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('registers a household: 202 with its location, a running workflow, and the first entry of its file in PostgreSQL', async () => {
    const { api, env } = stack;
    const token = await api.login('cun.donggang');
    const created = await api.call('POST', '/households', {
      token,
      body: { villageId: '990101001201', groupId: '990101001201002', address: '东岗村二组3号', headName: '赵六', category: 'unstable', channel: 'application' },
    });
    expect(created.status).toBe(202);
    expect(created.headers.get('location')).toBe(`/households/${created.body.id}`);
    expect(created.body.workflowId).toBe(`household-${created.body.id}`);

    const description = await env.client.workflow.getHandle(created.body.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');

    await eventually(
      async () => {
        const file = await api.call('GET', `/households/${created.body.id}/file`, { token });
        expect(file.status).toBe(200);
        expect(file.body.household).toMatchObject({ townId: '990101001', countyId: '990101', stage: 'registered', headName: '赵六' });
        expect(file.body.events).toEqual([
          expect.objectContaining({ kind: 'household.registered', kindName: '建档登记', details: { channel: 'application' }, actor: expect.objectContaining({ name: '东岗村 村干部' }) }),
        ]);
      });
  });

  it('pairs a household with its 帮扶责任人: its open items move to that person, the file records it, the wrong person is refused', async () => {
    const { api, t } = stack;
    const idOf = async (username: string) => (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    const [cadre, town, otherVillage, otherTown, department] = await Promise.all(['cun.donggang', 'zhen.dongcheng', 'cun.hekou', 'zhen.xiling', 'bumen.mz'].map(idOf));
    const token = await api.login('cun.donggang');
    const created = await api.call('POST', '/households', {
      token,
      body: { villageId: '990101001201', address: '东岗村一组8号', headName: '孙八', category: 'unstable', channel: 'cadre_visit' },
    });
    const id = created.body.id as string;
    const openItems = () => t.db.selectFrom('due_items').select(['kind', 'responsible_user_id']).where('household_id', '=', id).where('status', '=', 'open').execute();
    await eventually(async () => expect((await openItems()).length).toBeGreaterThan(0));
    expect((await openItems()).every((i) => i.responsible_user_id === null)).toBe(true);

    const assign = (userId: string | null, as = token) => api.call('PUT', `/households/${id}/responsible`, { token: as, body: { userId } });
    expect(await assign(department!)).toMatchObject({ status: 400, body: { message: '帮扶责任人须为村干部或乡镇干部（由他们入户走访、更新月度信息）' } });
    expect(await assign(otherVillage!)).toMatchObject({ status: 400, body: { message: '帮扶责任人须为该户所在村或乡镇的干部' } });
    expect(await assign(otherTown!)).toMatchObject({ status: 400, body: { message: '帮扶责任人须为该户所在村或乡镇的干部' } });
    expect(await assign('5f0c8a0e-0000-4000-8000-000000000000')).toMatchObject({ status: 400, body: { message: '找不到该用户，或该账号已停用' } });
    expect((await assign('not-a-user')).status).toBe(400);
    expect((await assign(cadre!, await api.login('bumen.mz'))).status).toBe(403);
    expect((await assign(cadre!, await api.login('cun.hekou'))).status).toBe(403);
    expect((await openItems()).every((i) => i.responsible_user_id === null)).toBe(true);

    expect(await assign(cadre!)).toMatchObject({ status: 200, body: { id, responsible: { id: cadre, name: '东岗村 村干部' } } });
    expect((await openItems()).every((i) => i.responsible_user_id === cadre)).toBe(true);
    const townToken = await api.login('zhen.dongcheng');
    const mine = await api.call('GET', `/due-items?responsibleUserId=${cadre}`, { token: townToken });
    expect(mine.body.items.filter((i: { household: { id: string } | null }) => i.household?.id === id).map((i: { responsible: unknown }) => i.responsible)).toEqual(
      (await openItems()).map(() => ({ id: cadre, name: '东岗村 村干部' })),
    );
    // An item opened later carries the person too.
    await createDeadlineActivities({ db: t.db }).openHouseholdDueItems({
      items: [{ key: `household:${id}:monthly_visit:2099-01`, kind: 'monthly_visit', householdId: id, period: '2099-01', dueAt: Date.parse('2099-01-31T16:00:00Z') }],
      openedAt: Date.now(),
    });
    expect((await openItems()).every((i) => i.responsible_user_id === cadre)).toBe(true);

    // The town moves the pairing: the open items follow; then no one.
    expect(await assign(town!, townToken)).toMatchObject({ status: 200, body: { responsible: { id: town } } });
    expect((await openItems()).every((i) => i.responsible_user_id === town)).toBe(true);
    expect((await api.call('GET', `/due-items?responsibleUserId=${cadre}`, { token: townToken })).body.items.some((i: { household: { id: string } | null }) => i.household?.id === id)).toBe(false);
    expect(await assign(null, townToken)).toMatchObject({ status: 200, body: { responsible: null } });
    expect((await openItems()).every((i) => i.responsible_user_id === null)).toBe(true);

    const file = await api.call('GET', `/households/${id}/file`, { token });
    const changes = file.body.events.filter((e: { kind: string }) => e.kind === 'household.responsible_assigned');
    expect(changes.map((e: { kindName: string; details: { responsible: { id: string } | null }; actor: { id: string } }) => [e.kindName, e.details.responsible?.id ?? null, e.actor.id])).toEqual([
      ['帮扶责任人调整', cadre, cadre],
      ['帮扶责任人调整', town, town],
      ['帮扶责任人调整', null, town],
    ]);
  });

  it('refuses without a login, outside the jurisdiction, and on bad input, writing nothing', async () => {
    const { api, t } = stack;
    const before = await t.db.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const body = { villageId: '990101002201', address: '岭上村5号', headName: '钱七', category: 'marginal' };
    expect(await api.call('POST', '/households', { body })).toMatchObject({ status: 401, body: { message: '请先登录' } });

    const token = await api.login('cun.donggang');
    expect(await api.call('POST', '/households', { token, body })).toMatchObject({ status: 403, body: { message: '该户不在您的管辖范围内' } });

    const bad = await api.call('POST', '/households', { token, body: { villageId: '990101001201', address: ' ', category: 'poor' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('请填写住址');
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['body.address', 'body.headName', 'body.category']);

    const wrongGroup = await api.call('POST', '/households', { token, body: { ...body, villageId: '990101001201', groupId: '990101001202001' } });
    expect(wrongGroup).toMatchObject({ status: 400, body: { message: '所选村民小组、村、乡镇和县不属于同一上下级关系' } });

    const after = await t.db.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('answers 503 and names Temporal when Temporal cannot be reached', async () => {
    const { t, taskQueue } = stack;
    const unreachable = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 }) });
    const broken = await startApi({ db: t.db, temporal: unreachable, taskQueue });
    try {
      expect(await broken.call('GET', '/health')).toMatchObject({
        status: 503,
        body: { status: 'degraded', api: 'up', database: 'up', temporal: 'down' },
      });
    } finally {
      await broken.close();
    }
  });

  it('registers members with checked ID numbers, one household per person, masked in lists and in the file', async () => {
    const { api } = stack;
    const token = await api.login('cun.donggang');
    const register = (headName: string) =>
      api.call('POST', '/households', { token, body: { villageId: '990101001201', address: '东岗村一组1号', headName, category: 'lifted_out' } });
    const first = (await register('周一')).body.id as string;
    const second = (await register('吴二')).body.id as string;
    const first17 = '44092319850307351';
    const idNumber = `${first17}${checkCharacter(first17)}`;
    const member = { name: '周一', idNumber, relation: 'head', labourAbility: 'capable' };

    const added = await api.call('POST', `/households/${first}/members`, { token, body: member });
    expect(added).toMatchObject({ status: 201, body: { idNumber: '440923************', birthDate: '1985-03-07', sex: 'male' } });

    const elsewhere = await api.call('POST', `/households/${second}/members`, { token, body: { ...member, name: '周一' } });
    expect(elsewhere).toMatchObject({ status: 409, body: { message: '此人已登记在东城镇东岗村户主为“周一”的家庭中，同一人不能同时在两户' } });
    // A cadre of another village is refused too, but not told where the person lives nor who heads that household.
    const hekou = await api.login('cun.hekou');
    const theirs = (await api.call('POST', '/households', { token: hekou, body: { villageId: '990101001202', address: '河口村1号', headName: '郑三', category: 'lifted_out' } })).body.id as string;
    const outside = await api.call('POST', `/households/${theirs}/members`, { token: hekou, body: { ...member, name: '周一' } });
    expect(outside).toMatchObject({ status: 409, body: { message: '此人已登记在其他家庭中，同一人不能同时在两户' } });
    expect(JSON.stringify(outside.body)).not.toMatch(/东岗村|周一/);

    const wrongCheck = `${first17}${checkCharacter(first17) === '0' ? '1' : '0'}`;
    const bad = await api.call('POST', `/households/${second}/members`, { token, body: { ...member, idNumber: wrongCheck } });
    expect(bad).toMatchObject({ status: 400, body: { error: 'INVALID_ID_NUMBER' } });

    const members = await api.call('GET', `/households/${first}/members`, { token });
    expect(members.body).toHaveLength(1);
    expect(JSON.stringify(members.body)).not.toContain(idNumber);
    const file = await api.call('GET', `/households/${first}/file`, { token });
    expect(JSON.stringify(file.body)).not.toContain(idNumber);
    expect(file.body.events.map((e: { kind: string }) => e.kind)).toContain('member.added');
    expect(await api.call('GET', `/households/${second}/members`, { token })).toMatchObject({ status: 200, body: [] });

    // Search by ID number (lower-case x accepted) and by a member's name; other villages see nothing.
    const byId = await api.call('GET', `/households?idNumber=${idNumber.toLowerCase()}`, { token });
    expect(byId.body.items.map((h: { id: string }) => h.id)).toEqual([first]);
    const other17 = '44092319900101002';
    const nobody = await api.call('GET', `/households?idNumber=${other17}${checkCharacter(other17)}`, { token });
    expect(nobody).toMatchObject({ status: 200, body: { total: 0, items: [] } });
    const malformed = await api.call('GET', '/households?idNumber=4409231985', { token });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('身份证号码应为18位');
    const elsewhereCadre = await api.login('cun.hekou');
    expect((await api.call('GET', `/households?idNumber=${idNumber}`, { token: elsewhereCadre })).body.total).toBe(0);
    await api.call('POST', `/households/${second}/members`, { token, body: { name: '郑三妹', idNumber: `${other17}${checkCharacter(other17)}`, relation: 'spouse', labourAbility: 'capable' } });
    const byMemberName = await api.call('GET', `/households?name=${encodeURIComponent('三妹')}`, { token });
    expect(byMemberName.body.items.map((h: { id: string }) => h.id)).toEqual([second]);
  });
});
