import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { caseloadWorkbook, financeRow, idNumber, memberRow } from '../helpers/caseload.js';
import { logIn } from './console.js';

/** A town officer uploads a small caseload file with bad rows, watches it finish, downloads the error report and the roster. */
test('the caseload import on a phone: upload, progress, error report and the roster export', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const good = [0, 1].map((m) => ({ sheet: 'members' as const, cells: memberRow(201, m, { idNumber: idNumber(`19${70 + m}0202`, 201 + m) }) }));
  const bad = { sheet: 'members' as const, cells: memberRow(202, 0, { idNumber: '11010119700101123', village: '东岗村' }) };
  const month = { sheet: 'finances' as const, cells: financeRow(201, '2026-10', { headIdNumber: idNumber('19700202', 201) }) };
  const file = testInfo.outputPath('东城镇存量.xlsx');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, await caseloadWorkbook([...good, bad, month]));

  await logIn(page, 'zhen.dongcheng');
  await page.getByRole('button', { name: '展开菜单' }).click();
  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await expect(page.getByText('存量数据导入')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件并上传' }).click();
  await (await chooser).setFiles(file);
  const job = page.getByRole('listitem', { name: '东城镇存量.xlsx' }).first();
  await expect(job.getByText('已完成')).toBeVisible({ timeout: 60_000 });
  await expect(job.getByRole('status')).toHaveText('读取 4 行：导入 3 行，未导入 1 行');

  const reportDownload = page.waitForEvent('download');
  await job.getByRole('button', { name: '下载错误报告' }).click();
  const report = await reportDownload;
  expect(report.suggestedFilename()).toBe('东城镇存量-错误报告.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(await report.path())) as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0]!;
  expect(String(sheet.getRow(2).getCell(2).value)).toContain('身份证号码有误');

  const rosterDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出监测对象台账' }).click();
  const roster = await rosterDownload;
  expect(roster.suggestedFilename()).toBe('东城镇监测对象台账.xlsx');
  const ledger = new ExcelJS.Workbook();
  await ledger.xlsx.load((await readFile(await roster.path())) as unknown as ExcelJS.Buffer);
  expect(String(ledger.worksheets[0]!.getCell('A1').value)).toBe('东城镇防止返贫监测对象台账');
  const wide = await page.evaluate<string[]>(
    "[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391).slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))",
  );
  // Nothing on the page reaches past the phone's width.
  expect(wide).toEqual([]);
});
