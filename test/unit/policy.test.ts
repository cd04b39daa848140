import { describe, expect, it } from 'vitest';
import {
  cadenceOf,
  isUnder,
  policyProfiles,
  profileFor,
  profileProblems,
  profileVersion,
  registryProblems,
  ruleOrigins,
  thresholdFor,
  type PolicyProfile,
  type ProfileRegistry,
} from '../../domain/policy/index.js';
import { checkDraft } from '../../domain/policy/draft.js';
import { policyMessages } from '../../domain/policy/messages.js';

function profile(id: string): PolicyProfile {
  const versions = policyProfiles[id];
  if (!versions?.[0]) throw new Error(`no profile ${id}`);
  return versions[0];
}

const line = (p: PolicyProfile, kind: 'monitoring' | 'warning' | 'focus' | 'floor', period: string) =>
  thresholdFor(p, kind, period as `${number}-${string}`)?.row.yuanPerPersonYear;

describe('shipped policy profiles', () => {
  it('covers the five seed counties and the demo county, and every profile is sound', () => {
    expect(Object.keys(policyProfiles).sort()).toEqual(['boluo', 'mile', 'national-2026', 'shifan', 'suyuan', 'xinfeng', 'xuwen']);
    expect(registryProblems(policyProfiles)).toEqual([]);
  });

  it('Xinfeng [003]: monitoring 10420 all 2023; warning 10600 July–October, 10800 November–December, none before July', () => {
    const xinfeng = profile('xinfeng');
    for (const month of ['2023-01', '2023-06', '2023-07', '2023-11', '2023-12']) expect(line(xinfeng, 'monitoring', month)).toBe(10420);
    expect(line(xinfeng, 'warning', '2023-01')).toBeUndefined();
    expect(line(xinfeng, 'warning', '2023-06')).toBeUndefined();
    expect(line(xinfeng, 'warning', '2023-07')).toBe(10600);
    expect(line(xinfeng, 'warning', '2023-10')).toBe(10600);
    expect(line(xinfeng, 'warning', '2023-11')).toBe(10800);
    expect(line(xinfeng, 'warning', '2023-12')).toBe(10800);
    expect(line(xinfeng, 'monitoring', '2024-01')).toBeUndefined();
    expect(line(xinfeng, 'warning', '2024-01')).toBeUndefined();
  });

  it('Xinfeng: 以下 includes 10420 itself, 低于 10600 does not include 10600', () => {
    const xinfeng = profile('xinfeng');
    const monitoring = thresholdFor(xinfeng, 'monitoring', '2023-08')!.row;
    const warning = thresholdFor(xinfeng, 'warning', '2023-08')!.row;
    expect(isUnder(1_042_000, monitoring)).toBe(true);
    expect(isUnder(1_042_001, monitoring)).toBe(false);
    expect(isUnder(1_060_000, warning)).toBe(false);
    expect(isUnder(1_059_999, warning)).toBe(true);
  });

  it('Mile [001]: 4428 yuan (1.5 × national poverty line) in 2020, net income, strictly below', () => {
    const mile = profile('mile');
    const found = thresholdFor(mile, 'monitoring', '2020-06');
    expect(found).toMatchObject({ profileId: 'mile', profileVersion: 1, countyName: '弥勒市', period: '2020-06' });
    expect(found?.row).toMatchObject({ yuanPerPersonYear: 4428, comparison: 'below', source: '001' });
    expect(found?.row.quote).toContain('4428');
    expect(mile.incomeMeasure).toBe('net');
    expect(mile.inclusionRule).toBe('trigger_or_below');
    expect(mile.identificationSteps).toEqual(['application', 'village_review', 'town_audit', 'county_decision']);
    expect(mile.publicNoticeDays).toBeUndefined();
    expect(mile.townReportDayOfNextMonth).toBe(3);
  });

  it('Xuwen [002]: 9576 applied in 2021 with the rounded 9600 noted, 9060 as the floor, the town decides', () => {
    const xuwen = profile('xuwen');
    const monitoring = thresholdFor(xuwen, 'monitoring', '2021-05');
    expect(monitoring?.row.yuanPerPersonYear).toBe(9576);
    expect(monitoring?.row.note).toContain('9600');
    expect(line(xuwen, 'floor', '2021-05')).toBe(9060);
    expect(line(xuwen, 'floor', '2025-12')).toBe(9060);
    expect(line(xuwen, 'monitoring', '2022-01')).toBeUndefined();
    expect(xuwen.incomeWindow).toEqual({ kind: 'since_previous_december' });
    expect(xuwen.identificationSteps).toEqual(['application', 'village_review', 'department_comparison', 'town_audit']);
  });

  it('Suyuan [004]: 7300 monitoring and 12550 focus in 2022, the fixed nine-month window, the focus criteria', () => {
    const suyuan = profile('suyuan');
    expect(line(suyuan, 'monitoring', '2022-07')).toBe(7300);
    expect(line(suyuan, 'focus', '2022-07')).toBe(12550);
    expect(line(suyuan, 'warning', '2022-07')).toBeUndefined();
    expect(suyuan.incomeWindow).toEqual({ kind: 'fixed', from: '2021-10', to: '2022-06', projectsYear: 2022 });
    expect(suyuan.focusCriteria).toMatchObject({ noLabourLowIncomeBelow: 'focus' });
    // “转移性收入占比过高” gives no share: missing, and the draft asks the county for one (0 < share < 100).
    expect(suyuan.focusCriteria?.transferSharePercentAbove).toBeUndefined();
    expect(ruleOrigins(suyuan)).toContainEqual(expect.objectContaining({ rule: 'focusCriteria', origin: 'missing', text: policyMessages.transferShareMissing }));
    const draft = (share: unknown) => ({ ...JSON.parse(JSON.stringify(suyuan)), focusCriteria: { ...suyuan.focusCriteria, transferSharePercentAbove: share } });
    expect(checkDraft(draft(60))).toMatchObject({ ok: true, profile: { focusCriteria: { transferSharePercentAbove: 60 } } });
    for (const bad of [0, 100, -5, '50']) expect(checkDraft(draft(bad))).toEqual({ ok: false, problems: [policyMessages.transferShareInvalid] });
  });

  it('Boluo [000] sets no income line; the design procedure with a 7-day public notice applies where a seed is silent', () => {
    const boluo = profile('boluo');
    expect(thresholdFor(boluo, 'monitoring', '2022-05')).toBeUndefined();
    for (const id of ['boluo', 'xinfeng', 'suyuan']) {
      expect(profile(id).identificationSteps).toEqual(['application', 'village_review', 'public_notice', 'town_audit', 'county_decision']);
      expect(profile(id).publicNoticeDays).toBe(7);
    }
  });

  it('chooses no version before a county’s first one', () => {
    expect(profileFor('mile', '2020-04')).toBeUndefined();
    expect(profileFor('mile', '2020-05')?.version).toBe(1);
    expect(profileFor('nowhere', '2023-01')).toBeUndefined();
  });
});

