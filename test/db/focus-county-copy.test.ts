/**
 * A county made on a copy of Suyuan's profile (POST /admin/counties copies the
 * template's body under the county's own id, from the template's own month).
 * Suyuan [004] is a 2022 plan: “2022年度收入以过去的9个月（2021年10月1日至2022年6月30日）
 * 已经采集的月收入总和/9*12作为全年预估收入”, and its lines are 2022's. A browser
 * check on such a county in 2026 found no household under 任一重点分析情形: the
 * copy's flags are stored as Suyuan's are, but in 2026 the nine months of 2021–22
 * were projected as the household's income (0 yuan) and no line was in force —
 * nothing could be flagged. Now an assessment in a year the window does not
 * stand for projects nothing and asks the county for its window, and once the
 * county has set its own window and lines the flags and the filter work.
 * The 2026 lines here are test data, not any province's figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessmentActivities } from '../../activities/assessment.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { periodsOf } from '../../domain/calendar/months.js';
import type { Period } from '../../domain/calendar/dates.js';
import type { IncomeRecord } from '../../domain/income/projection.js';
import { suyuanV1 } from '../../domain/policy/counties/suyuan.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertHousehold } from '../helpers/fixtures.js';
import { DEMO_COUNTY, pointDemoCountyAt } from '../helpers/profiles.js';

const COPY = `county-${DEMO_COUNTY}`;
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // As api/services/admin-counties.ts makes it: the template's stored body, the county's id and name, the template's month.
  const body = { ...JSON.parse(JSON.stringify(suyuanV1)), id: COPY, version: 1, effectiveFrom: suyuanV1.effectiveFrom, countyName: '涑源复制县' };
  await policyProfilesRepo(t.owner).addMissing([{ id: COPY, version: 1, effectiveFrom: suyuanV1.effectiveFrom, countyName: '涑源复制县', body }]);
  await pointDemoCountyAt(t.db, COPY);
});
afterAll(async () => t?.destroy());

async function assessed(headName: string, period: Period, income: IncomeRecord[]) {
  const { row } = await insertHousehold(t.db, headName);
  const summary = await createAssessmentActivities({ db: t.db }).assessHousehold({
    householdId: row.id,
    countyId: DEMO_COUNTY,
    period,
    key: `${row.id}:1:identification.assessed`,
    eventKind: 'identification.assessed',
    source: `application:${period}`,
    actorUserId: null,
    occurredAt: Date.parse(`${period}-25T02:00:00Z`),
    memberCount: 1,
    income,
    spending: [],
    riskCauses: ['illness'],
  });
  return { id: row.id, summary };
}

const months = (from: Period, to: Period, yuan: number): IncomeRecord[] => periodsOf({ from, to }).map((period) => ({ period, kind: 'wages', yuan }));
const search = (focus: string) => householdsRepo(t.db).search({ withinJurisdiction: DEMO_COUNTY, focus, limit: 50, offset: 0 });

describe('focus flags on a county’s copy of the Suyuan profile', () => {
  it('in 2022 the copy flags as Suyuan does: 7,200 over the nine months ÷ 9 × 12 = 9,600, under 12,550 and not under 7,300', async () => {
    const h = await assessed('复制二二', '2022-07', months('2021-10', '2022-06', 800));
    expect(h.summary).toMatchObject({ profileId: COPY, perCapitaFen: 960_000, focus: { belowFocusLine: true, belowMonitoring: false, any: true } });
    expect((await search('belowFocusLine')).items.map((x) => x.id)).toEqual([h.id]);
  });

  it('in 2026 the 2022 window projects nothing: the assessment names the missing window and judges no income (it projected 2021-10…2022-06 as 0 yuan before)', async () => {
    const h = await assessed('复制二六', '2026-12', months('2026-01', '2026-12', 500));
    expect(h.summary).toMatchObject({ profileId: COPY, conclusion: 'undetermined', perCapitaFen: null, belowMonitoring: null, focus: null });
    expect(h.summary.explanation).toContain(
      '涑源复制县政策版本 county-990101 v1 的收入测算期（2021-10 至 2022-06 已采集的月收入）只用于测算2022年度收入，未设定 2026-12 适用的收入测算期，无法按收入判断，请县乡村振兴局补充政策配置',
    );
    expect(h.summary.explanation.join('')).not.toContain('2021-10 至 2022-06 共 9 个月');
  });

  it('once the county sets its own window and 2026 lines, two of three households are flagged and the filter lists exactly them', async () => {
    const line = (kind: 'monitoring' | 'focus', yuan: number) => ({ kind, from: '2026-12', yuanPerPersonYear: yuan, comparison: 'below', meaning: `本县${kind}线（测试数据）`, source: 'county', quote: '测试数据' });
    const v2 = { ...JSON.parse(JSON.stringify(suyuanV1)), id: COPY, version: 2, effectiveFrom: '2026-12', countyName: '涑源复制县', incomeWindow: { kind: 'trailing', months: 12 }, thresholds: [line('monitoring', 8000), line('focus', 13000)] };
    await policyProfilesRepo(t.owner).addMissing([{ id: COPY, version: 2, effectiveFrom: '2026-12', countyName: '涑源复制县', body: v2 }]);
    const low = await assessed('复制甲', '2026-12', months('2026-01', '2026-12', 500)); // 6,000: under both lines
    const middle = await assessed('复制乙', '2026-12', months('2026-01', '2026-12', 900)); // 10,800: under the focus line only
    const clear = await assessed('复制丙', '2026-12', months('2026-01', '2026-12', 1500)); // 18,000
    expect(low.summary.focus).toMatchObject({ belowMonitoring: true, belowFocusLine: true, any: true });
    expect(middle.summary.focus).toMatchObject({ belowMonitoring: false, belowFocusLine: true, any: true });
    expect(clear.summary.focus).toMatchObject({ belowMonitoring: false, belowFocusLine: false, any: false });
    const ids = async (flag: string) => (await search(flag)).items.map((x) => x.id).filter((id) => [low.id, middle.id, clear.id].includes(id)).sort();
    expect(await ids('any')).toEqual([low.id, middle.id].sort());
    expect(await ids('belowMonitoring')).toEqual([low.id]);
  });
});
