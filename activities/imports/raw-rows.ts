/**
 * The rows of an uploaded spreadsheet as cells, whatever the file is for: an
 * .xlsx through exceljs's streaming reader (sheet by sheet), a .csv through
 * csv-parse (UTF-8, or the GBK that Excel writes on a Chinese Windows).
 * Nothing is held but the row being read.
 */
import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { EMPTY, type Cell } from '../../domain/imports/cells.js';

export interface RawRow {
  readonly number: number;
  readonly cells: Cell[];
  readonly raw: unknown[];
}

export interface RawSheet {
  readonly sheetNo: number;
  readonly name: string;
  readonly rows: AsyncIterable<RawRow>;
}

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

/** Each worksheet of an .xlsx in turn; a sheet's rows must be read before the next sheet is asked for. */
export async function* xlsxSheets(input: Readable): AsyncGenerator<RawSheet> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  // A sheet part may come before xl/workbook.xml in the zip; the reader then looks up the sheet's name in a model it has
  // not read yet and fails (exceljs issue #962). Start it with an empty one: such a sheet is read under its number.
  const reader = workbook as unknown as { model?: { sheets?: unknown[] } };
  reader.model ??= { sheets: [] };
  let sheetNo = 0;
  for await (const worksheet of workbook) {
    sheetNo += 1;
    const name = (worksheet as unknown as { name?: string }).name ?? `Sheet${sheetNo}`;
    async function* rows(): AsyncGenerator<RawRow> {
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = Array.from((row.values as ExcelJS.CellValue[]).slice(1));
        yield { number: row.number, cells: values.map(toCell), raw: values };
      }
    }
    yield { sheetNo, name, rows: rows() };
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

/** The rows of a CSV file (its one sheet). */
export async function* csvSheet(input: Readable): AsyncGenerator<RawRow> {
  const parser = parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: false, info: true });
  (async () => {
    for await (const text of decoded(input)) if (!parser.write(text)) await new Promise((resolve) => parser.once('drain', resolve));
    parser.end();
  })().catch((error: unknown) => parser.destroy(error as Error));
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { number: record.info.lines, cells: record.record.map((t): Cell => (t.trim() === '' ? EMPTY : { kind: 'text', text: t })), raw: record.record };
  }
}
