import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaskActivities } from '../../activities/tasks.js';
import { DEFAULT_MEASURE_CATALOGUE } from '../../domain/measures/index.js';
import { shifanV2 } from '../../domain/policy/counties/shifan.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertHousehold } from '../helpers/fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

describe('the measure catalogue comes from the county’s profile in force', () => {
  it('suggests the county’s own deadlines and lead departments after a new profile version, the design’s before', async () => {
    const own = {
      ...DEFAULT_MEASURE_CATALOGUE,
      id: 'shifan-2027',
      measures: DEFAULT_MEASURE_CATALOGUE.measures.map((d) => (d.code === 'medical' ? { ...d, lead: 'mz', cooperating: d.cooperating.filter((c) => c !== 'mz'), defaultDeadlineDays: 10 } : d)),
    };
    // Version 2 (2026-12, the self-report settings) is shipped; the county's next is version 3.
    await policyProfilesRepo(t.db).addMissing([{ id: 'shifan', version: 3, effectiveFrom: '2027-01', countyName: '示范县', body: { ...shifanV2, version: 3, effectiveFrom: '2027-01', measureCatalogue: own } }]);
    const { row } = await insertHousehold(t.db);
    const { suggestPlan } = createTaskActivities({ db: t.db });

    const before = await suggestPlan({ householdId: row.id, asOf: Date.parse('2026-12-15T10:00:00+08:00'), riskCauses: ['illness'] });
    const after = await suggestPlan({ householdId: row.id, asOf: Date.parse('2027-02-15T10:00:00+08:00'), riskCauses: ['illness'] });
    const medical = (draft: typeof before) => draft.measures.find((m) => m.code === 'medical');
    expect(before.catalogueId).toBe(DEFAULT_MEASURE_CATALOGUE.id);
    expect(medical(before)).toMatchObject({ lead: { code: 'yb', name: '医保局' } });
    expect(after.catalogueId).toBe('shifan-2027');
    expect(medical(after)).toMatchObject({ lead: { code: 'mz', name: '民政局' }, deadlineDays: 10 });
  });
});
