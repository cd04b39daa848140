/** One streamed ledger: title rows, headings, then the rows a page at a time — a county's households are never held whole. */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ledgerSheet, THIN_BORDER } from './sheets.js';

export interface LedgerLayout {
  readonly sheet: string;
  readonly title: string;
  readonly subtitle: string;
  readonly headings: readonly string[];
  readonly widths: readonly number[];
}

/** Writes the ledger to `out`: `page(last)` gives the rows after the last one written (empty: the end), `cells` a row's values. Returns the rows written. */
export async function streamLedger<R>(out: Writable, layout: LedgerLayout, page: (after: R | null) => Promise<readonly R[]>, cells: (row: R, n: number) => ExcelJS.CellValue[]): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = ledgerSheet(workbook, layout.sheet, layout.title, layout.subtitle, layout.headings, layout.widths);
  let n = 0;
  let last: R | null = null;
  for (;;) {
    const rows = await page(last);
    if (rows.length === 0) break;
    for (const r of rows) {
      n += 1;
      const row = sheet.addRow(cells(r, n));
      row.alignment = { wrapText: true, vertical: 'top' };
      row.eachCell((cell) => (cell.border = THIN_BORDER));
      row.commit();
    }
    last = rows[rows.length - 1]!;
  }
  sheet.commit();
  await workbook.commit();
  return n;
}
