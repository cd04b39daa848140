import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../domain/people/id-number.js';
import { DEADLINE_CALENDAR } from '../../domain/deadlines/calendar.js';
import { resolveDue } from '../../domain/deadlines/rules.js';
import { formatLocalDate } from '../../domain/calendar/dates.js';
import { DONGCHENG, DONGGANG, loginAll, monitoredHousehold, registerHousehold } from '../helpers/journeys.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';

const stack = useStack({ server: 'dev', api: true, beforeStart: (t) => demoCountyWithoutNotice(t.db, 'e2e-self-report') });

const HEKOU = '990101001202';
const idNumber = (seq: number) => {
  const first17 = `99010119${50 + Math.floor(seq / 1000)}0101${String(seq % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const form = (code: string, over: Record<string, unknown> = {}) => ({
  villageCode: code,
  headName: '周九',
  idNumber: idNumber(101),
  phone: '139 0000 0001',
  villageId: HEKOU,
  riskCauses: ['illness'],
  statement: '户主突发重病住院，家里没有收入',
  consent: true,
  ...over,
});
const countReports = async () => Number((await sql<{ n: string }>`select count(*) as n from self_reports`.execute(stack.t.owner)).rows[0]!.n);
/** Each case starts with a fresh limit window (the counters are shared by every API process, so the test clears them as the owner). */
const clearLimits = () => sql`delete from public_rate_counts`.execute(stack.t.owner);

async function codes(token: string): Promise<Record<string, string>> {
  const cards = await stack.api.call('GET', '/notice-cards', { token });
  expect(cards.status).toBe(200);
  return Object.fromEntries((cards.body.villages as { villageId: string; code: string }[]).map((v) => [v.villageId, v.code]));
}

describe('household self-report 农户自主申报 over HTTP', () => {
  it('routes a registered household’s report to its own village, opens a discovery, runs the township’s clock, and shows the household its progress', async () => {
    const { api } = stack;
    await clearLimits();
    const tokens = await loginAll(api);
    const id = await registerHousehold(api, tokens, '周九');
    const member = await api.call('POST', `/households/${id}/members`, {
      token: tokens.cadre,
      body: { name: '周九', idNumber: idNumber(101), relation: 'head', labourAbility: 'capable' },
    });
    expect(member.status).toBe(201);
    const byVillage = await codes(tokens.town);
    expect(Object.keys(byVillage)).toEqual(expect.arrayContaining([DONGGANG, HEKOU]));

    // The card of 河口村 was scanned, but the person lives in 东岗村: the report goes there, not refused.
    const places = await api.call('GET', `/public/report-places/${byVillage[HEKOU]}`);
    expect(places).toMatchObject({ status: 200, body: { villageId: HEKOU, villageName: '河口村', countyName: '示范县', hotline: '12317', visitWorkingDays: 2 } });
    const sent = await api.call('POST', '/public/reports', { body: form(byVillage[HEKOU]!) });
    expect(sent).toMatchObject({ status: 200, body: { villageName: '东岗村', repeated: false } });
    const receiptNo = sent.body.receiptNo as string;
    // The last day of the deadline (the township has until the end of that day).
    const expected = formatLocalDate(resolveDue({ kind: 'working_days_after', days: 2 }, Date.parse(sent.body.receivedAt as string), DEADLINE_CALENDAR).date);
    expect(sent.body.visitBy).toBe(expected);

    const identification = await api.call('GET', `/households/${id}/identification`, { token: tokens.cadre });
    expect(identification.body).toMatchObject({ stage: 'identifying', case: { channels: ['application'] } });

    const villageList = await api.call('GET', '/self-reports', { token: tokens.cadre });
    expect(villageList.body.items).toEqual([expect.objectContaining({ receiptNo, householdId: id, discovery: 'opened', status: 'received', visitBy: expected, idNumber: expect.stringContaining('********') })]);
    expect((await api.call('GET', '/self-reports', { token: (await api.login('cun.hekou')) })).body.total).toBe(0);
    const townItems = await api.call('GET', `/due-items?kind=self_report_visit&townId=${DONGCHENG}`, { token: tokens.town });
    expect(townItems.body.items).toEqual([expect.objectContaining({ household: expect.objectContaining({ id }), dueAt: expect.any(String) })]);
    const inbox = await api.call('GET', '/notifications', { token: tokens.cadre });
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toContain('农户自主申报：东岗村');

    // The same household reporting again from the same phone gets its first receipt.
    expect(await api.call('POST', '/public/reports', { body: form(byVillage[HEKOU]!) })).toMatchObject({ status: 200, body: { receiptNo, repeated: true } });

    const status = (phone: string) => api.call('POST', '/public/reports/status', { body: { receiptNo, phone } });
    expect(await status('13900000001')).toMatchObject({ status: 200, body: { status: 'received', villageName: '东岗村', visitBy: expected } });
    expect(await status('13900000002')).toMatchObject({ status: 404, body: { message: '没有找到这张回执，请核对回执号和申报时填写的电话' } });

    const reportId = villageList.body.items[0].id as string;
    expect((await api.call('POST', `/self-reports/${reportId}/visit`, { token: tokens.cadre, body: { visitNote: '已入户，情况属实' } })).status).toBe(204);
    expect((await api.call('POST', `/self-reports/${reportId}/visit`, { token: tokens.cadre, body: { visitNote: '再次' } })).status).toBe(409);
    expect(await status('13900000001')).toMatchObject({ status: 200, body: { status: 'under_review' } });
    expect((await api.call('GET', `/due-items?kind=self_report_visit&townId=${DONGCHENG}`, { token: tokens.town })).body.total).toBe(0);
  });

  it('joins a case in progress; a monitored household’s report opens none and still reaches its village', async () => {
    const { api } = stack;
    await clearLimits();
    const tokens = await loginAll(api);
    const byVillage = await codes(tokens.town);
    const addHead = (id: string, name: string, seq: number) =>
      api.call('POST', `/households/${id}/members`, { token: tokens.cadre, body: { name, idNumber: idNumber(seq), relation: 'head', labourAbility: 'capable' } });

    const open = await registerHousehold(api, tokens, '郑一');
    expect((await addHead(open, '郑一', 111)).status).toBe(201);
    expect((await api.call('POST', `/households/${open}/identification`, { token: tokens.cadre, body: { channel: 'cadre_visit', reason: '走访发现' } })).status).toBe(200);
    expect((await api.call('POST', '/public/reports', { body: form(byVillage[DONGGANG]!, { idNumber: idNumber(111), phone: '13900000111', headName: '郑一' }) })).status).toBe(200);
    expect((await api.call('GET', `/households/${open}/identification`, { token: tokens.cadre })).body).toMatchObject({ case: { caseNo: 1, channels: ['cadre_visit', 'application'] } });

    const monitored = await monitoredHousehold(api, tokens, '王二');
    expect((await addHead(monitored, '王二', 112)).status).toBe(201);
    const sent = await api.call('POST', '/public/reports', { body: form(byVillage[DONGGANG]!, { idNumber: idNumber(112), phone: '13900000112', headName: '王二' }) });
    expect(sent).toMatchObject({ status: 200, body: { villageName: '东岗村' } });
    const list = (await api.call('GET', '/self-reports', { token: tokens.cadre })).body.items as { headName: string; discovery: string; status: string }[];
    expect(list.find((r) => r.headName === '郑一')).toMatchObject({ discovery: 'joined' });
    expect(list.find((r) => r.headName === '王二')).toMatchObject({ discovery: 'not_opened', status: 'received' });
    expect((await api.call('GET', `/households/${monitored}`, { token: tokens.cadre })).body).toMatchObject({ stage: 'monitoring' });
  });

  it('keeps an unregistered household as a candidate of the village it chose, with its consent on file', async () => {
    const { api } = stack;
    await clearLimits();
    const town = await api.login('zhen.dongcheng');
    const byVillage = await codes(town);
    const sent = await api.call('POST', '/public/reports', { body: form(byVillage[DONGGANG]!, { idNumber: idNumber(202), phone: '13900000202', headName: '吴十' }) });
    expect(sent).toMatchObject({ status: 200, body: { villageName: '河口村' } });
    const hekou = await api.call('GET', '/self-reports', { token: await api.login('cun.hekou') });
    expect(hekou.body.items).toEqual([expect.objectContaining({ headName: '吴十', discovery: 'candidate', householdId: null })]);
    const consents = await sql<{ source: string; covers: string[] }>`select source, covers from data_consents where subject_id_number = ${idNumber(202)}`.execute(stack.t.owner);
    expect(consents.rows).toEqual([expect.objectContaining({ source: 'self_report', covers: expect.arrayContaining(['income', 'assets']) })]);
  });

  it('answers bad input in words and writes nothing', async () => {
    const { api } = stack;
    await clearLimits();
    const byVillage = await codes(await api.login('zhen.dongcheng'));
    const before = await countReports();
    const wrongDigit = idNumber(303).slice(0, 17) + (idNumber(303).endsWith('1') ? '2' : '1');
    const bad = await api.call('POST', '/public/reports', { body: form(byVillage[DONGGANG]!, { idNumber: wrongDigit, phone: '13900000303' }) });
    expect(bad).toMatchObject({ status: 400 });
    expect(bad.body.message).toContain('校验位不正确');
    expect(await api.call('GET', '/public/report-places/ZZZZZZ')).toMatchObject({ status: 404, body: { message: expect.stringContaining('没有找到这个村的申报码') } });
    expect((await api.call('POST', '/public/reports', { body: form('ZZZZZZ', { idNumber: idNumber(304), phone: '13900000304' }) })).status).toBe(404);
    const noConsent = await api.call('POST', '/public/reports', { body: form(byVillage[DONGGANG]!, { consent: false, idNumber: idNumber(305), phone: '13900000305' }) });
    expect(noConsent.body.message).toContain('请阅读并勾选承诺授权');
    const elsewhere = await api.call('POST', '/public/reports', { body: form(byVillage[DONGGANG]!, { villageId: '110101001001', idNumber: idNumber(306), phone: '13900000306' }) });
    expect(elsewhere).toMatchObject({ status: 400, body: { message: '请从列表中选择您家所在的村' } });
    const badPhone = await api.call('POST', '/public/reports', { body: form(byVillage[DONGGANG]!, { phone: '12345', idNumber: idNumber(307) }) });
    expect(badPhone.body.message).toContain('请填写正确的手机号码');
    expect(await countReports()).toBe(before);
  });

  it('asks for a sum after a few reports from one address and refuses past the limit: 1,000 reports keep only those let through', async () => {
    const { api } = stack;
    await clearLimits();
    const byVillage = await codes(await api.login('zhen.dongcheng'));
    const before = await countReports();
    const answers: number[] = [];
    for (let i = 0; i < 1000; i += 25) {
      const batch = await Promise.all(
        Array.from({ length: 25 }, (_, j) => api.call('POST', '/public/reports', { body: form(byVillage[DONGGANG]!, { idNumber: idNumber(400 + i + j), phone: `139${String(10_000_000 + i + j)}` }) })),
      );
      answers.push(...batch.map((r) => r.status));
    }
    expect(answers.filter((s) => s === 200)).toHaveLength(5);
    expect(answers.filter((s) => s === 428).length).toBe(55);
    expect(answers.filter((s) => s === 429).length).toBe(940);
    expect(await countReports()).toBe(before + 5);

    // A person behind the same address who solves the sum gets through while under the hard limit.
    await clearLimits();
    for (let i = 0; i < 5; i++) await api.call('POST', '/public/reports/status', { body: { receiptNo: '20261201-AAAAAA', phone: '13900000001' } });
    for (let i = 0; i < 15; i++) await api.call('POST', '/public/reports/status', { body: { receiptNo: '20261201-AAAAAA', phone: '13900000001' } });
    const asked = await api.call('POST', '/public/reports/status', { body: { receiptNo: '20261201-AAAAAA', phone: '13900000001' } });
    expect(asked).toMatchObject({ status: 428, body: { error: 'CHALLENGE_REQUIRED', question: expect.stringMatching(/^\d+ \+ \d+ = \?$/) } });
    const [a, b] = (asked.body.question as string).match(/\d+/g)!.map(Number);
    const wrong = await api.call('POST', '/public/reports/status', { body: { receiptNo: '20261201-AAAAAA', phone: '13900000001', challengeId: asked.body.challengeId, challengeAnswer: a! + b! + 1 } });
    expect(wrong).toMatchObject({ status: 428, body: { message: '算式的答案不对，请重新计算' } });
    const solved = await api.call('POST', '/public/reports/status', { body: { receiptNo: '20261201-AAAAAA', phone: '13900000001', challengeId: wrong.body.challengeId, challengeAnswer: Number((wrong.body.question as string).match(/\d+/g)!.map(Number).reduce((x, y) => x + y)) } });
    expect(solved).toMatchObject({ status: 404, body: { message: '没有找到这张回执，请核对回执号和申报时填写的电话' } });
  });
});
