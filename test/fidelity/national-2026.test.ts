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
import { comparisonSettings } from '../../domain/comparison/policy.js';
import { markKeyOf, readFeedRow } from '../../domain/comparison/rows.js';
import type { Cell } from '../../domain/imports/cells.js';
import { checkCharacter } from '../../domain/people/id-number.js';
import { assess, monthly, reparsed, storedProfile } from './support.js';

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

describe('national practice 2026: “joint identification with 低保 / 特困 … on one income method with shared data”', () => {
  const settings = comparisonSettings(national.comparison);
  const first17 = '99010119700101051';
  const row = (feedId: string, status: string) => {
    const feed = settings.feeds.find((f) => f.id === feedId)!;
    const cells: Record<string, string> = { idNumber: first17 + checkCharacter(first17), name: '甲', month: '2026-11', status };
    const read = readFeedRow(feed, settings, (field): Cell => (cells[field] ? { kind: 'text', text: cells[field]! } : { kind: 'empty' }), { year: 2026, month: 12, day: 2 });
    return (read.factValue ?? {})[markKeyOf(feed)!];
  };

  it('the profile names the groups identified jointly, and its 民政 feeds mark exactly those groups in the registry — the rule is data of the profile', () => {
    expect(national.standingPractice?.jointIdentificationWith).toEqual(['dibao', 'tekun']);
    const marking = settings.feeds.filter((f) => f.mark).map((f) => [f.id, f.department, f.mark!.kind]);
    expect(marking).toEqual([['mz_dibao', 'mz', 'dibao'], ['mz_tekun', 'mz', 'tekun']]);
    expect(marking.map(([, , kind]) => kind)).toEqual(national.standingPractice?.jointIdentificationWith);
  });

  it('a 民政 row 在保 / 新增 keeps the household marked, 停保 / 退出 does not (read by the feed’s own choices)', () => {
    for (const feed of ['mz_dibao', 'mz_tekun']) {
      const mark = settings.feeds.find((f) => f.id === feed)!.mark!;
      expect(mark.values).toContain(row(feed, '在保'));
      expect(mark.values).toContain(row(feed, '新增'));
      expect(mark.values).not.toContain(row(feed, '停保'));
      expect(mark.values).not.toContain(row(feed, '退出'));
    }
  });

  it('“on one income method”: the profile notes the same 12-month income window as 低保 / 特困, as practice, and judges a marked household by the monitoring’s own rule', () => {
    expect(national.incomeWindow).toEqual({ kind: 'trailing', months: 12 });
    expect(national.practice?.find((p) => p.field === 'incomeWindow')?.note).toBe('通行做法：与低保、特困同一收入支出核算口径，取最近12个月');
    // The practice gives no line: the assessment says so instead of inventing one, and the county enters its own.
    const judged = assess(national, '2026-11', { incomeRecords: monthly('2025-12', '2026-11', 'wages', 300) });
    expect(judged.conclusion).toBe('undetermined');
    expect(national.thresholds).toEqual([]);
    const withLine = reparsed(national, { thresholds: [{ kind: 'monitoring', from: '2026-01', yuanPerPersonYear: 8000, comparison: 'below', meaning: '县里录入的本年监测标准', source: '002', quote: '测试用' }] });
    expect(Array.isArray(withLine)).toBe(false);
    const county = withLine as typeof national;
    expect(assess(county, '2026-11', { incomeRecords: monthly('2025-12', '2026-11', 'wages', 300) })).toMatchObject({ belowThreshold: true, conclusion: 'eligible' });
    expect(assess(county, '2026-11', { incomeRecords: monthly('2025-12', '2026-11', 'wages', 900) })).toMatchObject({ belowThreshold: false, conclusion: 'not_eligible' });
  });

  it('a feed whose mark reads a column its fact does not keep is refused as a profile', () => {
    const feeds = settings.feeds.map((f) => (f.id === 'mz_dibao' ? { ...f, mark: { ...f.mark!, field: 'monthlyYuan' }, fact: { ...f.fact, values: { status: 'status' } } } : f));
    expect(reparsed(national, { comparison: { ...national.comparison, feeds } })).toEqual(expect.arrayContaining([expect.stringContaining('marks from a column its fact does not keep')]));
  });
});
