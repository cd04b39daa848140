/**
 * Reads an uploaded caseload file as a stream of checked rows: an .xlsx
 * through exceljs's streaming reader, a .csv through csv-parse (UTF-8, or the
 * GBK that Excel writes on a Chinese Windows). Nothing is held but the row
 * being read, whatever the file's size.
 */
import type { Readable } from 'node:stream';
import type { LocalDate } from '../../domain/calendar/dates.js';
import { cellText, EMPTY, type Cell } from '../../domain/imports/cells.js';
import { recogniseSheet, type SheetKind } from '../../domain/imports/columns.js';
import { checkFinanceRow, checkMemberRow } from '../../domain/imports/rows.js';
import type { StagedRow } from '../../db/repositories/import-staging.js';
import { csvSheet, xlsxSheets } from './raw-rows.js';

export { toCell } from './raw-rows.js';

export interface SheetRead {
  readonly sheetNo: number;
  readonly name: string;
  readonly kind: SheetKind | null;
  readonly headings: readonly string[];
}

/** How many rows above the headings a sheet may have (title rows). */
const HEADING_SEARCH_ROWS = 6;

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
  for await (const sheet of xlsxSheets(input)) yield* sheetRows(sheet.rows, sheet.sheetNo, sheet.name, today, sheets);
}

async function* csvRows(input: Readable, name: string, today: LocalDate, sheets: SheetRead[]): AsyncGenerator<StagedRow> {
  yield* sheetRows(csvSheet(input), 1, name, today, sheets);
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
