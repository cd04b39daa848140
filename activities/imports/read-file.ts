/**
 * Reads an uploaded caseload file as a stream of checked rows: an .xlsx
 * through exceljs's streaming reader, a .csv through csv-parse (UTF-8, or the
 * GBK that Excel writes on a Chinese Windows). Nothing is held but the row
 * being read, whatever the file's size.
 */
import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { LocalDate } from '../../domain/calendar/dates.js';
import { cellText, EMPTY, type Cell } from '../../domain/imports/cells.js';
import { recogniseSheet, type SheetKind } from '../../domain/imports/columns.js';
import { checkFinanceRow, checkMemberRow } from '../../domain/imports/rows.js';
import type { StagedRow } from '../../db/repositories/import-staging.js';

export interface SheetRead {
  readonly sheetNo: number;
  readonly name: string;
  readonly kind: SheetKind | null;
  readonly headings: readonly string[];
}

/** How many rows above the headings a sheet may have (title rows). */
const HEADING_SEARCH_ROWS = 6;

/** An exceljs cell value as the domain reads it. */
export function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? '是' : '否' };
  if (value instanceof Date) return { kind: 'date', date: { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() } };
  if ('formula' in value || 'sharedFormula' in value) return { kind: 'formula' };
  if ('richText' in value) return toCell(value.richText.map((t) => t.text).join(''));
  if ('hyperlink' in value) return toCell(value.text);
  if ('error' in value) return { kind: 'text', text: value.error };
  return EMPTY;
}

const shown = (cell: Cell, value: unknown) => (cell.kind === 'formula' ? String((value as { formula?: string }).formula ?? '') : cellText(cell));

/** The checked rows of one sheet (rows after its headings, empty rows left out). */
async function* sheetRows(rows: AsyncIterable<{ number: number; cells: Cell[]; raw: unknown[] }>, sheetNo: number, name: string, today: LocalDate, sheets: SheetRead[]): AsyncGenerator<StagedRow> {
  let recognised: ReturnType<typeof recogniseSheet>;
  let seen = 0;
  for await (const row of rows) {
    if (!recognised) {
      seen += 1;
      const headings = row.cells.map((c) => cellText(c));
      recognised = recogniseSheet(headings);
      if (recognised) sheets.push({ sheetNo, name, kind: recognised.kind, headings });
      else if (seen >= HEADING_SEARCH_ROWS) {
        sheets.push({ sheetNo, name, kind: null, headings: [] });
        return;
      }
      continue;
    }
    if (row.cells.every((c) => c.kind === 'empty')) continue;
    const { kind, positions } = recognised;
    const get = (field: string) => {
      const at = positions.get(field);
      return at === undefined ? EMPTY : (row.cells[at] ?? EMPTY);
    };
    const checked = kind === 'members' ? checkMemberRow(get, today) : checkFinanceRow(get, today);
    yield { sheetNo, sheet: kind, rowNo: row.number, cells: row.cells.map((c, i) => shown(c, row.raw[i])), errors: checked.errors, fields: checked.value as unknown as StagedRow['fields'] };
  }
  if (!recognised) sheets.push({ sheetNo, name, kind: null, headings: [] });
}

async function* xlsxRows(input: Readable, today: LocalDate, sheets: SheetRead[]): AsyncGenerator<StagedRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let sheetNo = 0;
  for await (const worksheet of workbook) {
    sheetNo += 1;
    const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${sheetNo}`;
    async function* rows() {
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = Array.from((row.values as ExcelJS.CellValue[]).slice(1));
        yield { number: row.number, cells: values.map(toCell), raw: values };
      }
    }
    yield* sheetRows(rows(), sheetNo, name, today, sheets);
  }
}

/** The text of a CSV: UTF-8 (with or without its BOM) unless its bytes are not, then GBK. */
async function* decoded(input: Readable): AsyncGenerator<string> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    if (!decoder) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
        decoder = new TextDecoder('utf-8');
      } catch {
        decoder = new TextDecoder('gbk');
      }
    }
    yield decoder.decode(chunk, { stream: true });
  }
  if (decoder) yield decoder.decode();
}

async function* csvRows(input: Readable, name: string, today: LocalDate, sheets: SheetRead[]): AsyncGenerator<StagedRow> {
  const parser = parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: false, info: true });
  (async () => {
    for await (const text of decoded(input)) if (!parser.write(text)) await new Promise((resolve) => parser.once('drain', resolve));
    parser.end();
  })().catch((error: unknown) => parser.destroy(error as Error));
  async function* rows() {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { number: record.info.lines, cells: record.record.map((t): Cell => (t.trim() === '' ? EMPTY : { kind: 'text', text: t })), raw: record.record };
    }
  }
  yield* sheetRows(rows(), 1, name, today, sheets);
}

export type FileType = 'xlsx' | 'csv';

export function fileTypeOf(fileName: string): FileType | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}

/** The file's checked rows; `sheets` is filled as each sheet's headings are read. */
export function readCaseloadFile(input: Readable, type: FileType, fileName: string, today: LocalDate, sheets: SheetRead[]): AsyncGenerator<StagedRow> {
  return type === 'xlsx' ? xlsxRows(input, today, sheets) : csvRows(input, fileName, today, sheets);
}
