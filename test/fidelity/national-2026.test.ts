/**
 * National practice as of 2026 (常态化帮扶, DOMAIN.md §10): no seed gives these
 * rules, so each test quotes the practice as the issue states it and runs
 * through the stored `national-2026` profile; the five seed counties, whose
 * documents say nothing of them, do not get them.
 */
import { describe, expect, it } from 'vitest';
import { identificationPolicy } from '../../domain/identification/case-policy.js';
import { clockItemKind, clockName, clocksDue, CLUE_TO_DECISION } from '../../domain/identification/clocks.js';
import {
  continuingMeasures,
  eliminationConditions,
  eliminationFactsOf,
  eliminationRefusals,
  monthsAboveLine,
  monthsMonitored,
} from '../../domain/identification/elimination-conditions.js';
import { openCase, submitApplication } from '../../domain/identification/steps.js';
import { catalogueOf } from '../../domain/policy/parse.js';
import { storedProfile } from './support.js';

const national = storedProfile('national-2026');
const SEEDS = ['boluo', 'mile', 'xuwen', 'xinfeng', 'suyuan'] as const;
const met = { monthsAboveLine: 6, monthsMonitored: 6, measuresReceived: 1 };

describe('national practice 2026: “from first clue to county decision within 15 days”', () => {
  it('gives every identification case a clock of 15 calendar days (not working days) from its opening, named in the register', () => {
    const policy = identificationPolicy(national);
    expect(policy.clocks).toEqual({ clueToDecisionDays: 15 });
    const due = clocksDue(submitApplication(openCase(policy.steps)), policy.clocks);
    expect(due).toEqual([{ scope: CLUE_TO_DECISION, workingDays: 15, calendarDays: true }]);
    expect(clockName({ procedure: 'identification', scope: CLUE_TO_DECISION, workingDays: 15 })).toBe('监测识别从发现线索到县级确定（15天内）');
    expect(clockItemKind({ procedure: 'identification', scope: CLUE_TO_DECISION })).toBe('identification_clue');
  });

  it('stops the clock when the case ends (the county decision)', () => {
    const policy = identificationPolicy(national);
    expect(clocksDue({ ...openCase(policy.steps), status: 'approved', current: null }, policy.clocks)).toEqual([]);
  });

  it.each(SEEDS)('%s: its document names no such clock, so its cases have none', (id) => {
    const clocks = identificationPolicy(storedProfile(id)).clocks;
    expect(clocks?.clueToDecisionDays).toBeUndefined();
  });
});

describe('national practice 2026: “elimination only after income stably above the line for at least 6 months, at least 6 months monitored and at least one measure received, with no quota”', () => {
  it('refuses with each unmet condition named, and nothing when all are met', () => {
    expect(eliminationRefusals(national, met)).toEqual([]);
    expect(eliminationRefusals(national, { monthsAboveLine: 5, monthsMonitored: 6, measuresReceived: 1 })).toEqual(['收入稳定超过监测标准不足6个月（现5个月）']);
    expect(eliminationRefusals(national, { monthsAboveLine: 6, monthsMonitored: 2, measuresReceived: 1 })).toEqual(['纳入监测不足6个月（现2个月）']);
    expect(eliminationRefusals(national, { monthsAboveLine: 6, monthsMonitored: 6, measuresReceived: 0 })).toEqual(['尚未落实帮扶措施（至少1项）']);
  });

  it('“stably”: the months above the line run without a break up to the latest assessment; one month under it, or a month not assessed, starts the count again', () => {
    const above = (period: string) => ({ period: period as `${number}-${string}`, belowMonitoring: false });
    expect(monthsAboveLine(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map(above))).toBe(6);
    expect(monthsAboveLine([...['2026-01', '2026-02', '2026-03'].map(above), { period: '2026-04', belowMonitoring: true }, ...['2026-05', '2026-06'].map(above)])).toBe(2);
    expect(monthsAboveLine(['2026-01', '2026-02', '2026-04', '2026-05'].map(above))).toBe(2);
    // No line in force counts as not above it: the practice gives no line, and the county must enter one.
    expect(monthsAboveLine([{ period: '2026-01', belowMonitoring: null }])).toBe(0);
    // A month assessed twice counts by its latest assessment.
    expect(monthsAboveLine([{ period: '2026-03', belowMonitoring: true }, above('2026-03')])).toBe(1);
  });

  it('“at least 6 months monitored”: whole months from the county decision, a month ending on the same day of the next', () => {
    expect(monthsMonitored({ year: 2026, month: 1, day: 15 }, { year: 2026, month: 7, day: 14 })).toBe(5);
    expect(monthsMonitored({ year: 2026, month: 1, day: 15 }, { year: 2026, month: 7, day: 15 })).toBe(6);
    expect(eliminationFactsOf({ assessed: [], monitoredSince: null, measuresCompleted: 0, today: { year: 2026, month: 7, day: 15 } })).toEqual({ monthsAboveLine: 0, monthsMonitored: 0, measuresReceived: 0 });
  });

  it('lists the conditions as practice (文件未规定), with where the household stands, “no quota” among them, and no elimination for a household without labour', () => {
    const list = eliminationConditions(national, { monthsAboveLine: 3, monthsMonitored: 7, measuresReceived: 2 }, false);
    expect(list.map((c) => [c.key, c.origin, c.met, c.now ?? null])).toEqual([
      ['stableAboveLine', 'practice', false, '现3个月'],
      ['monitoredMonths', 'practice', true, '现7个月'],
      ['measuresReceived', 'practice', true, '现已落实2项'],
      ['noQuota', 'practice', null, null],
      ['labour', 'practice', false, null],
    ]);
    expect(list.map((c) => c.text)).toContain('不设风险消除比例、不定指标');
  });
});

describe('national practice 2026: “measures that continue after elimination (microcredit to the end of its contract, public-welfare jobs to the end of the agreement, 雨露计划 to the end of the school stage)”', () => {
  it('names the catalogue’s measures that carry them, with until when', () => {
    const codes = continuingMeasures(national.standingPractice);
    expect([...codes.entries()]).toEqual([
      ['microcredit', '风险消除后继续享受小额信贷，至贷款合同期满'],
      ['employment', '风险消除后继续享受公益性岗位，至岗位协议期满'],
      ['education', '风险消除后继续享受雨露计划，至当前学段结束'],
    ]);
    const catalogue = catalogueOf(national);
    for (const code of codes.keys()) expect(catalogue.measures.some((m) => m.code === code)).toBe(true);
  });

  it('reads a version stored before the codes by the measures’ names', () => {
    const older = { ...national.standingPractice!, continuingAfterElimination: national.standingPractice!.continuingAfterElimination.map(({ name, until }) => ({ name, until })) };
    expect([...continuingMeasures(older).keys()]).toEqual(['microcredit', 'employment', 'education']);
  });

  it.each(SEEDS)('%s: its document has no measure continuing after elimination', (id) => {
    expect(continuingMeasures(storedProfile(id).standingPractice).size).toBe(0);
  });
});

describe('the seed counties’ own elimination conditions', () => {
  it.each(['boluo', 'xinfeng', 'suyuan'] as const)('%s: its document states no elimination condition; only the practice on households without labour applies, marked as practice', (id) => {
    const profile = storedProfile(id);
    expect(eliminationConditions(profile, met, true).map((c) => [c.key, c.origin])).toEqual([['labour', 'practice']]);
    expect(profile.practice?.find((p) => p.field === 'eliminationAllowsNoLabour')?.note).toContain('文件未规定');
  });
});
