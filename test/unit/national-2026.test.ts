/**
 * National practice as of 2026 (常态化帮扶, DOMAIN.md §10 and issue 17 item 4),
 * the sixth profile a new county starts from, read as the database returns it.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS } from '../../db/seed.js';
import { occurrenceFor } from '../../domain/deadlines/cadence.js';
import { DEADLINE_CALENDAR } from '../../domain/deadlines/calendar.js';
import { identificationPolicy } from '../../domain/identification/case-policy.js';
import {
  cadenceOf,
  eliminationShortfalls,
  NEW_COUNTY_PROFILE_ID,
  noticeRow,
  policyProfiles,
  ruleOrigins,
  type PolicyProfile,
} from '../../domain/policy/index.js';
import { catalogueOf, parseProfile } from '../../domain/policy/parse.js';
import { assess, monthly } from '../fidelity/support.js';

function stored(): PolicyProfile {
  const parsed = parseProfile(JSON.parse(JSON.stringify(policyProfiles[NEW_COUNTY_PROFILE_ID]![0])));
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.profile;
}
const national = stored();
const practice = national.standingPractice!;

describe('national practice of 2026 as the sixth profile', () => {
  it('is the profile a new county starts from, and cites no seed', () => {
    expect(NEW_COUNTY_PROFILE_ID).toBe('national-2026');
    expect(national).toMatchObject({ id: 'national-2026', version: 1, sources: [] });
  });

  it('identifies jointly with 低保 and 特困 and decides within 15 days of the first clue', () => {
    expect(practice.jointIdentificationWith).toEqual(['dibao', 'tekun']);
    expect(practice.clueToDecisionDays).toBe(15);
  });

  it('holds the village notice at least 5 days, once, at village level: the case opens with a 5-day notice', () => {
    expect(practice.publicity).toEqual({ minDays: 5, once: true, level: 'village' });
    expect(identificationPolicy(national)).toMatchObject({ steps: ['application', 'village_review', 'public_notice', 'town_audit', 'county_decision'], publicNoticeDays: 5 });
    const shorter = parseProfile({ ...JSON.parse(JSON.stringify(national)), publicNoticeDays: 4 });
    expect(!shorter.ok && shorter.problems).toEqual([expect.stringContaining('at least 5 days')]);
  });

  it('never shows ID number, phone, bank account or health on the notice list, whatever the row holds', () => {
    const row = { name: '张三', village: '东岗村', category: '边缘易致贫户', idNumber: '440233199001011234', phone: '13800000000', bankAccount: '6222000000000000', health: '慢性病' };
    expect(noticeRow(practice, row)).toEqual({ name: '张三', village: '东岗村', category: '边缘易致贫户' });
    const leaky = parseProfile({ ...JSON.parse(JSON.stringify(national)), standingPractice: { ...practice, noticeNeverShows: ['idNumber', 'phone'] } });
    expect(!leaky.ok && leaky.problems.join('\n')).toMatch(/never show bankAccount[\s\S]*never show health/);
  });

  it('eliminates only after 6 months stably above the line, 6 months monitored and a measure received, with no quota', () => {
    expect(practice.elimination).toEqual({ stableAboveLineMonths: 6, minMonitoredMonths: 6, minMeasuresReceived: 1, quota: false });
    expect(eliminationShortfalls(practice, { monthsAboveLine: 6, monthsMonitored: 6, measuresReceived: 1 })).toEqual([]);
    expect(eliminationShortfalls(practice, { monthsAboveLine: 5, monthsMonitored: 5, measuresReceived: 0 })).toEqual([
      '收入稳定超过监测标准不足6个月（现5个月）',
      '纳入监测不足6个月（现5个月）',
      '尚未落实帮扶措施（至少1项）',
    ]);
    expect(national.eliminationAllowsNoLabour).toBe(false);
  });

  it('keeps microcredit to the end of its contract, public-welfare jobs to the end of the agreement and 雨露计划 to the end of the school stage', () => {
    expect(practice.continuingAfterElimination).toEqual([
      { name: '小额信贷', until: '贷款合同期满', measures: ['microcredit'] },
      { name: '公益性岗位', until: '岗位协议期满', measures: ['employment'] },
      { name: '雨露计划', until: '当前学段结束', measures: ['education'] },
    ]);
  });

  it('holds at least one county-wide 集中排查 a year, due by the end of the year', () => {
    expect(practice.countyScreeningsPerYear).toBe(1);
    const screening = cadenceOf(national).find((i) => i.kind === 'county_screening')!;
    expect(screening).toMatchObject({ who: 'county', every: 'year' });
    expect(occurrenceFor(screening, '2026-05', DEADLINE_CALENDAR).at).toBe(Date.parse('2027-01-01T00:00:00+08:00'));
  });

  it('gives no income line (the practice sets none): an assessment cannot judge, and the profile screen asks the county for its line', () => {
    expect(national.thresholds).toEqual([]);
    const result = assess(national, '2026-11', { incomeRecords: monthly('2025-12', '2026-11', 'wages', 500) });
    expect(result.monitoring).toBeNull();
    expect(result.conclusion).toBe('undetermined');
    expect(ruleOrigins(national).find((r) => r.rule === 'thresholds')).toMatchObject({ origin: 'missing', text: expect.stringContaining('请县里录入') });
  });

  it('marks every rule as practice, not a seed’s', () => {
    expect(ruleOrigins(national).filter((r) => r.rule !== 'thresholds').map((r) => r.origin)).toEqual(expect.arrayContaining(['practice']));
    expect(ruleOrigins(national).every((r) => r.origin !== 'seed')).toBe(true);
  });
});

describe('the demo county’s departments', () => {
  it('hold every code any shipped catalogue names (金融办 jrb, 工信局 gx, 人保财险 picc among them)', () => {
    const demo = new Set<string>(DEMO_DEPARTMENTS.map(([code]) => code));
    const missing = Object.values(policyProfiles)
      .flat()
      .flatMap((p) => catalogueOf(p).departments.map((d) => `${p.id}:${d.code}`))
      .filter((key) => !demo.has(key.split(':')[1]!));
    expect(missing).toEqual([]);
    expect([...demo]).toEqual(expect.arrayContaining(['jrb', 'gx', 'picc']));
  });
});
