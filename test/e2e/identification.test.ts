import { describe, expect, it } from 'vitest';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';

const stack = useStack({
  server: 'dev',
  api: true,
  beforeStart: (t) => demoCountyWithoutNotice(t.db, 'e2e-no-notice'),
});

describe('from application to monitoring object through the HTTP API, four users', () => {
  it('registers, applies, reviews, audits, decides, and shows the whole file', async () => {
    const { api } = stack;
    const cadre = await api.login('cun.donggang');
    const town = await api.login('zhen.dongcheng');
    const county = await api.login('xian.xczx');
    const supervisor = await api.login('ducha');

    const created = await api.call('POST', '/households', {
      token: cadre,
      body: { villageId: '990101001201', address: '东岗村三组9号', headName: '孙八', category: 'lifted_out' },
    });
    expect(created.status).toBe(202);
    const id = created.body.id as string;

    const opened = await api.call('POST', `/households/${id}/identification`, { token: cadre, body: { channel: 'application', reason: '农户申报：户主患病' } });
    expect(opened).toMatchObject({ status: 200, body: { caseNo: 1, current: 'application' } });
    const again = await api.call('POST', `/households/${id}/identification`, { token: town, body: { channel: 'cadre_visit', reason: '镇干部走访发现' } });
    expect(again).toMatchObject({ status: 200, body: { caseNo: 1, merged: true } });

    const early = await api.call('POST', `/households/${id}/identification/decisions`, { token: town, body: { step: 'town_audit', decision: 'approve', opinion: '同意' } });
    expect(early).toMatchObject({ status: 409, body: { error: 'WrongStep', message: '当前环节是“农户申请”，不能办理“乡镇审核”' } });

    const applied = await api.call('POST', `/households/${id}/identification/application`, {
      token: cadre,
      body: {
        statement: '户主患慢性病，收入下降，申请纳入监测',
        riskCauses: ['illness'],
        survey: { memberCount: 3, income: [{ period: '2026-10', kind: 'wages', yuan: 900 }], spending: [{ period: '2026-10', kind: 'medical', yuan: 8000, rigid: true }] },
        evidence: [{ title: '门诊病历' }],
      },
    });
    expect(applied).toMatchObject({ status: 200, body: { current: 'village_review' } });

    const badAmount = await api.call('POST', `/households/${id}/identification/application`, {
      token: cadre,
      body: { statement: 'x', riskCauses: ['illness'], survey: { memberCount: 0, income: [], spending: [] } },
    });
    expect(badAmount.status).toBe(400);
    expect(badAmount.body.message).toContain('家庭人口数至少为1');

    expect(
      await api.call('POST', `/households/${id}/identification/decisions`, {
        token: cadre,
        body: { step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长', '驻村工作队'] },
      }),
    ).toMatchObject({ status: 200, body: { current: 'town_audit' } });
    expect(
      await api.call('POST', `/households/${id}/identification/decisions`, { token: town, body: { step: 'town_audit', decision: 'approve', opinion: '审核同意' } }),
    ).toMatchObject({ status: 200, body: { current: 'county_decision' } });
    expect(
      await api.call('POST', `/households/${id}/identification/decisions`, {
        token: county,
        body: { step: 'county_decision', decision: 'approve', opinion: '确定为监测对象', category: 'unstable', riskCauses: ['illness'] },
      }),
    ).toMatchObject({ status: 200, body: { status: 'approved', current: null } });

    const status = await api.call('GET', `/households/${id}/identification`, { token: supervisor });
    expect(status.body).toMatchObject({
      stage: 'monitoring',
      category: 'unstable',
      case: { policy: { profileId: 'e2e-no-notice', profileVersion: 1 }, assessment: { profileId: 'e2e-no-notice', profileVersion: 1, conclusion: expect.any(String) } },
    });
    expect(status.body.case.assessment.explanation.join('')).toContain('政策版本 e2e-no-notice v1');
    // The demo county's working-day clocks: the town's 2 days and the whole case's 20, both met.
    expect(status.body.case.clocks).toEqual([
      expect.objectContaining({ name: '监测识别全程办理（20个工作日）', step: null, workingDays: 20, doneAt: expect.any(String), overdue: false }),
      expect.objectContaining({ name: '监测识别“乡镇审核”环节（2个工作日）', step: 'town_audit', workingDays: 2, doneAt: expect.any(String), overdue: false }),
    ]);

    const file = await api.call('GET', `/households/${id}/file`, { token: supervisor });
    expect(file.body.household).toMatchObject({ stage: 'monitoring', category: 'unstable' });
    expect(file.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'household.registered',
      'identification.opened',
      'identification.discovery_merged',
      'identification.application_submitted',
      'identification.assessed',
      'identification.step_approved',
      'identification.step_approved',
      'identification.approved',
    ]);
    // The calculation is the system's: it has no actor.
    expect(file.body.events.find((e: { kind: string }) => e.kind === 'identification.assessed').actor).toBeNull();
    expect(new Set(file.body.events.filter((e: { actor: unknown }) => e.actor).map((e: { actor: { name: string } }) => e.actor.name))).toEqual(
      new Set(['东岗村 村干部', '东城镇 乡村振兴办', '县乡村振兴局']),
    );

    const listed = await api.call('GET', '/households?stage=monitoring&name=孙', { token: town });
    expect(listed.body.items.map((h: { id: string }) => h.id)).toContain(id);
    const elsewhere = await api.call('GET', '/households?stage=monitoring', { token: await api.login('zhen.xiling') });
    expect(elsewhere.body.items.map((h: { id: string }) => h.id)).not.toContain(id);
  });
});
