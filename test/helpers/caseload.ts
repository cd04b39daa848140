/** A caseload file for the import tests: households with members and months, good rows and bad ones of every kind. */
import ExcelJS from 'exceljs';
import { MEMBER_COLUMNS, FINANCE_COLUMNS } from '../../domain/imports/columns.js';
import { importMessages } from '../../domain/imports/messages.js';
import { checkCharacter } from '../../domain/people/id-number.js';

/** A valid ID number: born on the given day, sequence `seq` (odd: a man). */
export function idNumber(birth: string, seq: number): string {
  const first17 = `110101${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

export interface CaseloadRow {
  readonly sheet: 'members' | 'finances';
  readonly cells: Partial<Record<string, ExcelJS.CellValue>>;
  /** Undefined for a good row; a part of the reason the report must give otherwise. */
  readonly bad?: string;
}

export function memberRow(h: number, m: number, over: Partial<Record<keyof typeof MEMBER_COLUMNS, ExcelJS.CellValue>> = {}): Record<string, ExcelJS.CellValue> {
  const head = m === 0;
  return {
    householdKey: `H${h}`,
    ...(head ? { town: '东城镇', village: '东岗村', headName: `户主${h}`, address: `东岗村${h}号`, category: h % 2 ? '脱贫户' : '脱贫不稳定户', enteredOn: '2021-05-10', riskCauses: '因病、因学', measuresEnjoyed: '医疗救助、教育资助' } : {}),
    name: head ? `户主${h}` : `成员${h}-${m}`,
    idNumber: idNumber(`19${60 + m * 10}0${1 + (h % 9)}1${h % 10}`, 100 + h * 3 + m),
    relation: head ? '户主' : m === 1 ? '配偶' : '子女',
    labourAbility: m === 2 ? '无劳动能力' : '有劳动能力',
    isStudent: m === 2 ? '是' : '否',
    ...over,
  };
}

export function financeRow(h: number, period: string, over: Partial<Record<keyof typeof FINANCE_COLUMNS, ExcelJS.CellValue>> = {}): Record<string, ExcelJS.CellValue> {
  return { headIdNumber: idNumber(`19600${1 + (h % 9)}1${h % 10}`, 100 + h * 3), period, wages: 800 + h, transfer: 120.5, medical: 300, ...over };
}

/** The workbook: the members' sheet (a title row above the headings), the finances' sheet, cells merged where asked. */
export async function caseloadWorkbook(rows: readonly CaseloadRow[], merges: readonly string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [kind, columns] of [['members', MEMBER_COLUMNS], ['finances', FINANCE_COLUMNS]] as const) {
    const sheet = workbook.addWorksheet(kind === 'members' ? importMessages.sheet.members : importMessages.sheet.finances);
    const fields = Object.keys(columns);
    if (kind === 'members') sheet.addRow(['东城镇存量监测对象']);
    sheet.addRow(Object.values(columns));
    for (const row of rows.filter((r) => r.sheet === kind)) sheet.addRow(fields.map((f) => row.cells[f] ?? null));
    if (kind === 'members') for (const range of merges) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Uploads a file to POST /api/imports as a browser would (multipart). */
export async function upload(base: string, token: string, fileName: string, content: Buffer | string) {
  const form = new FormData();
  form.append('file', new Blob([content]), fileName);
  const response = await fetch(`${base}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}
