import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '../../domain/people/id-number.js';
import { loginAll, monitoredHousehold, monthAfter, registerHousehold, thisMonth, type Tokens } from '../helpers/journeys.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

/**
 * Joint identification with 民政 统筹认定 (issue 15 item 6): 民政's 低保 feed of
 * two months. The households it lists in care are marked in the registry from
 * the first month's batch; the one the second month's feed no longer lists has
 * its mark ended by that batch (kept, not deleted); the one not monitored gets
 * a discovery through the department-warning channel, once; the system's own
 * assessment stands beside 民政's status, and a marked household it qualifies
 * that is not monitored is surfaced by the roster's filter. A re-upload changes nothing.
 */
const stack = useStack({ server: 'dev', api: true, beforeStart: (t) => demoCountyWithoutNotice(t.db, 'e2e-joint') });

const id = (seq: number) => {
  const first17 = `99010119700101${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
};
const A_HEAD = id(51);
const B_HEAD = id(61);
const STRANGER = id(71);

const current = thisMonth();
const previous = monthAfter(current, -1);
const HEADINGS = '身份证号,姓名,数据月份,保障状态,月保障金额（元）';
const feed = (month: string, rows: readonly (readonly string[])[]) => `${[HEADINGS, ...rows.map((r) => [r[0], r[1], month, ...r.slice(2)].join(','))].join('\n')}\n`;
const FIRST = feed(previous, [[A_HEAD, '甲', '在保', '480'], [B_HEAD, '乙', '在保', '520'], [STRANGER, '外', '在保', '500']]);
const SECOND = feed(current, [[B_HEAD, '乙', '在保', '520'], [STRANGER, '外', '在保', '500']]);

let tokens: Tokens;
let mz: string;
let a: string;
let b: string;

async function send(content: string, month: string, fileName = 'dibao.csv') {
  const form = new FormData();
  form.append('file', new Blob([content]), fileName);
  const response = await fetch(`${stack.api.base}/api/comparison/feeds/mz_dibao/${month}`, { method: 'POST', headers: { authorization: `Bearer ${mz}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}
const marks = async () =>
  (await sql<{ household_id: string; kind: string; started_month: string; last_month: string; ended_month: string | null; ended_reason: string | null; started_batch_id: string; ended_batch_id: string | null }>`
    select household_id, kind, started_month, last_month, ended_month, ended_reason, started_batch_id, ended_batch_id from assistance_marks order by household_id, id`.execute(stack.t.owner)).rows;
const counts = async () =>
  (await sql<{ marks: string; events: string; warnings: string; batches: string; facts: string }>`
    select (select count(*) from assistance_marks) as marks, (select count(*) from household_events where kind like 'assistance.%') as events,
           (select count(*) from comparison_warnings) as warnings, (select count(*) from comparison_batches) as batches,
           (select count(*) from household_facts where kind = 'social_assistance') as facts`.execute(stack.t.owner)).rows[0];

async function member(household: string, name: string, idNumber: string) {
  expect((await stack.api.call('POST', `/households/${household}/members`, { token: tokens.cadre, body: { name, idNumber, relation: 'head', labourAbility: 'capable' } })).status).toBe(201);
  const signed = await stack.api.call('POST', `/households/${household}/consents`, {
    token: tokens.cadre,
    body: { signerName: name, signedOn: '2026-01-05', covers: ['income', 'social_security'], document: '承诺授权书（纸质）' },
  });
  expect(signed.status).toBe(201);
}

beforeAll(async () => {
  tokens = await loginAll(stack.api);
  mz = await stack.api.login('bumen.mz');
  a = await monitoredHousehold(stack.api, tokens, '甲');
  await member(a, '甲', A_HEAD);
  b = await registerHousehold(stack.api, tokens, '乙');
  await member(b, '乙', B_HEAD);
}, 240_000);

