import ExcelJS from 'exceljs';
import { assessmentMessages as m } from '../../domain/supervision/assessment-messages.js';
import type { Assessment } from './assessment.js';

const shown = (n: number | null) => (n === null ? m.workbook.notApplicable : n);

/** The month's ranking as an Excel workbook: one row per unit with its score, change, and each component's figures. */
export async function assessmentWorkbook(a: Assessment): Promise<Buffer> {
  const w = m.workbook;
  const book = new ExcelJS.Workbook();
  book.created = new Date(a.asOf);
  const sheet = book.addWorksheet(w.sheet, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const components = a.rows[0]?.components ?? [];
  const headers = [...w.columns, ...components.flatMap((c) => w.componentColumns(c.name))];
  const title = sheet.addRow([w.title(a.month, a.by === 'town')]);
  title.font = { bold: true, size: 16 };
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.addRow([w.asOf(a.asOf)]);
  if (a.policy.note) sheet.addRow([w.note(a.policy.note)]);
  if (a.policy.missingMessage) sheet.addRow([w.note(a.policy.missingMessage)]);
  const head = sheet.addRow(headers);
  head.font = { bold: true };
  for (const r of a.rows) {
    sheet.addRow([
      shown(r.rank),
      r.name,
      r.score ?? w.noScore,
      shown(r.change),
      r.overdueDays,
      shown(r.deducted),
      ...r.components.flatMap((c) => [c.due, c.due === 0 ? w.notApplicable : c.met, shown(c.points)]),
    ]);
  }
  sheet.getColumn(2).width = 18;
  for (let i = 3; i <= headers.length; i++) sheet.getColumn(i).width = 14;
  return Buffer.from(await book.xlsx.writeBuffer());
}
