/**
 * The deciding step gives a monitoring object one of its county's own
 * categories: a county on a profile with Mile's two (一(一)“脱贫监测户及边缘户两类人员” [001])
 * is refused 突发严重困难户 in words, and nothing is decided.
 */
import { describe, expect, it } from 'vitest';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { shifanV2 } from '../../domain/policy/counties/shifan.js';
import { loginAll, registerHousehold, thisMonth } from '../helpers/journeys.js';
import { pointDemoCountyAt } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';

const ID = 'e2e-two-categories';

const stack = useStack({
  server: 'dev',
  api: true,
  beforeStart: async (t) => {
    await policyProfilesRepo(t.db).addMissing([
      {
        id: ID,
        version: 1,
        effectiveFrom: '2020-01',
        countyName: '示范县',
        body: {
          ...shifanV2,
          id: ID,
          version: 1,
          effectiveFrom: '2020-01',
          identificationSteps: ['application', 'village_review', 'town_audit', 'county_decision'],
          publicNoticeDays: undefined,
          categories: [
            { category: 'unstable', name: '脱贫监测户', source: '001', quote: '脱贫监测户及边缘户两类人员' },
            { category: 'marginal', name: '边缘户', source: '001', quote: '脱贫监测户及边缘户两类人员' },
          ],
        },
      },
    ]);
    await pointDemoCountyAt(t.db, ID);
  },
});

describe('the county’s own categories at the deciding step', () => {
  it('refuses a category the county’s document does not have, and takes one it has', async () => {
    const { api } = stack;
    const tokens = await loginAll(api);
    const id = await registerHousehold(api, tokens, '钱九');
    const step = (token: string, path: string, body: unknown) => api.call('POST', `/households/${id}/identification${path}`, { token, body });
    expect(await step(tokens.cadre, '', { channel: 'application', reason: '农户申报：户主患病' })).toMatchObject({ status: 200 });
    const survey = { memberCount: 3, income: [{ period: thisMonth(), kind: 'wages', yuan: 900 }], spending: [] };
    expect(await step(tokens.cadre, '/application', { statement: '户主患病', riskCauses: ['illness'], survey, evidence: [{ title: '病历' }] })).toMatchObject({ status: 200 });
    expect(await step(tokens.cadre, '/decisions', { step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村小组'] })).toMatchObject({ status: 200 });
    expect(await step(tokens.town, '/decisions', { step: 'town_audit', decision: 'approve', opinion: '审核同意' })).toMatchObject({ status: 200, body: { current: 'county_decision' } });

    const refused = await step(tokens.county, '/decisions', { step: 'county_decision', decision: 'approve', opinion: '确定', category: 'sudden_hardship', riskCauses: ['illness'] });
    expect(refused).toMatchObject({ status: 400, body: { message: '本县政策规定的监测对象类别为：脱贫监测户、边缘户，请从中选择' } });
    expect((await api.call('GET', `/households/${id}/identification`, { token: tokens.county })).body).toMatchObject({ stage: expect.not.stringMatching(/^monitoring$/) });

    const decided = await step(tokens.county, '/decisions', { step: 'county_decision', decision: 'approve', opinion: '确定', category: 'marginal', riskCauses: ['illness'] });
    expect(decided).toMatchObject({ status: 200, body: { status: 'approved' } });
  });
});
