import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPolicyActivities } from '../../activities/policy.js';
import { seedPolicyProfiles } from '../../db/seed.js';
import { mileV1 } from '../../domain/policy/counties/mile.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const pointCountyAt = (profileId: string) =>
  t.db.updateTable('jurisdictions').set({ policy_profile_id: profileId }).where('id', '=', '990101').execute();

describe('policy profiles stored in PostgreSQL', () => {
  it('holds the five seed counties and the demo county, and storing again adds nothing', async () => {
    const ids = await t.db.selectFrom('policy_profiles').select('id').distinct().orderBy('id').execute();
    expect(ids.map((r) => r.id)).toEqual(['boluo', 'mile', 'national-2026', 'shifan', 'suyuan', 'xinfeng', 'xuwen']);
    expect(await seedPolicyProfiles(t.db)).toBe(0);
  });

  it('gives a case the steps of the county’s profile in force: Xuwen compares with departments and the town decides', async () => {
    const { loadCasePolicy } = createPolicyActivities({ db: t.db });
    await pointCountyAt('xuwen');
    expect(await loadCasePolicy({ countyId: '990101', period: '2021-05' })).toEqual({
      profileId: 'xuwen',
      profileVersion: 1,
      steps: ['application', 'village_review', 'department_comparison', 'town_audit'],
      publicNoticeDays: null,
      clocks: null,
    });
    await pointCountyAt('xinfeng');
    expect(await loadCasePolicy({ countyId: '990101', period: '2023-11' })).toMatchObject({ profileId: 'xinfeng', publicNoticeDays: 7 });
  });

  it('chooses a later version from its effective month on, and refuses a period no version covers', async () => {
    const { loadCasePolicy } = createPolicyActivities({ db: t.db });
    await t.db
      .insertInto('policy_profiles')
      .values({
        id: 'mile',
        version: 2,
        effective_from: '2022-01',
        county_name: '弥勒市',
        // A version that changes the steps states its procedure anew (the seed's six steps name a village review).
        body: JSON.stringify({ ...mileV1, version: 2, effectiveFrom: '2022-01', identificationSteps: ['application', 'town_audit', 'county_decision'], procedure: undefined }),
      })
      .execute();
    await pointCountyAt('mile');
    expect(await loadCasePolicy({ countyId: '990101', period: '2021-12' })).toMatchObject({ profileVersion: 1, steps: ['application', 'village_review', 'town_audit', 'county_decision'] });
    expect(await loadCasePolicy({ countyId: '990101', period: '2022-01' })).toMatchObject({ profileVersion: 2, steps: ['application', 'town_audit', 'county_decision'] });
    await expect(loadCasePolicy({ countyId: '990101', period: '2019-12' })).rejects.toMatchObject({ type: 'NoPolicyProfile', nonRetryable: true });
  });

  it('refuses, for good and in words for the county bureau, a stored version that does not parse — no silent fallback to the design', async () => {
    const { loadCasePolicy, planMonth } = createPolicyActivities({ db: t.db });
    await t.db
      .insertInto('policy_profiles')
      .values({ id: 'mile', version: 3, effective_from: '2023-01', county_name: '弥勒市', body: JSON.stringify({ identificationSteps: ['application', 'county_decision'] }) })
      .execute();
    await pointCountyAt('mile');
    const malformed = { type: 'MalformedPolicyProfile', nonRetryable: true, message: '政策配置 mile 第3版不完整，请联系县乡村振兴局' };
    await expect(loadCasePolicy({ countyId: '990101', period: '2023-01' })).rejects.toMatchObject(malformed);
    await expect(planMonth({ countyId: '990101', period: '2023-01', eliminated: false })).rejects.toMatchObject({
      ...malformed,
      details: expect.arrayContaining(['thresholds must be a list of lines']),
    });
    expect(await loadCasePolicy({ countyId: '990101', period: '2022-12' })).toMatchObject({ profileVersion: 2 });
  });
});
