/** What every official ledger shares: a title row, a subtitle, bold headings repeated on each printed page, A4. */
import type ExcelJS from 'exceljs';

export function ledgerSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter | ExcelJS.Workbook, name: string, title: string, subtitle: string, headings: readonly string[], widths: readonly number[], landscape = true): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3', horizontalCentered: true, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: '&C&P / &N' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  sheet.columns = widths.map((width) => ({ width }));
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 16 };
  titleRow.alignment = { horizontal: 'center' };
  sheet.mergeCells(1, 1, 1, headings.length);
  const sub = sheet.addRow([subtitle]);
  sheet.mergeCells(2, 1, 2, headings.length);
  sub.alignment = { horizontal: 'right' };
  const head = sheet.addRow([...headings]);
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  head.eachCell((cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }));
  return sheet;
}

export const THIN_BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
