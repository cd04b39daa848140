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
import { cellText, EMPTY } from '../../domain/imports/cells.js';
import type { FeedDefinition } from '../../domain/comparison/feeds.js';
import { comparisonMessages as m } from '../../domain/comparison/messages.js';
import type { ComparisonSettings } from '../../domain/comparison/policy.js';
import { feedColumns, readFeedRow, recogniseHeadings } from '../../domain/comparison/rows.js';
import type { FeedStagedRow } from '../../db/repositories/comparison-run.js';
import { csvSheet, xlsxSheets, type RawRow } from '../imports/raw-rows.js';
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
    yield* csvSheet(input);
    return;
  }
  for await (const sheet of xlsxSheets(input)) {
    yield* sheet.rows;
    return;
  }
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
    const read = readFeedRow(ctx.feed, ctx.settings, (field) => {
      const i = at.get(field);
      return i === undefined ? EMPTY : (row.cells[i] ?? EMPTY);
    }, ctx.today);
    if (read.month === 'invalid') throw new FeedRefusal(m.badMonthCell(row.number));
    if (read.month !== null && read.month !== ctx.month) throw new FeedRefusal(m.wrongMonth(row.number, read.month, ctx.month));
    if (read.countyCode !== null && read.countyCode !== ctx.countyId) throw new FeedRefusal(m.wrongCounty(row.number));
    yield { rowNo: row.number, idNumber: read.idNumber, name: read.name, town: read.town, errors: read.errors, factValue: read.factValue, warningRule: read.warning?.id ?? null };
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
