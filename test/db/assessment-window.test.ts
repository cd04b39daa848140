import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentActivities, type AssessInput } from '../../activities/assessment.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { eventsOf, insertHousehold } from '../helpers/fixtures.js';
import { DEMO_COUNTY, pointDemoCountyAt } from '../helpers/profiles.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // Xuwen [002]: “从上年12月至当月” — the window runs from the previous December to the assessment month.
  await pointDemoCountyAt(t.db, 'xuwen');
});
afterAll(async () => t?.destroy());

const months = ['2020-12', '2021-01', '2021-02', '2021-03', '2021-04'] as const;

async function applyOn(isoInstant: string, withMay?: number) {
  const { row } = await insertHousehold(t.db);
  const input: AssessInput = {
    householdId: row.id,
    countyId: DEMO_COUNTY,
    period: '2021-05',
    key: `${row.id}:1:identification.assessed`,
    eventKind: 'identification.assessed',
    source: 'application:1:1',
    actorUserId: null,
    occurredAt: Date.parse(isoInstant),
    memberCount: 1,
    income: [...months.map((period) => ({ period, kind: 'wages' as const, yuan: 1000 })), ...(withMay === undefined ? [] : [{ period: '2021-05' as const, kind: 'wages' as const, yuan: withMay }])],
    spending: [],
    riskCauses: ['illness'],
  };
  const summary = await createAssessmentActivities({ db: t.db }).assessHousehold(input);
  const [event] = await eventsOf(t.db, row.id, 'identification.assessed');
  return { summary, event: event!.payload as any };
}

describe('an application made while its month is in progress', () => {
  it('on the 1st, with no income yet for the month, does not count the month as zero: December to April, 5 months', async () => {
    const { summary, event } = await applyOn('2021-04-30T16:30:00Z'); // 2021-05-01 00:30 in Shanghai
    // 5,000 ÷ 5 × 12 = 12,000 (counting May as 0 would give 5,000 ÷ 6 × 12 = 10,000).
    expect(summary.perCapitaFen).toBe(1_200_000);
    expect(summary.explanation.join('\n')).toContain('2021-05 尚未过完且没有收入记录，不按 0 元计入');
    expect(event.inputs).toMatchObject({ period: '2021-05', incomeWindowEnd: '2021-04', profileId: 'xuwen' });
  });

  it('counts the month when it has a record, and a month already over in any case', async () => {
    expect((await applyOn('2021-04-30T16:30:00Z', 600)).summary.perCapitaFen).toBe(1_120_000); // 5,600 ÷ 6 × 12
    // Assessed for May after May is over (a late submission): May is a month of no income, as recorded.
    const late = await applyOn('2021-06-02T02:00:00Z');
    expect(late.summary.perCapitaFen).toBe(1_000_000);
    expect(late.event.inputs.incomeWindowEnd).toBe('2021-05');
  });
});
