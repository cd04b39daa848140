import { describe, expect, it } from 'vitest';
import { cadenceOf } from '../../domain/policy/profile.js';
import { mileV1 } from '../../domain/policy/counties/mile.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';
import { xinfengV1 } from '../../domain/policy/counties/xinfeng.js';
import { periodKeyName, townMessages } from '../../domain/town/messages.js';
import {
  applyCorrections,
  buildTownReport,
  periodKeyStart,
  townItemsLive,
  type ReportHousehold,
  type ReportHouseholdRow,
  type StageEventRow,
} from '../../domain/town/report.js';
import { OFFICIAL_CN_CALENDAR } from '../../domain/calendar/official-cn.js';

const at = (iso: string) => Date.parse(`${iso}+08:00`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('the town items of a county cadence', () => {
  it('opens Mile’s report of a month when the month ends, due by the end of the 3rd of the next (次月3日前)', () => {
    const items = townItemsLive(cadenceOf(mileV1), at('2026-11-23T10:00:00'), at('2026-12-01T00:00:00'), OFFICIAL_CN_CALENDAR);
    expect(items).toEqual([]);
    const december = townItemsLive(cadenceOf(mileV1), at('2026-12-01T00:00:00'), at('2027-01-01T00:00:00'), OFFICIAL_CN_CALENDAR);
    expect(december.map((i) => [i.key, i.periodKey, iso(i.opensAt), iso(i.dueAt)])).toEqual([
      ['town_monthly_report:town:2026-11', '2026-11', '2026-11-30T16:00:00.000Z', '2026-12-03T16:00:00.000Z'],
    ]);
  });

  it('keeps the 2020 measures deadline of Mile in 2020 only', () => {
    const june2020 = townItemsLive(cadenceOf(mileV1), at('2020-06-01T00:00:00'), at('2020-07-01T00:00:00'), OFFICIAL_CN_CALENDAR);
    expect(june2020.map((i) => i.kind)).toEqual(['town_monthly_report', 'measures_in_place']);
    const june2026 = townItemsLive(cadenceOf(mileV1), at('2026-06-01T00:00:00'), at('2026-07-01T00:00:00'), OFFICIAL_CN_CALENDAR);
    expect(june2026.map((i) => i.kind)).toEqual(['town_monthly_report']);
  });

  it('gives a Xinfeng town its employment ledger by the 20th of a quarter’s first month and its screening and export by the quarter’s end', () => {
    const january = townItemsLive(cadenceOf(xinfengV1), at('2027-01-01T00:00:00'), at('2027-02-01T00:00:00'), OFFICIAL_CN_CALENDAR);
    expect(january.map((i) => [i.kind, i.periodKey, iso(i.opensAt), iso(i.dueAt)])).toEqual([
      ['employment_ledger', '2027-Q1', '2026-12-31T16:00:00.000Z', '2027-01-20T16:00:00.000Z'],
      ['town_quarterly_screening', '2027-Q1', '2026-12-31T16:00:00.000Z', '2027-03-31T16:00:00.000Z'],
      ['quarter_end_export', '2027-Q1', '2026-12-31T16:00:00.000Z', '2027-03-31T16:00:00.000Z'],
    ]);
    // Started in late November: the fourth quarter's screening and export are still open, its ledger (due 20 October) is past.
    const started = townItemsLive(cadenceOf(xinfengV1), at('2026-11-23T10:00:00'), at('2026-12-01T00:00:00'), OFFICIAL_CN_CALENDAR);
    expect(started.map((i) => i.key)).toEqual(['town_quarterly_screening:town:2026-Q4', 'quarter_end_export:town:2026-Q4']);
    // The county's and the department's items are not the town's.
    expect(january.every((i) => i.key.includes(':town:'))).toBe(true);
  });

  it('gives the demo county only the monthly report (its profile has no cadence: the fields give it)', () => {
    const year = townItemsLive(cadenceOf(shifanV1), at('2026-11-23T10:00:00'), at('2027-11-23T10:00:00'), OFFICIAL_CN_CALENDAR);
    expect(year.map((i) => i.periodKey)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10']);
    expect(new Set(year.map((i) => i.kind))).toEqual(new Set(['town_monthly_report']));
  });

  it('names periods as the register keeps them', () => {
    expect(['2026-11', '2026-Q4', '2027'].map(periodKeyName)).toEqual(['2026年11月', '2026年第四季度', '2027年度']);
    expect(['2026-11', '2026-Q4', '2027', '2026-Q5', '2026-13'].map(periodKeyStart)).toEqual(['2026-11', '2026-10', '2027-01', undefined, undefined]);
  });
});

const row = (id: string, headName: string, stage: string, villageId = '990101001201', villageName = '东岗村'): ReportHouseholdRow => ({
  id,
  villageId,
  villageName,
  headName,
  stage,
  createdAt: at('2025-01-01T00:00:00'),
});
const event = (householdId: string, kind: StageEventRow['kind'], when: string): StageEventRow => ({ householdId, kind, occurredAt: at(when) });

describe('the monthly report of risk and risk-eliminated households [001]', () => {
  const households = [
    row('h-new', '王五', 'monitoring'),
    row('h-old', '李四', 'monitoring', '990101001202', '河口村'),
    row('h-elim', '赵六', 'eliminated'),
    row('h-back', '钱七', 'monitoring'),
    row('h-later', '孙八', 'monitoring'),
    row('h-imported', '周九', 'monitoring'),
    row('h-elim-later', '吴十', 'eliminated'),
  ];
  const events = [
    event('h-new', 'identification.approved', '2026-11-12T09:00:00'),
    event('h-old', 'identification.approved', '2026-03-02T09:00:00'),
    event('h-elim', 'identification.approved', '2026-01-05T09:00:00'),
    event('h-elim', 'elimination.confirmed', '2026-11-30T23:59:00'),
    event('h-back', 'identification.approved', '2026-02-01T09:00:00'),
    event('h-back', 'elimination.confirmed', '2026-06-01T09:00:00'),
    event('h-back', 'elimination.rolled_back', '2026-11-03T09:00:00'),
    event('h-later', 'identification.approved', '2026-12-01T00:00:00'),
    event('h-elim-later', 'identification.approved', '2026-04-01T09:00:00'),
    event('h-elim-later', 'elimination.confirmed', '2026-12-02T09:00:00'),
  ];
  const report = buildTownReport({ period: '2026-11', households, events });

  it('lists the monitoring objects at the month’s end, those that became one in the month, and those marked eliminated in it', () => {
    expect(report.monitoring.map((h) => h.headName)).toEqual(['钱七', '王五', '吴十', '周九', '李四']);
    expect(report.newRisk.map((h) => [h.headName, h.how])).toEqual([
      ['钱七', 'rolled_back'],
      ['王五', 'identified'],
    ]);
    expect(report.eliminated.map((h) => h.headName)).toEqual(['赵六']);
    expect(report.counts).toEqual({ monitoring: 5, newRisk: 2, eliminated: 1 });
  });

  it('judges the stage at the month’s end, not today: identified later is out, eliminated later is still in', () => {
    expect(report.monitoring.map((h) => h.householdId)).not.toContain('h-later');
    expect(report.monitoring.map((h) => h.householdId)).toContain('h-elim-later');
  });

  it('leaves out a household registered after the month', () => {
    const late = { ...row('h-new-2', '郑一', 'monitoring'), createdAt: at('2026-12-01T00:00:00') };
    expect(buildTownReport({ period: '2026-11', households: [late], events: [] }).counts).toEqual({ monitoring: 0, newRisk: 0, eliminated: 0 });
  });

  const town = new Map<string, ReportHousehold>([['h-extra', { householdId: 'h-extra', villageId: '990101001202', villageName: '河口村', headName: '冯二' }]]);

  it('applies the town officer’s corrections and recounts, keeping each with its reason', () => {
    const corrected = applyCorrections(
      report,
      [
        { householdId: 'h-extra', section: 'newRisk', change: 'add', reason: '11月28日县级确定，系统录入延迟' },
        { householdId: 'h-extra', section: 'monitoring', change: 'add', reason: '同上' },
        { householdId: 'h-back', section: 'newRisk', change: 'remove', reason: ' 回退当日即已恢复帮扶，不属新增 ' },
      ],
      town,
    );
    if (!('report' in corrected)) throw new Error('expected a report');
    expect(corrected.report.newRisk.map((h) => [h.headName, h.how])).toEqual([
      ['王五', 'identified'],
      ['冯二', 'corrected'],
    ]);
    expect(corrected.report.counts).toEqual({ monitoring: 6, newRisk: 2, eliminated: 1 });
    expect(corrected.report.corrections.map((c) => [c.headName, c.section, c.change, c.reason])).toEqual([
      ['冯二', 'newRisk', 'add', '11月28日县级确定，系统录入延迟'],
      ['冯二', 'monitoring', 'add', '同上'],
      ['钱七', 'newRisk', 'remove', '回退当日即已恢复帮扶，不属新增'],
    ]);
    expect(report.counts).toEqual({ monitoring: 5, newRisk: 2, eliminated: 1 });
  });

  it('refuses corrections that do not fit the draft, in words the officer reads', () => {
    const problem = (corrections: Parameters<typeof applyCorrections>[1]) => {
      const result = applyCorrections(report, corrections, town);
      return 'problem' in result ? townMessages.correction(result.problem) : undefined;
    };
    expect(problem([{ householdId: 'h-old', section: 'eliminated', change: 'remove', reason: '误列' }])).toBe('户编号 h-old 不在“当月风险消除户”名单中，无法删除');
    expect(problem([{ householdId: 'h-new', section: 'monitoring', change: 'add', reason: '补列' }])).toBe('户编号 h-new 已在“风险户（监测对象）”名单中，无需补列');
    expect(problem([{ householdId: 'h-nowhere', section: 'monitoring', change: 'add', reason: '补列' }])).toBe('户编号 h-nowhere 不是本乡镇的农户');
    expect(problem([{ householdId: 'h-new', section: 'newRisk', change: 'remove', reason: '  ' }])).toBe('请填写户编号 h-new 的更正理由');
    expect(
      problem([
        { householdId: 'h-new', section: 'newRisk', change: 'remove', reason: '误列' },
        { householdId: 'h-new', section: 'newRisk', change: 'add', reason: '又补' },
      ]),
    ).toBe('户编号 h-new 在“当月新增风险户”中更正了两次');
  });
});
