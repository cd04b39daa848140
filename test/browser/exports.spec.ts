import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { choose, logIn, logOut } from './console.js';
import { call, householdWithTask, login } from './stage.js';

const HEAD = '出口乙';

/** Clicks the button, and reads back the workbook the browser saves: its file name and the first sheet's title row. */
async function downloaded(page: Page, button: string): Promise<{ name: string; title: string }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file: Download = await waiting;
  const bytes = await readFile((await file.path())!);
  // An .xlsx is a zip: PK at the start.
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { name: file.suggestedFilename(), title: String(book.worksheets[0]!.getCell('A1').value) };
}

/** What reaches past the phone's width, in the whole page or in one card (the household page's own tables scroll sideways inside theirs). */
const overflowing = (page: Page, card?: string) =>
  (card ? page.locator('.ant-card', { has: page.getByRole('heading', { name: card }) }) : page.locator('body')).evaluate((root) =>
    [...root.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > 391).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  );

test('on a phone, the village cadre downloads the household’s 附件 forms, and the town officer the village’s ledgers and the open items', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { id } = await householdWithTask(baseURL!, HEAD);

  await logIn(page, 'cun.donggang');
  await page.goto(`/households/${id}`);
  await expect(page.getByRole('heading', { name: '表格导出' })).toBeVisible();
  expect(await downloaded(page, '申请书（附件1、2）')).toEqual({ name: `${HEAD}户脱贫监测户申请书.xlsx`, title: '脱贫监测户申请书' });
  expect(await downloaded(page, '帮扶措施表（附件4）')).toEqual({ name: `${HEAD}户帮扶措施表.xlsx`, title: `致贫返贫风险户帮扶措施表（${HEAD}户）` });
  expect(await downloaded(page, '风险户调查表（附件3-1）')).toMatchObject({ title: `返贫致贫风险户调查表（${HEAD}户）` });
  expect(await overflowing(page, '表格导出')).toEqual([]);
  await logOut(page);

  await logIn(page, 'zhen.dongcheng');
  await page.getByRole('button', { name: '展开菜单' }).click();
  await page.getByRole('menuitem', { name: '导入导出' }).click();
  await expect(page.getByText('台账导出', { exact: true })).toBeVisible();
  await choose(page, '导出范围', '东岗村');
  expect(await downloaded(page, '增收帮扶台账')).toEqual({ name: '东岗村增收帮扶台账.xlsx', title: '东岗村脱贫户及防贫监测对象增收帮扶台账' });
  expect((await downloaded(page, '脱贫监测户动态监测分析研判表（附件5）')).title).toBe('东岗村脱贫监测户动态监测分析研判表');
  expect((await downloaded(page, '脱贫劳动力就业台账')).title).toMatch(/^东岗村脱贫劳动力就业台账（\d{4}年第[一二三四]季度）$/);
  expect(await overflowing(page)).toEqual([]);

  await page.goto('/');
  expect(await downloaded(page, '导出待办和逾期事项')).toEqual({ name: '东城镇待办和逾期事项.xlsx', title: '东城镇待办和逾期事项清单' });
});

/** `2026-09`: the month `back` months before this one in Asia/Shanghai. */
function periodBack(back: number): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  const index = year! * 12 + (month! - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

test('the supervisor and the leadership group open 台账导出 from their menus: a village’s ledgers picked town → village, the overdue items, a town’s monthly report', async ({ page, baseURL }) => {
  // A town report the county's readers may download: one the town officer has had drawn for an ended month.
  const period = periodBack(3);
  await call(baseURL!, 'POST', `/towns/990101001/reports/${period}/draft`, await login(baseURL!, 'zhen.dongcheng'));

  await logIn(page, 'ducha');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '台账导出' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '台账导出' })).toBeVisible();
  // The county lists its towns; a town, its villages.
  await choose(page, '导出范围', '东城镇');
  await choose(page, '其中的村', '东岗村');
  expect(await downloaded(page, '增收帮扶台账')).toEqual({ name: '东岗村增收帮扶台账.xlsx', title: '东岗村脱贫户及防贫监测对象增收帮扶台账' });
  expect(await downloaded(page, '导出监测对象台账')).toEqual({ name: '东岗村监测对象台账.xlsx', title: '东岗村防止返贫监测对象台账' });
  // The whole town again, then the whole county.
  await choose(page, '其中的村', '东城镇（全部）');
  expect((await downloaded(page, '帮扶措施表（附件4）')).name).toBe('东城镇帮扶措施表.xlsx');
  await choose(page, '导出范围', '示范县（全部）');
  await expect(page.getByRole('combobox', { name: '其中的村' })).toHaveCount(0);
  expect((await downloaded(page, '导出监测对象台账')).name).toBe('示范县监测对象台账.xlsx');
  expect(await downloaded(page, '导出逾期事项')).toEqual({ name: '示范县逾期事项.xlsx', title: '示范县逾期事项清单' });
  await logOut(page);

  await logIn(page, 'lingdao');
  await page.getByRole('navigation', { name: '导航菜单' }).getByRole('link', { name: '台账导出' }).click();
  await choose(page, '导出范围', '东城镇');
  await choose(page, '其中的村', '东岗村');
  expect((await downloaded(page, '脱贫劳动力就业台账')).title).toMatch(/^东岗村脱贫劳动力就业台账（\d{4}年第[一二三四]季度）$/);
  await choose(page, '乡镇', '东城镇');
  await choose(page, '月份', `${period.slice(0, 4)}年${Number(period.slice(5))}月`);
  expect(await downloaded(page, '导出上报表（Excel）')).toEqual({ name: `东城镇${period}风险户和风险消除户上报表.xlsx`, title: `东城镇${period.replace('-', '年')}月返贫致贫风险户、风险消除户上报表` });
  await expect(page.getByRole('alert')).toHaveCount(0);
});
