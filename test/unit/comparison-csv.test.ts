import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { feedCsvRows } from '../../activities/comparison/csv-rows.js';
import { csvSheet, type RawRow } from '../../activities/imports/raw-rows.js';

/** Rows as the feed reads them, or the fact that the file could not be read. */
async function rowsOf(read: (input: Readable) => AsyncGenerator<RawRow>, chunks: Buffer[]): Promise<unknown> {
  const rows: unknown[] = [];
  try {
    for await (const row of read(Readable.from(chunks))) rows.push([row.number, row.raw, row.cells]);
  } catch {
    rows.push('unreadable');
  }
  return rows;
}

/** A deterministic generator (a test reproduces its failure). */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

const PIECES = ['a', '甲', '11010119700101001X', ',', ',', '"', '""', '\n', '\n', '\r\n', '\r', ' ', '\ufeff', '１２', ''];

function cut(bytes: Buffer, next: (n: number) => number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + next(12);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

describe('a feed’s .csv read fast', () => {
  it('gives the rows csv-parse gives: the same cells, line numbers and refusals, on random files cut anywhere', async () => {
    const next = random(15);
    for (let n = 0; n < 1500; n++) {
      const crlf = next(2) === 0;
      const lines = Array.from({ length: 1 + next(6) }, () => Array.from({ length: next(8) }, () => PIECES[next(PIECES.length)]).join(''));
      // Mostly clean files (the fast path), some with quotes, carriage returns and marks anywhere.
      const text = (n % 3 === 0 ? lines.map((l) => l.replace(/["\r\ufeff]/g, '')) : lines).join(crlf ? '\r\n' : '\n') + (next(2) ? (crlf ? '\r\n' : '\n') : '');
      const bytes = Buffer.from(next(4) === 0 ? `\ufeff${text}` : text);
      const chunks = cut(bytes, next);
      expect(await rowsOf(feedCsvRows, chunks), JSON.stringify(text)).toEqual(await rowsOf(csvSheet, [bytes]));
    }
  });

  it('reads a quoted cell with a line break and the rows after it, numbered by the line they end on', async () => {
    const text = '身份证号,姓名\n1,"张\n三"\n2,李四\n';
    expect(await rowsOf(feedCsvRows, [Buffer.from(text)])).toEqual(await rowsOf(csvSheet, [Buffer.from(text)]));
    expect(((await rowsOf(feedCsvRows, [Buffer.from(text)])) as unknown[][]).map((r) => r[0])).toEqual([1, 3, 4]);
  });

  it('reads a GBK file (as Excel writes on a Chinese Windows) as the imports’ reader does', async () => {
    // 身份证号,姓名 / 1,张三 in GBK.
    const gbk = Buffer.from([0xc9, 0xed, 0xb7, 0xdd, 0xd6, 0xa4, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0x31, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]);
    const rows = await rowsOf(feedCsvRows, [gbk]);
    expect(rows).toEqual(await rowsOf(csvSheet, [gbk]));
    expect((rows as unknown[][])[1]![1]).toEqual(['1', '张三']);
  });
});