describe('versions over time', () => {
  const xinfeng = profile('xinfeng');
  // A fictional second version, as a county would add it for 2024 without any code change.
  const xinfengV2: PolicyProfile = {
    ...xinfeng,
    version: 2,
    effectiveFrom: '2024-01',
    thresholds: [{ ...xinfeng.thresholds[0]!, from: '2024-01', to: '2024-12', yuanPerPersonYear: 10900, meaning: '测试用2024年监测范围' }],
  };
  const registry: ProfileRegistry = { xinfeng: [xinfengV2, xinfeng] };

  it('chooses the version in force for the period', () => {
    expect(profileFor('xinfeng', '2023-12', registry)?.version).toBe(1);
    expect(profileFor('xinfeng', '2024-01', registry)?.version).toBe(2);
    expect(profileFor('xinfeng', '2026-03', registry)?.version).toBe(2);
  });

  it('answers each period by the line of its own version, naming that version', () => {
    const in2023 = thresholdFor(profileFor('xinfeng', '2023-11', registry)!, 'monitoring', '2023-11');
    const in2024 = thresholdFor(profileFor('xinfeng', '2024-03', registry)!, 'monitoring', '2024-03');
    expect(in2023).toMatchObject({ profileVersion: 1, row: { yuanPerPersonYear: 10420 } });
    expect(in2024).toMatchObject({ profileVersion: 2, row: { yuanPerPersonYear: 10900 } });
  });

  it('keeps every old version reachable by number', () => {
    expect(profileVersion('xinfeng', 1, registry)?.effectiveFrom).toBe('2023-01');
    expect(profileVersion('xinfeng', 2, registry)?.effectiveFrom).toBe('2024-01');
    expect(profileVersion('xinfeng', 3, registry)).toBeUndefined();
    expect(registryProblems(registry)).toEqual([]);
  });
});

