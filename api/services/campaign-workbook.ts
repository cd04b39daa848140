import ExcelJS from 'exceljs';
import { PROBLEM_KIND_NAMES, type ProblemKind } from '../../domain/campaigns/checklist.js';
import { campaignMessages as m } from '../../domain/campaigns/messages.js';
import { behindSchedule } from '../../domain/campaigns/progress.js';
import type { CampaignReport, ReportUnit } from '../../domain/campaigns/report.js';

const unitRow = (u: ReportUnit) => [
  u.name ?? '—',
  u.checks,
  u.checkedOnTime,
  u.checkedLate,
  u.uncheckedOverdue,
  u.problems,
  u.rectifiedOnTime,
  u.rectifiedLate,
  u.openOverdue,
  u.openInTime,
  behindSchedule(u) ? m.workbook.behind : m.workbook.onSchedule,
];

/** The published notice 通报 as an Excel workbook: the notice's text with the laggards' figures, every unit's figures, the problems by kind. */
export async function noticeWorkbook(report: CampaignReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date(report.publishedAt);
  const w = m.workbook;

  const notice = book.addWorksheet(w.noticeSheet);
  notice.getColumn(1).width = 100;
  const title = notice.addRow([m.noticeTitle(report.name)]);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  for (const line of m.noticeBody(report).split('\n')) notice.addRow([line]).alignment = { wrapText: true };

  const units = book.addWorksheet(w.unitsSheet);
  units.columns = w.unitColumns.map((header, i) => ({ header, width: i === 0 ? 20 : 12 }));
  units.getRow(1).font = { bold: true };
  for (const [label, list] of [
    [w.towns, report.towns],
    [w.departments, report.departments],
  ] as const) {
    if (list.length === 0) continue;
    units.addRow([label]).font = { bold: true };
    for (const u of list) units.addRow(unitRow(u));
  }

  const kinds = book.addWorksheet(w.kindsSheet);
  kinds.columns = w.kindColumns.map((header, i) => ({ header, width: i === 0 ? 24 : 14 }));
  kinds.getRow(1).font = { bold: true };
  for (const k of report.problemsByKind) kinds.addRow([PROBLEM_KIND_NAMES[k.kind as ProblemKind] ?? k.kind, k.found, k.rectified]);

  return Buffer.from(await book.xlsx.writeBuffer());
}
