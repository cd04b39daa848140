/**
 * A department feed's .csv rows, read faster than csv-parse where the file
 * lets it: a UTF-8 file's lines without a quote are split at their commas
 * (what csv-parse makes of them: the same cells, the same line numbers, an
 * empty line as one empty cell). From the first line with a quote or a
 * stray carriage return on, the rest goes to csv-parse with the same options
 * and the line ending already found; a file that is not UTF-8 (GBK) is read
 * by the imports' reader (csvSheet) from its first byte. Either way the rows
 * are those csvSheet gives (test/unit/comparison-csv.test.ts compares them on
 * random files cut in random chunks). csv-parse took 0.96 s of the 1.7 s a
 * 200,000-row feed took to read.
 */
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { EMPTY, type Cell } from '../../domain/imports/cells.js';
import { csvSheet, type RawRow } from '../imports/raw-rows.js';

const rowOf = (number: number, fields: string[]): RawRow => ({ number, cells: fields.map((t): Cell => (t.trim() === '' ? EMPTY : { kind: 'text', text: t })), raw: fields });

function isUtf8Start(chunk: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The rest of the text, from a line on, through csv-parse; its line numbers continue from `before`. */
async function* handedOver(head: string, more: AsyncIterable<string>, before: number, eol: string | undefined): AsyncGenerator<RawRow> {
  const parser = parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: false, info: true, ...(before > 0 && eol ? { record_delimiter: eol } : {}) });
  (async () => {
    if (head !== '' && !parser.write(head)) await new Promise((resolve) => parser.once('drain', resolve));
    for await (const text of more) if (!parser.write(text)) await new Promise((resolve) => parser.once('drain', resolve));
    parser.end();
  })().catch((error: unknown) => parser.destroy(error as Error));
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) yield rowOf(before + record.info.lines, record.record);
}

export async function* feedCsvRows(input: Readable): AsyncGenerator<RawRow> {
  const chunks = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let first = await chunks.next();
  while (!first.done && first.value.length === 0) first = await chunks.next();
  async function* bytes(): AsyncGenerator<Buffer> {
    if (first.done) return;
    yield first.value;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  if (first.done || !isUtf8Start(first.value)) {
    yield* csvSheet(Readable.from(bytes()));
    return;
  }
  const decoder = new TextDecoder('utf-8');
  const source = bytes();
  async function* texts(): AsyncGenerator<string> {
    for await (const chunk of source) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  }
  const text = texts();
  let buffer = '';
  let line = 0;
  let eol: '\n' | '\r\n' | undefined;
  let started = false;
  for (let next = await text.next(); ; next = await text.next()) {
    if (!next.done) {
      buffer += next.value;
      // A second byte-order mark (the decoder drops the first) is csv-parse's to drop.
      if (!started && buffer.length > 0) {
        started = true;
        if (buffer.charCodeAt(0) === 0xfeff) return yield* handedOver(buffer, text, 0, undefined);
      }
    }
    let start = 0;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n', start)) {
      eol ??= nl > 0 && buffer.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
      let content = buffer.slice(start, nl);
      if (eol === '\r\n') {
        if (!content.endsWith('\r')) return yield* handedOver(buffer.slice(start), text, line, eol);
        content = content.slice(0, -1);
      }
      if (content.includes('"') || content.includes('\r')) return yield* handedOver(buffer.slice(start), text, line, eol);
      line += 1;
      yield rowOf(line, content.split(','));
      start = nl + 1;
    }
    buffer = buffer.slice(start);
    if (next.done) break;
  }
  // The last line, without its line ending.
  if (buffer === '') return;
  if (buffer.includes('"') || buffer.includes('\r')) return yield* handedOver(buffer, text, line, eol);
  yield rowOf(line + 1, buffer.split(','));
}