describe('joint identification with 民政 统筹认定', () => {
  it('marks the households 民政 lists, ends the mark of one a later month leaves out, and opens one discovery for the household not monitored', async () => {
    const first = await send(FIRST, previous);
    expect(first).toMatchObject({ status: 201, body: { matched: 2, unknown: 1 } });
    expect(await marks()).toEqual(
      [a, b].sort().map((h) => ({ household_id: h, kind: 'dibao', started_month: previous, last_month: previous, ended_month: null, ended_reason: null, started_batch_id: first.body.id, ended_batch_id: null })),
    );
    // Only the household not monitored gets a discovery (the monitored one a follow-up); the stranger stays a candidate for the town.
    await eventually(async () => {
      const rows = (await sql<{ household_id: string; routed: string; discovery: string | null }>`select household_id, routed, discovery from comparison_warnings order by household_id`.execute(stack.t.owner)).rows;
      expect(rows).toEqual([{ household_id: a, routed: 'follow_up', discovery: null }, { household_id: b, routed: 'discovery', discovery: 'opened' }].sort((x, y) => x.household_id.localeCompare(y.household_id)));
    });
    const caseOfB = await stack.api.call('GET', `/households/${b}/identification`, { token: tokens.cadre });
    expect(JSON.stringify(caseOfB.body)).toContain('department_warning');

    // The same file again: the same batch, nothing new.
    const before = await counts();
    expect(await send(FIRST, previous, '低保-重传.csv')).toMatchObject({ status: 200, body: { id: first.body.id, repeated: true } });
    expect(await counts()).toEqual(before);

    const second = await send(SECOND, current);
    expect(second.status).toBe(201);
    const after = await marks();
    expect(after.find((x) => x.household_id === a)).toEqual({ household_id: a, kind: 'dibao', started_month: previous, last_month: previous, ended_month: current, ended_reason: 'absent', started_batch_id: first.body.id, ended_batch_id: second.body.id });
    expect(after.find((x) => x.household_id === b)).toMatchObject({ started_month: previous, last_month: current, ended_month: null, started_batch_id: first.body.id });
    expect(after).toHaveLength(2);
    // Still in care the next month is not news: no second warning, no second discovery.
    expect(Number((await counts())!.warnings)).toBe(2);
    expect(await send(SECOND, current, '低保-重传.csv')).toMatchObject({ status: 200, body: { repeated: true } });
    expect(await marks()).toEqual(after);

    const file = await stack.api.call('GET', `/households/${a}/file`, { token: tokens.cadre });
    expect(file.body.events.filter((e: any) => e.kind.startsWith('assistance.')).map((e: any) => [e.kind, e.details.startedMonth, e.details.endedMonth ?? null])).toEqual([
      ['assistance.marked', previous, null],
      ['assistance.mark_ended', previous, current],
    ]);
  });

  it('shows 民政’s status beside the system’s own assessment, and the roster surfaces a marked household that qualifies but is not monitored', async () => {
    const ofA = await stack.api.call('GET', `/households/${a}/assistance-marks`, { token: tokens.cadre });
    expect(ofA.status).toBe(200);
    expect(ofA.body).toMatchObject({ monitored: true, atRiskUnmonitored: false, marks: [{ kindName: '低保', open: false, endedMonth: current, endedReason: '当月民政数据中已无此户', memberName: '甲' }] });
    expect(ofA.body.assessment).toMatchObject({ conclusion: 'eligible', conclusionName: '符合纳入监测条件' });

    const unassessed = await stack.api.call('GET', `/households/${b}/assistance-marks`, { token: tokens.cadre });
    expect(unassessed.body).toMatchObject({ monitored: false, atRiskUnmonitored: false, assessment: null, marks: [{ open: true, startedMonth: previous, lastMonth: current }] });
    expect(unassessed.body.assessmentNote).toContain('尚未');

    // The case the discovery opened takes the household's application: the same income rule the monitoring uses assesses it.
    const applied = await stack.api.call('POST', `/households/${b}/identification/application`, {
      token: tokens.cadre,
      body: { statement: '低保户，收入低', riskCauses: ['illness'], survey: { memberCount: 3, income: [{ period: current, kind: 'wages', yuan: 600 }], spending: [] }, evidence: [{ title: '收入证明' }] },
    });
    expect(applied.status).toBe(200);
    await eventually(async () => {
      const ofB = await stack.api.call('GET', `/households/${b}/assistance-marks`, { token: tokens.cadre });
      expect(ofB.body).toMatchObject({ monitored: false, atRiskUnmonitored: true, assessment: { conclusion: 'eligible' } });
      expect(ofB.body.atRiskNote).toContain('尚未纳入监测');
    });

    const roster = async (joint: string) => (await stack.api.call('GET', `/households?joint=${joint}`, { token: tokens.county })).body.items.map((h: any) => h.id).sort();
    expect(await roster('dibao')).toEqual([b]);
    expect(await roster('any')).toEqual([b]);
    expect(await roster('tekun')).toEqual([]);
    expect(await roster('at_risk_unmonitored')).toEqual([b]);
    const bad = await stack.api.call('GET', '/households?joint=dibaohu', { token: tokens.county });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('民政统筹认定');
  });
});
