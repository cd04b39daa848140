/** The town's monthly report of risk and risk-eliminated households [001] as a sheet: the draft, or the report as submitted. */
import ExcelJS from 'exceljs';
import { ledgerMessages } from '../../domain/exports/ledgers.js';
import { reportSectionNames } from '../../domain/town/messages.js';
import { ledgerSheet, THIN_BORDER } from './sheets.js';

interface Listed {
  readonly villageName: string;
  readonly headName: string;
}

export interface TownReportSheet {
  readonly townName: string;
  readonly period: string;
  readonly submitted: boolean;
  readonly submittedOn: string;
  readonly note: string | null;
  readonly counts: { readonly monitoring: number; readonly newRisk: number; readonly eliminated: number };
  readonly monitoring: readonly Listed[];
  readonly newRisk: ReadonlyArray<Listed & { readonly howName: string }>;
  readonly eliminated: readonly Listed[];
}

export async function townReportWorkbook(report: TownReportSheet, exportedAt: string): Promise<Buffer> {
  const r = ledgerMessages.townReport;
  const workbook = new ExcelJS.Workbook();
  const subtitle = `${r.status(report.submitted, report.submittedOn)}　${r.counts(report.counts.monitoring, report.counts.newRisk, report.counts.eliminated)}　${ledgerMessages.exportedAt(exportedAt)}`;
  const sheet = ledgerSheet(workbook, r.sheet, r.title(report.townName, report.period), subtitle, r.headings, [6, 18, 14, 12, 30], false);
  let n = 0;
  const add = (section: string, h: Listed, note: string) => {
    n += 1;
    sheet.addRow([n, section, h.villageName, h.headName, note]).eachCell((cell) => (cell.border = THIN_BORDER));
  };
  for (const h of report.newRisk) add(reportSectionNames.newRisk, h, h.howName);
  for (const h of report.eliminated) add(reportSectionNames.eliminated, h, '');
  for (const h of report.monitoring) add(reportSectionNames.monitoring, h, '');
  if (report.note) sheet.addRow([report.note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