describe('profile checks', () => {
  it('reports overlapping lines, a missing notice period and a bad first step', () => {
    const xinfeng = profile('xinfeng');
    const broken: PolicyProfile = {
      ...xinfeng,
      thresholds: [...xinfeng.thresholds, { ...xinfeng.thresholds[1]!, from: '2023-10', to: '2023-11' }],
      identificationSteps: ['village_review', 'public_notice', 'county_decision'],
      publicNoticeDays: undefined,
    };
    const problems = profileProblems(broken);
    expect(problems).toContain('xinfeng v1: two warning lines overlap (2023-07 and 2023-10)');
    expect(problems).toContain('xinfeng v1: two warning lines overlap (2023-11 and 2023-10)');
    expect(problems).toContain('xinfeng v1: identification must begin with the application');
    expect(problems).toContain('xinfeng v1: publicNoticeDays must be set exactly when the steps include the public notice');
  });

  it('reports two versions starting in the same month', () => {
    const mile = profile('mile');
    expect(registryProblems({ mile: [mile, { ...mile, version: 2 }] })).toEqual(['mile: two versions start in the same month']);
  });
});

describe('cadences in the profiles', () => {
  it('each county keeps the cadence its seed gives, all unshifted', () => {
    const kinds = (id: string) => (profile(id).cadence ?? []).map((i) => `${i.kind}/${i.who}`);
    expect(kinds('mile')).toEqual(['monthly_visit/village', 'monthly_update/village', 'town_monthly_report/town', 'measures_in_place/town']);
    expect(kinds('boluo')).toEqual(['monthly_visit/village', 'monthly_update/village', 'medical_tally/department']);
    expect(kinds('xuwen')).toEqual(['monthly_visit/village', 'monthly_update/village']);
    expect(kinds('xinfeng')).toContain('employment_ledger/town');
    expect(kinds('xinfeng')).toContain('hrss_quarter_summary/department');
    expect(kinds('suyuan')).toEqual(['monthly_visit/village', 'monthly_update/village', 'assistance_count_report/town', 'assistance_count_report/department']);
    for (const id of Object.keys(policyProfiles)) {
      for (const item of profile(id).cadence ?? []) expect(item.rule.shift ?? 'none', `${id} ${item.kind}`).toBe('none');
    }
  });

  it('reports a cadence that disagrees with monthlyUpdateDay or townReportDayOfNextMonth', () => {
    const mile = profile('mile');
    expect(profileProblems({ ...mile, monthlyUpdateDay: 25 })).toContain(
      "mile v1: the cadence's monthly_update (day_of_month 20, shift none) disagrees with monthlyUpdateDay 25 (day_of_month)",
    );
    expect(profileProblems({ ...mile, townReportDayOfNextMonth: undefined })).toContain(
      'mile v1: the cadence has a town_monthly_report, but townReportDayOfNextMonth is not set',
    );
    const xinfeng = profile('xinfeng');
    expect(profileProblems({ ...xinfeng, townReportDayOfNextMonth: 5 })).toContain('xinfeng v1: the cadence has no town_monthly_report, but townReportDayOfNextMonth is 5');
    const shifted = (xinfeng.cadence ?? []).map((i) => (i.kind === 'monthly_update' ? { ...i, rule: { ...i.rule, shift: 'next_working_day' as const } } : i));
    // A cadence may move the 20th off a non-working day: the register follows the cadence.
    expect(profileProblems({ ...xinfeng, cadence: shifted })).toEqual([]);
    expect(profileProblems({ ...xinfeng, cadence: [] })).toContain('xinfeng v1: the cadence has no monthly_update, but monthlyUpdateDay is 20');
  });

  it('reports a malformed cadence item through the profile', () => {
    const boluo = profile('boluo');
    const cadence = [...(boluo.cadence ?? []), { kind: 'medical_tally', who: 'department', every: 'year', rule: { kind: 'date_in_year', month: 13, day: 1 } }] as PolicyProfile['cadence'];
    expect(profileProblems({ ...boluo, cadence })).toContain('boluo v1: cadence item 4 (medical_tally by department): date_in_year: 13-1 is not a date every year has');
  });

  it('derives a cadence for a version stored before cadences, from its two fields', () => {
    const stored: PolicyProfile = { ...profile('mile'), cadence: undefined };
    const derived = cadenceOf(stored);
    expect(derived.map((i) => i.kind)).toEqual(['monthly_visit', 'monthly_update', 'town_monthly_report']);
    expect(derived[1]!.rule).toEqual({ kind: 'day_of_month', day: 20, shift: 'none' });
    expect(derived[2]!.rule).toEqual({ kind: 'day_of_next_month', day: 3, shift: 'none' });
    expect(profileProblems({ ...stored, cadence: derived })).toEqual([]);
  });
});
