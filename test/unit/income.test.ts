import { describe, expect, it } from 'vitest';
import type { Period } from '../../domain/calendar/dates.js';
import { householdIncome, perCapitaFen, projectAnnualIncome, resolveWindow, rigidSpending, type IncomeRecord } from '../../domain/income/projection.js';

const wages = (period: Period, yuan: number): IncomeRecord => ({ period, kind: 'wages', yuan });
const transfer = (period: Period, yuan: number): IncomeRecord => ({ period, kind: 'transfer', yuan });

describe('income windows', () => {
  it('Xuwen [002]: included in May 2021 → actual 2020-12…2021-05 (6 months), projected 2020-12…2021-11', () => {
    expect(resolveWindow({ kind: 'since_previous_december' }, '2021-05')).toEqual({
      actual: { from: '2020-12', to: '2021-05' },
      months: 6,
      projected: { from: '2020-12', to: '2021-11' },
    });
  });

  it('since the previous December: January uses two months, December starts a new income year', () => {
    expect(resolveWindow({ kind: 'since_previous_december' }, '2021-01')).toMatchObject({ actual: { from: '2020-12', to: '2021-01' }, months: 2 });
    expect(resolveWindow({ kind: 'since_previous_december' }, '2021-11')).toMatchObject({ months: 12, projected: { from: '2020-12', to: '2021-11' } });
    expect(resolveWindow({ kind: 'since_previous_december' }, '2021-12')).toEqual({
      actual: { from: '2021-12', to: '2021-12' },
      months: 1,
      projected: { from: '2021-12', to: '2022-11' },
    });
  });

  it('Suyuan [004]: the fixed nine months 2021-10…2022-06 stand for the year 2022', () => {
    const window = { kind: 'fixed', from: '2021-10', to: '2022-06', projectsYear: 2022 } as const;
    expect(resolveWindow(window, '2022-07')).toEqual({ actual: { from: '2021-10', to: '2022-06' }, months: 9, projected: { from: '2022-01', to: '2022-12' } });
    expect(resolveWindow(window, '2022-09').months).toBe(9);
    // Before the window closes only the months collected so far count.
    expect(resolveWindow(window, '2022-03')).toMatchObject({ actual: { from: '2021-10', to: '2022-03' }, months: 6 });
    expect(() => resolveWindow(window, '2021-09')).toThrow(RangeError);
  });

  it('trailing months end with the assessment month', () => {
    expect(resolveWindow({ kind: 'trailing', months: 12 }, '2020-06')).toEqual({
      actual: { from: '2019-07', to: '2020-06' },
      months: 12,
      projected: { from: '2019-07', to: '2020-06' },
    });
    expect(() => resolveWindow({ kind: 'trailing', months: 0 }, '2020-06')).toThrow(RangeError);
  });
});

describe('projecting annual income', () => {
  it('Xuwen: sum of Dec 2020 – May 2021 ÷ 6 × 12, ignoring months outside the window', () => {
    const records: IncomeRecord[] = [
      wages('2020-11', 9999),
      wages('2020-12', 2500.5),
      wages('2021-01', 3100),
      wages('2021-02', 800),
      wages('2021-03', 2900),
      wages('2021-04', 2800.25),
      transfer('2021-04', 200),
      wages('2021-05', 2950),
      wages('2021-06', 9999),
    ];
    const projection = projectAnnualIncome(records, { kind: 'since_previous_december' }, '2021-05');
    expect(projection.window.months).toBe(6);
    expect(projection.sumFen).toBe(1_525_075);
    expect(projection.annualFen).toBe(3_050_150);
    expect(projection.income.byKindFen).toEqual({ wages: 1_505_075, production_net: 0, property: 0, transfer: 20_000 });
    expect(projection.explanation).toBe(
      '按 2020-12 至 2021-05 共 6 个月已采集的家庭收入合计 15,250.75 元，÷ 6 × 12，预计 2020-12 至 2021-11 全年家庭收入 30,501.50 元',
    );
    expect(perCapitaFen(projection.annualFen, 3)).toBe(1_016_717);
  });

  it('Suyuan: the nine collected months ÷ 9 × 12, rounded to the fen', () => {
    const months: Period[] = ['2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06'];
    const records = months.map((p) => wages(p, 2777.78));
    records.push(wages('2021-09', 5000), wages('2022-07', 5000));
    const projection = projectAnnualIncome(records, { kind: 'fixed', from: '2021-10', to: '2022-06', projectsYear: 2022 }, '2022-07');
    expect(projection.sumFen).toBe(2_500_002);
    // 25,000.02 ÷ 9 × 12 = 33,333.36
    expect(projection.annualFen).toBe(3_333_336);
    expect(projection.explanation).toContain('共 9 个月');
    expect(projection.explanation).toContain('÷ 9 × 12');
    expect(projection.explanation).toContain('预计 2022-01 至 2022-12 全年家庭收入 33,333.36 元');
  });

  it('counts a month without records as zero and names it', () => {
    const projection = projectAnnualIncome([wages('2021-01', 1200), wages('2021-03', 1200)], { kind: 'since_previous_december' }, '2021-03');
    expect(projection.income.monthsWithoutRecords).toEqual(['2020-12', '2021-02']);
    // 2,400 over four months (2020-12…2021-03) ÷ 4 × 12
    expect(projection.annualFen).toBe(720_000);
  });

  it('nets a production loss against other income', () => {
    const total = householdIncome(
      [wages('2021-01', 3000), { period: '2021-01', kind: 'production_net', yuan: -1200.5 }, { period: '2021-01', kind: 'property', yuan: 100 }],
      { from: '2021-01', to: '2021-01' },
    );
    expect(total.totalFen).toBe(189_950);
  });

  it('refuses negative wages or transfers and malformed months', () => {
    expect(() => householdIncome([wages('2021-01', -1)], { from: '2021-01', to: '2021-01' })).toThrow(RangeError);
    expect(() => householdIncome([wages('2021-1' as Period, 1)], { from: '2021-01', to: '2021-01' })).toThrow(RangeError);
  });

  it('shares a household amount over its members to the fen, half up', () => {
    expect(perCapitaFen(100, 3)).toBe(33);
    expect(perCapitaFen(5, 2)).toBe(3);
    expect(() => perCapitaFen(100, 0)).toThrow(RangeError);
  });
});

describe('rigid spending', () => {
  it('sums only rigid spending inside the span, by kind', () => {
    const total = rigidSpending(
      [
        { period: '2021-02', kind: 'medical', yuan: 18_000, rigid: true },
        { period: '2021-03', kind: 'schooling', yuan: 2_500.5, rigid: true },
        { period: '2021-03', kind: 'other', yuan: 4_000, rigid: false },
        { period: '2019-12', kind: 'medical', yuan: 50_000, rigid: true },
      ],
      { from: '2020-06', to: '2021-05' },
    );
    expect(total.totalFen).toBe(2_050_050);
    expect(total.byKindFen.medical).toBe(1_800_000);
    expect(total.byKindFen.schooling).toBe(250_050);
    expect(total.byKindFen.other).toBe(0);
  });
});
