import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { incomeCalculationWorkbook, type HouseholdFileData } from '../../activities/exports/household-file.js';
import type { Period } from '../../domain/calendar/dates.js';
import { INCOME_FIELDS } from '../../domain/imports/columns.js';
import { linesToSave } from '../../domain/imports/rows.js';
import { projectAnnualIncome, rigidSpending, type IncomeRecord, type SpendingRecord } from '../../domain/income/projection.js';

/** The month rows of a file as the row checks read them (fen by kind filled in), zeros in every pattern. */
const MONTHS: Record<Period, Record<string, number>> = {
  '2025-12': { wages: 80_000, production_net: 0, property: 0, transfer: 12_000, medical: 30_000, schooling: 0 },
  '2026-01': { wages: 0, production_net: 0, property: 0, transfer: 0 },
  '2026-02': { wages: 0, transfer: 0, medical: 45_000, other: 0 },
  '2026-03': { medical: 0, other: 0 },
  '2026-04': { production_net: -5_000, property: 0, disaster: 0 },
  '2026-05': { wages: 90_000, other: 2_000 },
};

/** The registry lines insertFinances writes for the month rows: one per kind given, each to its table (rigid but 其他). */
function lines(months: Record<string, Record<string, number>>): { income: IncomeRecord[]; spending: SpendingRecord[] } {
  const income: IncomeRecord[] = [];
  const spending: SpendingRecord[] = [];
  for (const [period, amounts] of Object.entries(months)) {
    for (const [kind, fen] of Object.entries(amounts)) {
      if ((INCOME_FIELDS as readonly string[]).includes(kind)) income.push({ period: period as Period, kind: kind as IncomeRecord['kind'], yuan: fen / 100 });
      else spending.push({ period: period as Period, kind: kind as SpendingRecord['kind'], yuan: fen / 100, rigid: kind !== 'other' });
    }
  }
  return { income, spending };
}

const saved = Object.fromEntries(Object.entries(MONTHS).map(([p, a]) => [p, linesToSave(a)]));
const everyLine = lines(MONTHS);
const withoutZeros = lines(saved);

describe('an imported month saved without its zero lines', () => {
  it('leaves out the zeros but keeps one line for a month whose amounts are all zero (income first)', () => {
    expect(saved).toEqual({
      '2025-12': { wages: 80_000, transfer: 12_000, medical: 30_000 },
      '2026-01': { wages: 0 },
      '2026-02': { wages: 0, medical: 45_000 },
      '2026-03': { medical: 0 },
      '2026-04': { production_net: -5_000 },
      '2026-05': { wages: 90_000, other: 2_000 },
    });
    expect(withoutZeros.income.length + withoutZeros.spending.length).toBeLessThan(everyLine.income.length + everyLine.spending.length);
  });

  it('gives the same income projection, months without records and rigid spending as every line would', () => {
    for (const period of ['2026-01', '2026-03', '2026-05'] as Period[]) {
      for (const window of [{ kind: 'since_previous_december' }, { kind: 'trailing', months: 12 }, { kind: 'trailing', months: 3 }] as const) {
        expect(projectAnnualIncome(withoutZeros.income, window, period)).toEqual(projectAnnualIncome(everyLine.income, window, period));
      }
    }
    const span = { from: '2025-12', to: '2026-05' } as const;
    expect(rigidSpending(withoutZeros.spending, span)).toEqual(rigidSpending(everyLine.spending, span));
    // 2026-03 filled only spending cells: a month without income records either way.
    expect(projectAnnualIncome(withoutZeros.income, { kind: 'trailing', months: 6 }, '2026-05').income.monthsWithoutRecords).toEqual(['2026-03']);
  });

  it('gives the same 收支测算表 (附件3-2): the same months, amounts, totals and projection', async () => {
    const read = async (finances: HouseholdFileData['finances']) => {
      const data: HouseholdFileData = { household: { head_name: '户主', address: '东岗村1号', category: 'unstable', stage: 'monitoring' }, townName: '东城镇', villageName: '东岗村', members: [], finances, events: [], exportedAt: '2026-06-01' };
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await incomeCalculationWorkbook(data)) as unknown as ExcelJS.Buffer);
      const values: unknown[][] = [];
      workbook.worksheets[0]!.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      return values;
    };
    const all = await read(everyLine);
    expect(all.length).toBeGreaterThan(Object.keys(MONTHS).length);
    expect(await read(withoutZeros)).toEqual(all);
  });
});
