/**
 * The spreadsheets an import gives back: the template with the headings of
 * both sheets, and the error report — a copy of each sheet's rejected rows
 * with their row number and the reason in Chinese — written by exceljs's
 * streaming writer a page of rows at a time.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { SHEETS } from '../../domain/imports/columns.js';
import { importMessages } from '../../domain/imports/messages.js';
import { reasonsInWords } from '../../domain/imports/reasons.js';
import type { SheetRead } from './read-file.js';

export async function templateWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const kind of ['members', 'finances'] as const) {
    const sheet = workbook.addWorksheet(SHEETS[kind].name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const headings = Object.values(SHEETS[kind].columns);
    sheet.addRow(headings).font = { bold: true };
    sheet.columns.forEach((column, i) => {
      column.width = Math.max(12, headings[i]!.length * 2 + 4);
      column.numFmt = '@';
    });
  }
  const help = workbook.addWorksheet(importMessages.sheet.instructions);
  for (const line of importMessages.instructions) help.addRow([line]);
  help.getColumn(1).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface RejectedRow {
  readonly sheet_no: number;
  readonly row_no: number;
  readonly cells: unknown;
  readonly errors: string | null;
  readonly reason: string | null;
  readonly town: string | null;
  readonly village: string | null;
}

/** Streams the error report into `out`; `page` answers the next rows after the last one it was given. */
export async function writeErrorReport(out: Writable, sheets: readonly SheetRead[], page: (after: RejectedRow | null) => Promise<RejectedRow[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const byNo = new Map(sheets.filter((s) => s.kind).map((s) => [s.sheetNo, s]));
  let sheet: ExcelJS.Worksheet | undefined;
  let sheetNo = -1;
  let last: RejectedRow | null = null;
  for (;;) {
    const rows = await page(last);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.sheet_no !== sheetNo) {
        sheet?.commit();
        sheetNo = row.sheet_no;
        const read = byNo.get(sheetNo);
        sheet = workbook.addWorksheet(`${read?.name ?? sheetNo}`.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
        const header = sheet.addRow([importMessages.heading.rowNo, importMessages.heading.error, ...(read?.headings ?? [])]);
        header.font = { bold: true };
        header.commit();
        sheet.getColumn(2).width = 60;
      }
      const cells = Array.isArray(row.cells) ? (row.cells as string[]) : [];
      sheet!.addRow([row.row_no, reasonsInWords(row.errors, row.reason, { town: row.town ?? '', village: row.village ?? '' }), ...cells]).commit();
    }
    last = rows[rows.length - 1]!;
  }
  if (!sheet) {
    const empty = workbook.addWorksheet(importMessages.sheet.errors);
    empty.addRow([importMessages.heading.rowNo, importMessages.heading.error]).commit();
    empty.commit();
  } else sheet.commit();
  await workbook.commit();
}
