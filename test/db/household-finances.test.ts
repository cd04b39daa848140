import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentActivities, type AssessInput } from '../../activities/assessment.js';
import { householdFinancesRepo } from '../../db/repositories/household-finances.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { eventsOf, insertHousehold } from '../helpers/fixtures.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

const at = new Date('2026-11-10T02:00:00Z');

describe('income and spending records', () => {
  it('keeps every submission; the latest one for a month and kind counts, its lines added up; a retry writes nothing', async () => {
    const { row } = await insertHousehold(t.db);
    const repo = householdFinancesRepo(t.db);
    const first = {
      householdId: row.id,
      key: `${row.id}:1`,
      source: 'application:1:1',
      recordedBy: null,
      recordedAt: at,
      income: [
        { period: '2026-09' as const, kind: 'wages' as const, yuan: 1800 },
        { period: '2026-10' as const, kind: 'wages' as const, yuan: 600 },
      ],
      spending: [
        { period: '2026-10' as const, kind: 'medical' as const, yuan: 12000.5, rigid: true },
        { period: '2026-10' as const, kind: 'medical' as const, yuan: 3000, rigid: true },
      ],
    };
    await repo.append(first);
    await repo.append(first);
    // A correction of October's wages; September stays as first reported.
    await repo.append({ ...first, key: `${row.id}:2`, source: 'monthly_update:2026-10', income: [{ period: '2026-10', kind: 'wages', yuan: 650.25 }], spending: [] });

    expect(await repo.current(row.id, '2026-01')).toEqual({
      income: [
        { period: '2026-09', kind: 'wages', yuan: 1800 },
        { period: '2026-10', kind: 'wages', yuan: 650.25 },
      ],
      spending: [
        { period: '2026-10', kind: 'medical', yuan: 12000.5, rigid: true },
        { period: '2026-10', kind: 'medical', yuan: 3000, rigid: true },
      ],
    });
    expect(await repo.current(row.id, '2026-10')).toMatchObject({ income: [{ period: '2026-10', yuan: 650.25 }] });
    const stored = await t.db.selectFrom('household_income_records').select('id').where('household_id', '=', row.id).execute();
    expect(stored).toHaveLength(3);
  });

  it('refuses to change or delete a record, and refuses a negative wage', async () => {
    const { row } = await insertHousehold(t.db);
    await householdFinancesRepo(t.db).append({
      householdId: row.id,
      key: `${row.id}:1`,
      source: 'application:1:1',
      recordedBy: null,
      recordedAt: at,
      income: [{ period: '2026-09', kind: 'production_net', yuan: -200 }],
      spending: [],
    });
    await expect(t.owner.updateTable('household_income_records').set({ period: '2026-08' }).where('household_id', '=', row.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.owner.deleteFrom('household_income_records').where('household_id', '=', row.id).execute()).rejects.toThrow(/append-only/);
    await expect(
      t.db
        .insertInto('household_income_records')
        .values({ household_id: row.id, period: '2026-09', kind: 'wages', amount_fen: -1, source: 'x', submission_key: 'x', entry_key: `${row.id}:neg`, recorded_by: null, recorded_at: at })
        .execute(),
    ).rejects.toThrow(/household_income_records_sign/);
  });
});

describe('the assessment activity', () => {
  const input = (householdId: string, key: string): AssessInput => ({
    householdId,
    countyId: '990101',
    period: '2026-11',
    key,
    eventKind: 'identification.assessed',
    source: 'application:1:1',
    actorUserId: null,
    occurredAt: at.getTime(),
    memberCount: 3,
    income: [
      { period: '2026-06', kind: 'wages', yuan: 2000 },
      { period: '2026-07', kind: 'transfer', yuan: 700 },
    ],
    spending: [],
    lastYearIncomePerCapita: 9000,
    riskCauses: ['illness'],
  });

  it('assesses by the profile in force for the month, writes the file once, and answers a retry with what it wrote', async () => {
    const { row } = await insertHousehold(t.db);
    const { assessHousehold } = createAssessmentActivities({ db: t.db });
    const first = await assessHousehold(input(row.id, `${row.id}:7:identification.assessed`));
    // 12 months to 2026-11 (trailing window of 示范县): 2,700 yuan ÷ 3 people = 900 a head, under the 2026 line 11,520.
    expect(first).toMatchObject({ profileId: 'shifan', profileVersion: 1, period: '2026-11', perCapitaFen: 90000, monitoringLine: 11520, belowMonitoring: true, conclusion: 'eligible' });
    expect(first.explanation.join('\n')).toContain('按调查表填报的家庭人口 3 人计算');
    const again = await assessHousehold({ ...input(row.id, `${row.id}:7:identification.assessed`), income: [] });
    expect(again).toEqual(first);
    expect(await eventsOf(t.db, row.id, 'identification.assessed')).toHaveLength(1);
  });

  it('says the calculation is not possible when the county profile in force lacks its lines', async () => {
    const { row } = await insertHousehold(t.db);
    await t.db
      .insertInto('policy_profiles')
      .values({ id: 'partial', version: 1, effective_from: '2020-01', county_name: '示范县', body: JSON.stringify({ identificationSteps: ['application', 'county_decision'] }) })
      .execute();
    await t.db.updateTable('jurisdictions').set({ policy_profile_id: 'partial' }).where('id', '=', '990101').execute();
    try {
      const { assessHousehold } = createAssessmentActivities({ db: t.db });
      const summary = await assessHousehold(input(row.id, `${row.id}:1:identification.assessed`));
      expect(summary).toMatchObject({ profileId: 'partial', conclusion: 'undetermined', perCapitaFen: null });
      expect(summary.explanation).toEqual(['政策配置 partial 第1版缺少监测标准等测算所需内容，无法测算，请联系县乡村振兴局']);
    } finally {
      await t.db.updateTable('jurisdictions').set({ policy_profile_id: 'shifan' }).where('id', '=', '990101').execute();
    }
  });
});
