import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { xlsxSheets } from '../../activities/imports/raw-rows.js';

/**
 * An .xlsx is a zip whose parts may come in any order. exceljs's streaming
 * reader fails ("reading 'sheets'", exceljs issue #962) when a sheet comes after
 * the shared strings and relationships but before xl/workbook.xml — seen once in
 * CI with a workbook exceljs itself wrote, and possible from any other tool.
 */
async function reordered(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('农户');
  sheet.addRow(['户主姓名', '所在村']);
  sheet.addRow(['张三', '东岗村']);
  const original = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'];
  const names = [...first, ...Object.keys(original.files).filter((n) => !first.includes(n) && !original.files[n]!.dir)];
  expect(names.indexOf('xl/workbook.xml')).toBeGreaterThan(names.indexOf('xl/worksheets/sheet1.xml'));
  const zip = new JSZip();
  for (const name of names) zip.file(name, await original.file(name)!.async('uint8array'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('reading an .xlsx whose sheet comes before its workbook part', () => {
  it('reads every row of the sheet', async () => {
    const rows: unknown[][] = [];
    for await (const sheet of xlsxSheets(Readable.from(await reordered()))) {
      for await (const row of sheet.rows) rows.push(row.cells);
    }
    expect(rows).toEqual([
      [{ kind: 'text', text: '户主姓名' }, { kind: 'text', text: '所在村' }],
      [{ kind: 'text', text: '张三' }, { kind: 'text', text: '东岗村' }],
    ]);
  });
});
