import { Client, Connection } from '@temporalio/client';
import { describe, expect, it, vi } from 'vitest';
import { checkCharacter } from '../../domain/id-number.js';
import { startApi } from '../helpers/api.js';
import { useStack } from '../helpers/stack.js';

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

    await vi.waitFor(
      async () => {
        const file = await api.call('GET', `/households/${created.body.id}/file`, { token });
        expect(file.status).toBe(200);
        expect(file.body.household).toMatchObject({ townId: '990101001', countyId: '990101', stage: 'registered', headName: '赵六' });
        expect(file.body.events).toEqual([
          expect.objectContaining({ kind: 'household.registered', kindName: '建档登记', details: { channel: 'application' }, actor: expect.objectContaining({ name: '东岗村 村干部' }) }),
        ]);
      },
      { timeout: 15_000, interval: 200 },
    );
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
    expect(added).toMatchObject({ status: 201, body: { idNumber: '440923********351' + idNumber.slice(17), birthDate: '1985-03-07', sex: 'male' } });

    const elsewhere = await api.call('POST', `/households/${second}/members`, { token, body: { ...member, name: '周一' } });
    expect(elsewhere).toMatchObject({ status: 409, body: { message: '此人已登记在东城镇东岗村户主为“周一”的家庭中，同一人不能同时在两户' } });

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
