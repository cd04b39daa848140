import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentActivities } from '../../activities/assessment.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { toPeriod } from '../../domain/calendar/dates.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertHousehold } from '../helpers/fixtures.js';
import { DEMO_COUNTY, pointDemoCountyAt } from '../helpers/profiles.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // Suyuan [004]: “对收入低于12550元…的脱贫户和监测户进行重点分析”.
  await pointDemoCountyAt(t.db, 'suyuan');
});
afterAll(async () => t?.destroy());

/** The nine collected months 2021-10 … 2022-06 at `monthly` yuan, one member, assessed in July 2022. */
async function assessed(headName: string, monthly: number) {
  const { row } = await insertHousehold(t.db, headName);
  const months = [10, 11, 12].map((m) => toPeriod(2021, m)).concat([1, 2, 3, 4, 5, 6].map((m) => toPeriod(2022, m)));
  const summary = await createAssessmentActivities({ db: t.db }).assessHousehold({
    householdId: row.id,
    countyId: DEMO_COUNTY,
    period: '2022-07',
    key: `${row.id}:1:monitoring.assessed`,
    eventKind: 'monitoring.assessed',
    source: 'monthly_update:2022-07',
    actorUserId: null,
    occurredAt: Date.parse('2022-07-25T02:00:00Z'),
    memberCount: 1,
    income: months.map((period) => ({ period, kind: 'wages' as const, yuan: monthly })),
    spending: [],
    riskCauses: [],
  });
  return { id: row.id, summary };
}

describe('focus flags 重点分析 are data on each assessment, and the households are listed by them', () => {
  it('stores the flags, and the search by a flag finds exactly the households whose latest assessment has it', async () => {
    const flagged = await assessed('赵重点', 800); // 7,200 ÷ 9 × 12 = 9,600: above 7,300, under 12,550
    const clear = await assessed('钱平稳', 1200); // 14,400
    expect(flagged.summary.focus).toMatchObject({ belowFocusLine: true, belowMonitoring: false, any: true });
    expect(clear.summary.focus).toMatchObject({ belowFocusLine: false, any: false });

    const search = (focus: string) => householdsRepo(t.db).search({ withinJurisdiction: DEMO_COUNTY, focus, limit: 50, offset: 0 });
    expect((await search('belowFocusLine')).items.map((h) => h.id)).toEqual([flagged.id]);
    expect((await search('any')).items.map((h) => h.id)).toEqual([flagged.id]);
    expect((await search('belowMonitoring')).items).toEqual([]);
  });
});
