import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentActivities } from '../../activities/assessment.js';
import { runWhatIf } from '../../api/services/what-if.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import type { Period } from '../../domain/calendar/dates.js';
import { riskSignal, type AssessmentSummary } from '../../domain/monitoring/risk-signal.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertHousehold } from '../helpers/fixtures.js';
import { DEMO_COUNTY, pointDemoCountyAt } from '../helpers/profiles.js';
import { BEFORE_NOVEMBER, xinfengNovember2023 } from '../helpers/xinfeng-november.js';

const ID = 'xinfeng-what-if';
/** Before: the July–October warning line 10,600 only; the draft: seed 003 “2023年11月至12月…低于10800元…进行预警”, from 2023-11. */
const { before, draft } = xinfengNovember2023(ID);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await policyProfilesRepo(t.db).addMissing([{ id: ID, version: 1, effectiveFrom: before.effectiveFrom, countyName: before.countyName, body: before }]);
  await pointDemoCountyAt(t.db, ID);
});
afterAll(async () => t?.destroy());

const MONTHS = BEFORE_NOVEMBER;
const assess = (householdId: string, period: Period, at: string, income: { period: Period; kind: 'wages'; yuan: number }[], key: string) =>
  createAssessmentActivities({ db: t.db }).assessHousehold({
    householdId,
    countyId: DEMO_COUNTY,
    period,
    key,
    eventKind: 'monitoring.assessed',
    source: `monthly_update:${period}`,
    actorUserId: null,
    occurredAt: Date.parse(at),
    memberCount: 1,
    income,
    spending: [],
    riskCauses: [],
  });

describe('the what-if of Xinfeng’s November 2023 change (seed 003)', () => {
  it('lists exactly the households the live re-assessment then warns', async () => {
    // A generated caseload: one member each, the same wage every month December 2022 – October 2023 (per capita = 12 × wage).
    const wages = [860, 870, 880, 884, 890, 899, 900, 910, 950, 884, 1000, 870];
    const caseload: { id: string; wage: number; october: AssessmentSummary }[] = [];
    for (const [i, wage] of wages.entries()) {
      const { row } = await insertHousehold(t.db, `试算户${i}`);
      const october = await assess(row.id, '2023-10', '2023-10-25T02:00:00Z', MONTHS.map((period) => ({ period, kind: 'wages', yuan: wage })), `${row.id}:1:monitoring.assessed`);
      caseload.push({ id: row.id, wage, october });
    }

    const shadow = await runWhatIf(t.db, DEMO_COUNTY, draft, before, '2023-11');
    expect(shadow.households).toBe(wages.length);
    const warnedByDraft = shadow.hits.filter((h) => h.change === 'warn').map((h) => h.householdId).sort();
    // 10,608 · 10,680 · 10,788 · 10,608: at or above 10,600, below 10,800.
    const expected = caseload.filter((c) => c.wage * 12 >= 10600 && c.wage * 12 < 10800).map((c) => c.id).sort();
    expect(warnedByDraft).toEqual(expected);
    expect(shadow.hits.every((h) => !h.alsoUnderCurrent)).toBe(true);
    expect(shadow.groups).toEqual([{ townId: '990101001', category: 'marginal', change: 'warn', count: 4 }]);

    // The draft takes effect; each household's November update (nothing new typed) is re-assessed as the live workflow does.
    await policyProfilesRepo(t.db).addMissing([{ id: ID, version: 2, effectiveFrom: '2023-11', countyName: draft.countyName, body: draft }]);
    const warnedLive: string[] = [];
    for (const c of caseload) {
      const november = await assess(c.id, '2023-11', '2023-11-25T02:00:00Z', [], `${c.id}:2:monitoring.assessed`);
      expect(november.warningLine).toBe(10800);
      if (riskSignal('not_monitored', november, c.october).kind === 'warning') warnedLive.push(c.id);
    }
    expect(warnedLive.sort()).toEqual(warnedByDraft);
  });
});
