/**
 * Over the real stack: the facts the cadre enters with the application reach
 * the plan's suggestions (a grade-D sole residence and a 59-year-old member
 * who is not a student: housing and pension), and a member's leaving is in
 * the file with its evidence and out of the per-capita income from the next
 * month; bad changes are refused in Chinese and write nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.js';
import { checkCharacter } from '../../domain/people/id-number.js';
import { fileEvents, loginAll, registerHousehold, thisMonth, type Tokens } from '../helpers/journeys.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';

const stack = useStack({ server: 'dev', api: true, beforeStart: (t) => demoCountyWithoutNotice(t.db, 'e2e-member-facts') });
let tokens: Tokens;
beforeAll(async () => {
  tokens = await loginAll(stack.api);
});

const idNumber = (birth: string, sequence: string) => {
  const first17 = `990101${birth.replaceAll('-', '')}${sequence}`;
  return `${first17}${checkCharacter(first17)}`;
};

/** Today is read from the clock: a member 59 today was born 59 years and a day ago. */
function birthAged(years: number): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() - 1));
  return d.toISOString().slice(0, 10);
}

async function addMember(id: string, name: string, birth: string, sequence: string, extra: Record<string, unknown> = {}) {
  const added = await stack.api.call('POST', `/households/${id}/members`, {
    token: tokens.cadre,
    body: { name, idNumber: idNumber(birth, sequence), relation: 'head', labourAbility: 'capable', ...extra },
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  return added.body.id as string;
}

describe('the facts of the application in the plan’s suggestions', () => {
  it('a grade-D sole residence and a 59-year-old non-student member: housing and pension suggested, each with its reason', async () => {
    const { api } = stack;
    const id = await registerHousehold(api, tokens, '韩守田');
    const head = await addMember(id, '韩守田', birthAged(59), '011');
    expect(await api.call('POST', `/households/${id}/identification`, { token: tokens.cadre, body: { channel: 'application', reason: '危房' } })).toMatchObject({ status: 200 });
    const month = thisMonth();
    const application = await api.call('POST', `/households/${id}/identification/application`, {
      token: tokens.cadre,
      body: {
        statement: '住房鉴定为D级危房，收入低',
        riskCauses: ['disaster'],
        survey: { memberCount: 1, income: [{ period: month, kind: 'wages', yuan: 500 }], spending: [] },
        facts: { housing: { safetyGrade: 'D', soleResidence: true }, drinkingWater: 'safe', members: [{ memberId: head, employed: false }] },
      },
    });
    expect(application.status, JSON.stringify(application.body)).toBe(200);
    const facts = (await fileEvents(api, tokens.cadre, id)).find((e) => e.kind === 'facts.recorded');
    expect(facts).toMatchObject({ kindName: '住房、饮水、医疗、就学、就业、小额信贷情况采集', details: { source: 'application', summary: '住房安全等级D级，为唯一住房；饮用水检测合格；韩守田未就业' } });

    // The rest of identification as in every journey (the application above is already in).
    const step = (token: string, body: unknown) => api.call('POST', `/households/${id}/identification/decisions`, { token, body });
    expect((await step(tokens.cadre, { step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长'] })).status).toBe(200);
    expect((await step(tokens.town, { step: 'town_audit', decision: 'approve', opinion: '审核同意' })).status).toBe(200);
    expect((await step(tokens.county, { step: 'county_decision', decision: 'approve', opinion: '确定', category: 'unstable', riskCauses: ['disaster'] })).status).toBe(200);

    const draft = await api.call('POST', `/households/${id}/plan/draft`, { token: tokens.town });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const measure = (code: string) => draft.body.measures.find((m: { code: string }) => m.code === code);
    expect(measure('housing')?.reasons).toContain('唯一住房鉴定为D级危房：按危房改造政策改建');
    expect(measure('dibao_pension')?.reasons.join('；')).toContain('户主（59周岁）年满16周岁且不满60周岁，不是在校生或现役军人：全额资助参加城乡居民基本养老保险');
    expect(draft.body.toVerify.map((v: { measure: string }) => v.measure)).not.toContain('housing');
    expect(draft.body.toVerify.map((v: { measure: string }) => v.measure)).not.toContain('drinking_water');
  });

  it('refuses facts about someone who is not a member of the household, and an unknown grade, in Chinese', async () => {
    const { api } = stack;
    const id = await registerHousehold(api, tokens, '韩二');
    await addMember(id, '韩二', '1980-02-02', '021');
    const visit = (facts: unknown) =>
      api.call('POST', `/households/${id}/visits`, { token: tokens.cadre, body: { period: thisMonth(), visitedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), findings: '入户走访', facts } });
    const stranger = await visit({ members: [{ memberId: '00000000-0000-4000-8000-000000000000', employed: true }] });
    expect(stranger).toMatchObject({ status: 400, body: { message: '所填的成员不是本户现有的家庭成员（可能已减员），请刷新后重新选择' } });
    const grade = await visit({ housing: { safetyGrade: 'E' } });
    expect(grade.status).toBe(400);
    expect(grade.body.message).toContain('住房安全等级不在可选范围内：A级、B级、C级、D级');
    expect((await fileEvents(api, tokens.cadre, id)).map((e) => e.kind)).not.toContain('monitoring.visited');
  });
});

describe('a member leaving and joining', () => {
  it('a member who died in March is in the file with the evidence, counted in March and not from April', async () => {
    const { api, t } = stack;
    const id = await registerHousehold(api, tokens, '程满仓');
    await addMember(id, '程满仓', '1966-08-08', '031');
    const mother = await addMember(id, '程老太', '1940-01-01', '042', { relation: 'parent', labourAbility: 'none' });
    const left = await api.call('POST', `/households/${id}/members/${mother}/leave`, {
      token: tokens.cadre,
      body: { leavingReason: 'death', leftOn: '2026-03-15', evidence: [{ title: '死亡医学证明', reference: 'SW-2026-031' }] },
    });
    expect(left.status, JSON.stringify(left.body)).toBe(200);
    expect((await api.call('GET', `/households/${id}/members`, { token: tokens.cadre })).body.map((m: { name: string }) => m.name)).toEqual(['程满仓']);
    const entry = (await fileEvents(api, tokens.town, id)).find((e) => e.kind === 'member.left');
    expect(entry).toMatchObject({
      kindName: '家庭成员减员',
      details: { leavingReason: 'death', leftOn: '2026-03-15', evidence: [{ title: '死亡医学证明', reference: 'SW-2026-031' }], summary: '程老太于 2026-03-15 因死亡减员；佐证材料：死亡医学证明' },
    });

    // The assessment of each month, as the workflow asks for it: 2 members in March, 1 from April.
    const activities = createActivities({ db: t.db });
    const assess = (period: '2026-03' | '2026-04') =>
      activities.assessHousehold({
        householdId: id,
        countyId: '990101',
        period,
        key: `test-assess:${id}:${period}`,
        eventKind: 'monitoring.assessed',
        source: `test:${period}`,
        actorUserId: null,
        occurredAt: Date.now(),
        memberCount: 1,
        income: [{ period, kind: 'wages', yuan: 1200 }],
        spending: [],
        riskCauses: [],
      });
    const march = await assess('2026-03');
    const april = await assess('2026-04');
    expect(march.members).toBe(2);
    expect(april.members).toBe(1);
    expect(march.explanation.join('\n')).toContain('家庭共 2 人');
    expect(april.explanation.join('\n')).toContain('家庭共 1 人');
  });

  it('refuses a leaving before the birth, a second leaving, a joining with an ID number already registered: Chinese messages, nothing written', async () => {
    const { api } = stack;
    const id = await registerHousehold(api, tokens, '宋立秋');
    const head = await addMember(id, '宋立秋', '1975-09-09', '051');
    const leave = (body: unknown) => api.call('POST', `/households/${id}/members/${head}/leave`, { token: tokens.cadre, body });
    const before = (await fileEvents(api, tokens.cadre, id)).length;

    expect(await leave({ leavingReason: 'moved_out', leftOn: '1970-01-01', evidence: [{ title: '户口迁移证明' }] })).toMatchObject({
      status: 400,
      body: { message: '减员日期早于宋立秋的出生日期 1975-09-09，请核对' },
    });
    expect(await leave({ leavingReason: 'moved_out', leftOn: '2026-02-01', evidence: [] })).toMatchObject({ status: 400 });
    expect((await leave({ leavingReason: 'moved_out', leftOn: '2026-02-01', evidence: [] })).body.message).toContain('请至少登记一份佐证材料');
    expect((await fileEvents(api, tokens.cadre, id)).length).toBe(before);
    expect((await api.call('GET', `/households/${id}/members`, { token: tokens.cadre })).body).toHaveLength(1);

    expect((await leave({ leavingReason: 'marriage_out', leftOn: '2026-02-01', evidence: [{ title: '结婚证' }] })).status).toBe(200);
    expect(await leave({ leavingReason: 'moved_out', leftOn: '2026-03-01', evidence: [{ title: '户口迁移证明' }] })).toMatchObject({
      status: 409,
      body: { message: '宋立秋已于 2026-02-01 减员，不能重复登记减员' },
    });

    // A birth joins; the same person again is refused.
    const baby = { name: '宋小满', idNumber: idNumber('2026-05-02', '062'), relation: 'grandchild', labourAbility: 'none', joining: { joiningReason: 'birth', joinedOn: '2026-05-02', evidence: [{ title: '出生医学证明' }] } };
    expect((await api.call('POST', `/households/${id}/members`, { token: tokens.cadre, body: baby })).status).toBe(201);
    const again = await api.call('POST', `/households/${id}/members`, { token: tokens.cadre, body: baby });
    expect(again).toMatchObject({ status: 409, body: { message: '此人已是本户成员，无需重复登记' } });
    const early = await api.call('POST', `/households/${id}/members`, {
      token: tokens.cadre,
      body: { ...baby, idNumber: idNumber('2026-05-02', '072'), name: '宋小暑', joining: { ...baby.joining, joinedOn: '2026-05-01' } },
    });
    expect(early).toMatchObject({ status: 400, body: { message: '增员日期早于出生日期 2026-05-02，请核对' } });
    const kinds = (await fileEvents(api, tokens.cadre, id)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'member.left')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'member.joined')).toHaveLength(1);
  });

  it('a correction records what it changed, and a member who left is never corrected', async () => {
    const { api } = stack;
    const id = await registerHousehold(api, tokens, '彭春来');
    const head = await addMember(id, '彭春来', '1972-04-04', '081');
    const corrected = await api.call('PATCH', `/households/${id}/members/${head}`, { token: tokens.cadre, body: { labourAbility: 'weak', chronicIllness: true } });
    expect(corrected).toMatchObject({ status: 200, body: { labourAbility: 'weak', chronicIllness: true } });
    const entry = (await fileEvents(api, tokens.cadre, id)).find((e) => e.kind === 'member.edited');
    expect(entry).toMatchObject({
      kindName: '家庭成员信息更正',
      details: { before: { labourAbility: 'capable', chronicIllness: false }, after: { labourAbility: 'weak', chronicIllness: true }, summary: '更正彭春来的劳动能力、是否患慢性病' },
    });
    expect(await api.call('PATCH', `/households/${id}/members/${head}`, { token: tokens.cadre, body: {} })).toMatchObject({ status: 400, body: { message: expect.stringContaining('请至少修改一项成员信息') } });
    expect((await api.call('POST', `/households/${id}/members/${head}/leave`, { token: tokens.cadre, body: { leavingReason: 'enlisted', leftOn: '2026-09-01', evidence: [{ title: '入伍通知书' }] } })).status).toBe(200);
    expect(await api.call('PATCH', `/households/${id}/members/${head}`, { token: tokens.cadre, body: { name: '彭春' } })).toMatchObject({ status: 409, body: { message: '彭春来已减员，不能再修改其信息' } });
  });
});
