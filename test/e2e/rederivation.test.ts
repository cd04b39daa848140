import { beforeAll, describe, expect, it } from 'vitest';
import { loginAll, monitoredHousehold, registerHousehold, thisMonth, type Tokens } from '../helpers/journeys.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';

const stack = useStack({ server: 'dev', api: true, beforeStart: (t) => demoCountyWithoutNotice(t.db, 'e2e-rederivation-no-notice') });
let tokens: Tokens;
beforeAll(async () => {
  tokens = await loginAll(stack.api);
});

const rederivations = async (id: string) => {
  const answer = await stack.api.call('GET', `/households/${id}/rederivations`, { token: tokens.town });
  expect(answer.status).toBe(200);
  return answer.body.items as any[];
};

describe('GET /households/:id/rederivations — every assessment and decision re-run from its stored inputs and policy version', () => {
  it('agrees with the stored answer for each kind: the application’s and a monthly assessment, step decisions, the county decision, an elimination', async () => {
    const { api } = stack;
    const id = await monitoredHousehold(api, tokens, '复算一');
    const month = thisMonth();
    expect((await api.call('POST', `/households/${id}/monthly-updates`, { token: tokens.cadre, body: { period: month, income: [{ period: month, kind: 'wages', yuan: 30000 }], memberCount: 1 } })).status).toBe(200);
    const elimination = (path: string, token: string, body: unknown) => api.call('POST', `/households/${id}/elimination${path}`, { token, body });
    expect((await elimination('', tokens.cadre, { statement: '务工收入稳定，人均收入高于监测标准', evidence: [{ title: '收入测算表' }] })).status).toBe(200);
    expect((await elimination('/decisions', tokens.town, { step: 'town_audit', decision: 'approve', opinion: '同意' })).status).toBe(200);
    expect((await elimination('/decisions', tokens.county, { step: 'county_decision', decision: 'approve', opinion: '确认风险消除' })).status).toBe(200);

    const items = await rederivations(id);
    expect(items.map((i) => i.kind)).toEqual([
      'identification.assessed',
      'identification.step_approved',
      'identification.step_approved',
      'identification.approved',
      'monitoring.assessed',
      'elimination.step_approved',
      'elimination.confirmed',
    ]);
    for (const item of items) {
      expect(item, item.kind).toMatchObject({ agree: true, differences: [], message: '复算结果与保存的结果一致', profileId: 'e2e-rederivation-no-notice', profileVersion: 1 });
    }
    const [application, , , decided, monthly] = items;
    expect(application.derived).toEqual(application.stored);
    expect(application.stored.conclusion).toBe('eligible');
    expect(monthly.derived.conclusion).toBe(monthly.stored.conclusion);
    expect(decided).toMatchObject({ subject: 'decision', stored: { deciding: true, outcome: 'approved' }, derived: { deciding: true, outcome: 'approved', steps: ['application', 'village_review', 'town_audit', 'county_decision'] } });
  });

  it('agrees for a returned and a rejected decision too, and answers 403 outside the jurisdiction', async () => {
    const { api } = stack;
    const id = await registerHousehold(api, tokens, '复算二');
    const month = thisMonth();
    const step = (token: string, path: string, body: unknown) => api.call('POST', `/households/${id}/identification${path}`, { token, body });
    const application = { statement: '户主患病', riskCauses: ['illness'], survey: { memberCount: 2, income: [{ period: month, kind: 'wages', yuan: 500 }], spending: [] }, evidence: [{ title: '病历' }] };
    expect((await step(tokens.cadre, '', { channel: 'application', reason: '农户申报' })).status).toBe(200);
    expect((await step(tokens.cadre, '/application', application)).status).toBe(200);
    expect((await step(tokens.cadre, '/decisions', { step: 'village_review', decision: 'return', opinion: '请补充收入证明', participants: ['村民小组长'] })).status).toBe(200);
    expect((await step(tokens.cadre, '/application', application)).status).toBe(200);
    expect((await step(tokens.cadre, '/decisions', { step: 'village_review', decision: 'reject', opinion: '评议未通过', participants: ['村民小组长'] })).status).toBe(200);

    const items = await rederivations(id);
    expect(items.map((i) => [i.kind, i.agree])).toEqual([
      ['identification.assessed', true],
      ['identification.returned', true],
      ['identification.assessed', true],
      ['identification.rejected', true],
    ]);
    expect((await api.call('GET', `/households/${id}/rederivations`, { token: tokens.otherCadre })).status).toBe(403);
  });
});
