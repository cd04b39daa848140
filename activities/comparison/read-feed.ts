/**
 * Reads a department's feed file (.xlsx or .csv) as staged rows, streamed:
 * the first sheet's headings recognised against the feed's columns, then
 * each row read by the feed's definition. A file that cannot be compared as
 * a whole — a heading missing or unknown, a row of another month or county,
 * too large — throws a FeedRefusal with the reason, and the caller's
 * transaction keeps nothing.
 */
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import type { LocalDate } from '../../domain/calendar/dates.js';
import { cellText, EMPTY, type Cell } from '../../domain/imports/cells.js';
import type { FeedDefinition } from '../../domain/comparison/feeds.js';
import { comparisonMessages as m } from '../../domain/comparison/messages.js';
import type { ComparisonSettings } from '../../domain/comparison/policy.js';
import { feedColumns, readFeedRow, recogniseHeadings } from '../../domain/comparison/rows.js';
import type { FeedStagedRow } from '../../db/repositories/comparison-run.js';
import { xlsxSheets, type RawRow } from '../imports/raw-rows.js';
import { feedCsvRows } from './csv-rows.js';
import type { FileType } from '../imports/read-file.js';

export class FeedRefusal extends Error {}

const HEADING_SEARCH_ROWS = 6;

export interface FeedFile {
  readonly rows: AsyncGenerator<FeedStagedRow>;
  /** The file's SHA-256, once its rows are read. */
  readonly sha256: () => string;
}

export interface FeedContext {
  readonly feed: FeedDefinition;
  readonly settings: ComparisonSettings;
  readonly month: string;
  readonly countyId: string;
  readonly today: LocalDate;
  /** Refused above this many bytes. */
  readonly maxBytes: number;
}

async function* firstSheet(input: Readable, type: FileType): AsyncGenerator<RawRow> {
  if (type === 'csv') {
    yield* feedCsvRows(input);
    return;
  }
  for await (const sheet of xlsxSheets(input)) {
    yield* sheet.rows;
    return;
  }
}

/** A row read by the feed's definition; a row of another month or county refuses the whole feed. */
function stagedRow(ctx: FeedContext, rowNo: number, get: (field: string) => Cell): FeedStagedRow {
  const read = readFeedRow(ctx.feed, ctx.settings, get, ctx.today);
  if (read.month === 'invalid') throw new FeedRefusal(m.badMonthCell(rowNo));
  if (read.month !== null && read.month !== ctx.month) throw new FeedRefusal(m.wrongMonth(rowNo, read.month, ctx.month));
  if (read.countyCode !== null && read.countyCode !== ctx.countyId) throw new FeedRefusal(m.wrongCounty(rowNo));
  return { rowNo, idNumber: read.idNumber, name: read.name, town: read.town, errors: read.errors, factValue: read.factValue, warningRule: read.warning?.id ?? null };
}

async function* feedRows(input: Readable, type: FileType, ctx: FeedContext, tooLarge: () => boolean): AsyncGenerator<FeedStagedRow> {
  let positions: ReadonlyMap<string, number> | undefined;
  let seen = 0;
  const expected = Object.values(feedColumns(ctx.feed)).filter((c) => c.required).map((c) => c.heading).join('、');
  for await (const row of firstSheet(input, type)) {
    if (tooLarge()) throw new FeedRefusal(m.tooLarge(Math.round(ctx.maxBytes / 1024 / 1024)));
    if (!positions) {
      seen += 1;
      const found = recogniseHeadings(ctx.feed, row.cells.map((c) => cellText(c)));
      if (found && !found.ok) throw new FeedRefusal(found.reason);
      if (found?.ok) positions = found.positions;
      else if (seen >= HEADING_SEARCH_ROWS) throw new FeedRefusal(m.noHeadings(expected));
      continue;
    }
    if (row.cells.every((c) => c.kind === 'empty')) continue;
    const at = positions;
    yield stagedRow(ctx, row.number, (field) => {
      const i = at.get(field);
      return i === undefined ? EMPTY : (row.cells[i] ?? EMPTY);
    });
  }
  if (tooLarge()) throw new FeedRefusal(m.tooLarge(Math.round(ctx.maxBytes / 1024 / 1024)));
  if (!positions) throw new FeedRefusal(m.noHeadings(expected));
}

/** The feed's rows; the bytes are hashed as they pass. `truncated` tells whether the upload stopped at its limit. */
export function readFeedFile(input: Readable, type: FileType, ctx: FeedContext, truncated: () => boolean = () => false): FeedFile {
  const hash = createHash('sha256');
  let bytes = 0;
  const counted = input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        bytes += chunk.length;
        callback(null, chunk);
      },
    }),
  );
  input.on('error', (error) => counted.destroy(error));
  let digest: string | undefined;
  return {
    rows: feedRows(counted, type, ctx, () => truncated() || bytes > ctx.maxBytes),
    sha256: () => (digest ??= hash.digest('hex')),
  };
}

/** A value a department's system pushes for a field: text, a number, yes/no, or nothing. */
export type PushedValue = string | number | boolean | null;

const pushedCell = (value: PushedValue | undefined): Cell => {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? '是' : '否' };
  return value.trim() === '' ? EMPTY : { kind: 'text', text: value };
};

/**
 * The rows a department's system pushes as JSON, keyed by the feed's field
 * codes (feedColumns): read as a file's rows are (row n is the n-th element),
 * a field the feed does not have or a required field missing refuses the
 * whole push. The hash is the rows' own, so the same push again is repeated.
 */
export function readPushedRows(rows: readonly Readonly<Record<string, PushedValue>>[], ctx: FeedContext): FeedFile {
  const columns = feedColumns(ctx.feed);
  const fields = new Set<string>(rows.flatMap((r) => Object.keys(r)));
  const unknown = [...fields].filter((f) => !(f in columns));
  if (unknown.length > 0) throw new FeedRefusal(m.unknownColumns(unknown.join('、')));
  const missing = Object.entries(columns).filter(([f, c]) => c.required && !fields.has(f)).map(([, c]) => c.heading);
  if (missing.length > 0) throw new FeedRefusal(m.missingColumns(missing.join('、')));
  const hash = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  async function* staged(): AsyncGenerator<FeedStagedRow> {
    for (const [i, row] of rows.entries()) yield stagedRow(ctx, i + 1, (field) => pushedCell(row[field]));
  }
  return { rows: staged(), sha256: () => hash };
}
