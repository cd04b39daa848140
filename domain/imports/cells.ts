/**
 * A spreadsheet cell as a clerk typed it, read into text, a date, a month or
 * an amount: full-width digits and letters, spaces, Excel serial dates and
 * text dates all read the same. Pure: the readers hand in what they read.
 */
import { formatLocalDate, type LocalDate } from '../calendar/dates.js';

/** What a reader found in a cell: a value, or a formula (never imported). */
export type Cell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly date: LocalDate }
  | { readonly kind: 'formula' };

export const EMPTY: Cell = { kind: 'empty' };

/** Full-width ASCII (０-９, Ａ-Ｚ, ｘ …) to half-width, the ideographic space to a space. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The cell as the text a clerk sees, trimmed (full width folded); '' when empty. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
    case 'formula':
      return '';
    case 'text':
      return halfWidth(cell.text).trim();
    case 'number':
      return String(cell.value);
    case 'date':
      return formatLocalDate(cell.date);
  }
}

/** An ID number's text: every space dropped, full width folded; a lower-case x reads as X in the domain's parser. */
export function idNumberText(cell: Cell): string {
  return cellText(cell).replace(/\s+/g, '');
}

/** Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was: serial 25569 is 1970-01-01. */
export function fromExcelSerial(serial: number): LocalDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return undefined;
  const d = new Date(Math.round((Math.floor(serial) - 25569) * 86400000));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isRealDate({ year, month, day }: LocalDate): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 ? ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** A day: a date cell, an Excel serial, or text 2021-05-10, 2021/5/10, 2021.5.10, 2021年5月10日, 20210510. */
export function readDate(cell: Cell): LocalDate | undefined {
  if (cell.kind === 'date') return isRealDate(cell.date) ? cell.date : undefined;
  if (cell.kind === 'number') return fromExcelSerial(cell.value);
  const text = cellText(cell).replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(date) ? date : undefined;
}

/** A month 'YYYY-MM': a date cell or serial (its month), or text 2026-03, 2026/3, 2026年3月, 202603. */
export function readPeriod(cell: Cell): string | undefined {
  const asDate = cell.kind === 'text' ? undefined : readDate(cell);
  if (asDate) return `${asDate.year}-${String(asDate.month).padStart(2, '0')}`;
  const text = cellText(cell).replace(/\s+/g, '');
  const m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text) ?? /^(\d{4})[-/.年](\d{1,2})[-/.月]\d{1,2}日?$/.exec(text);
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
}

/** An amount in yuan to fen: a number cell or text such as 1,234.5 or ¥1234; undefined when it is not an amount. */
export function readFen(cell: Cell): number | undefined {
  if (cell.kind === 'number') return Number.isFinite(cell.value) ? Math.round(cell.value * 100) : undefined;
  const text = cellText(cell).replace(/[\s,，¥￥元]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(text)) return undefined;
  return Math.round(Number(text) * 100);
}

/** Yes/no: 是/否, 有/无, Y/N, 1/0; empty is no; undefined when it is neither. */
export function readYesNo(cell: Cell): boolean | undefined {
  const text = cellText(cell).toUpperCase();
  if (text === '' || ['否', '无', 'N', 'NO', '0', 'FALSE'].includes(text)) return false;
  if (['是', '有', 'Y', 'YES', '1', 'TRUE'].includes(text)) return true;
  return undefined;
}

/** A list typed with 、 , ， ； ; or spaces. */
export function readList(cell: Cell): string[] {
  return cellText(cell)
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
