/**
 * A household's whole file 一户一档 in one workbook — its basic facts and
 * members, the 收支测算表 (附件3-2 [001]) of its recorded months, and every
 * entry of its history — and the 收支测算表 on its own.
 */
import ExcelJS from 'exceljs';
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { exportMessages } from '../../domain/exports/messages.js';
import { INCOME_KINDS, SPENDING_KINDS, type IncomeRecord, type SpendingRecord } from '../../domain/income/projection.js';
import { eventKindNames, spendingKindNames } from '../../domain/messages/catalogue.js';
import { HOUSEHOLD_CATEGORY_NAMES, HOUSEHOLD_STAGE_NAMES, INCOME_KIND_NAMES, LABOUR_ABILITY_NAMES } from '../../domain/messages/fields.js';
import { relationNames } from '../../domain/measures/task-messages.js';
import { maskIdNumber } from '../../domain/people/id-number.js';
import { importMessages } from '../../domain/imports/messages.js';
import { ledgerSheet, THIN_BORDER } from './sheets.js';

export interface HouseholdFileData {
  readonly household: { head_name: string; address: string; category: string; stage: string };
  readonly townName: string;
  readonly villageName: string;
  readonly members: ReadonlyArray<{ name: string; id_number: string; relation: string; labour_ability: string; is_student: boolean; disability_grade: string | null; chronic_illness: boolean }>;
  readonly finances: { income: readonly IncomeRecord[]; spending: readonly SpendingRecord[] };
  readonly events: ReadonlyArray<{ kind: string; occurred_at: Date; actor_name: string | null; payload: unknown }>;
  readonly exportedAt: string;
}

const f = exportMessages.householdFile;
const c = exportMessages.incomeCalculation;
const day = (d: Date) => formatLocalDate(toLocalDate(d.getTime()));
const yuan = (n: number) => Math.round(n * 100) / 100;

/** The 收支测算表: a row per recorded month with income and spending by kind, the totals, the annual projection and per capita. */
export function addIncomeCalculation(workbook: ExcelJS.Workbook, data: HouseholdFileData): void {
  const headings = [c.period, ...INCOME_KINDS.map((k) => INCOME_KIND_NAMES[k]), c.incomeTotal, ...SPENDING_KINDS.map((k) => importMessages.heading.spending(spendingKindNames[k])), c.rigidTotal];
  const sheet = ledgerSheet(workbook, c.sheet, c.title(data.household.head_name), exportMessages.exportedAt(data.exportedAt), headings, headings.map((_, i) => (i === 0 ? 10 : 13)));
  const periods = [...new Set([...data.finances.income, ...data.finances.spending].map((r) => r.period))].sort();
  const totals = new Array<number>(headings.length - 1).fill(0);
  for (const period of periods) {
    const income = INCOME_KINDS.map((k) => data.finances.income.filter((r) => r.period === period && r.kind === k).reduce((s, r) => s + r.yuan, 0));
    const spending = SPENDING_KINDS.map((k) => data.finances.spending.filter((r) => r.period === period && r.kind === k).reduce((s, r) => s + r.yuan, 0));
    const rigid = data.finances.spending.filter((r) => r.period === period && r.rigid).reduce((s, r) => s + r.yuan, 0);
    const values = [...income, income.reduce((a, b) => a + b, 0), ...spending, rigid].map(yuan);
    values.forEach((v, i) => (totals[i]! += v));
    sheet.addRow([period, ...values]).eachCell((cell) => (cell.border = THIN_BORDER));
  }
  sheet.addRow([c.total, ...totals.map(yuan)]).font = { bold: true };
  const members = data.members.length;
  const incomeTotal = totals[INCOME_KINDS.length]!;
  if (periods.length > 0) {
    const projected = yuan((incomeTotal / periods.length) * 12);
    sheet.addRow([]);
    sheet.addRow([c.projected(periods.length), projected]);
    sheet.addRow([c.members, members]);
    if (members > 0) sheet.addRow([c.perCapita, yuan(projected / members)]);
  }
}

export async function householdFileWorkbook(data: HouseholdFileData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const basics = ledgerSheet(workbook, f.basics, f.basicsTitle(data.household.head_name), exportMessages.exportedAt(data.exportedAt), f.basicsHeadings, [16, 40], false);
  const h = data.household;
  for (const [label, value] of [
    [f.fields.town, data.townName],
    [f.fields.village, data.villageName],
    [f.fields.headName, h.head_name],
    [f.fields.address, h.address],
    [f.fields.category, HOUSEHOLD_CATEGORY_NAMES[h.category as keyof typeof HOUSEHOLD_CATEGORY_NAMES] ?? h.category],
    [f.fields.stage, HOUSEHOLD_STAGE_NAMES[h.stage as keyof typeof HOUSEHOLD_STAGE_NAMES] ?? h.stage],
    [f.fields.memberCount, data.members.length],
  ] as const) basics.addRow([label, value]).eachCell((cell) => (cell.border = THIN_BORDER));

  const members = ledgerSheet(workbook, f.members, f.members, exportMessages.exportedAt(data.exportedAt), f.membersHeadings, [6, 10, 22, 10, 12, 12, 10, 12]);
  data.members.forEach((m, i) =>
    members
      .addRow([i + 1, m.name, maskIdNumber(m.id_number), relationNames[m.relation] ?? m.relation, LABOUR_ABILITY_NAMES[m.labour_ability as keyof typeof LABOUR_ABILITY_NAMES] ?? m.labour_ability, m.is_student ? f.yes : f.no, m.disability_grade ?? '', m.chronic_illness ? f.yes : f.no])
      .eachCell((cell) => (cell.border = THIN_BORDER)),
  );

  addIncomeCalculation(workbook, data);

  const history = ledgerSheet(workbook, f.history, f.historyTitle(h.head_name), exportMessages.exportedAt(data.exportedAt), f.historyHeadings, [6, 12, 18, 16, 60]);
  data.events.forEach((e, i) => {
    const row = history.addRow([i + 1, day(e.occurred_at), eventKindNames[e.kind] ?? e.kind, e.actor_name ?? '', JSON.stringify(e.payload)]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell((cell) => (cell.border = THIN_BORDER));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function incomeCalculationWorkbook(data: HouseholdFileData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  addIncomeCalculation(workbook, data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
