/**
 * The month's comparison of a county, as the console and the export show it:
 * progress per department feed, the batches, each warning with its source,
 * the households skipped for want of consent and the unknown persons.
 * A town's officer sees the town's own warnings, skipped rows and candidates.
 */
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { comparisonMessages as m } from '../../domain/comparison/messages.js';
import type { ComparisonSettings } from '../../domain/comparison/policy.js';
import { maskIdNumber } from '../../domain/people/id-number.js';
import type { ComparisonBatch } from '../../db/comparison-tables.js';
import { comparisonRepo } from '../../db/repositories/comparison.js';
import { comparisonMonthRepo } from '../../db/repositories/comparison-month.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import type { BatchView, MonthReport } from '../schemas/comparison.js';
import type { LoggedInUser } from '../plugins/auth.js';
import { countyOfUser, settingsFor } from './comparison.js';

const feedNameOf = (settings: ComparisonSettings, id: string) => settings.feeds.find((f) => f.id === id)?.name ?? id;

export const toBatchView = (settings: ComparisonSettings, b: ComparisonBatch, repeated = false): BatchView => ({
  id: b.id,
  feed: b.feed,
  feedName: feedNameOf(settings, b.feed),
  month: b.month,
  fileName: b.file_name,
  receivedAt: b.received_at.toISOString(),
  rowsReceived: b.rows_received,
  matched: b.matched,
  unknown: b.unknown,
  rejected: b.rejected,
  noConsent: b.no_consent,
  warnings: b.warnings,
  householdsAffected: b.households_affected,
  repeated,
});

const COUNTS = ['rowsReceived', 'matched', 'unknown', 'rejected', 'noConsent', 'warnings', 'householdsAffected'] as const;

export async function monthReport(app: FastifyInstance, user: LoggedInUser, month: string): Promise<MonthReport> {
  const countyId = await countyOfUser(app, user);
  const settings = await settingsFor(app, countyId, month);
  const repo = comparisonRepo(app.db);
  const departments = new Map((await departmentsRepo(app.db).allOfCounty(countyId)).map((d) => [d.code, d.name]));
  const batches = (await repo.batches(countyId, month)).map((b) => toBatchView(settings, b));
  const lineage = await jurisdictionsRepo(app.db).lineage(user.jurisdictionId);
  const town = lineage.find((j) => j.level === 'town');
  const village = lineage.find((j) => j.level === 'village');
  const within = { ...(town ? { townId: town.id } : {}), ...(village ? { villageId: village.id } : {}) };
  const warnings = (await repo.warnings(countyId, month, within)).map((w) => ({
    id: w.id,
    feed: w.feed,
    feedName: w.source === 'monthly_update' ? m.monthlySource : feedNameOf(settings, w.feed),
    source: w.source,
    month: w.month,
    rowNo: w.row_no,
    rule: w.rule,
    ruleName: w.rule_name,
    householdId: w.household_id,
    headName: w.head_name,
    townName: w.town_name,
    villageName: w.village_name,
    routed: w.routed,
    routedName: m.routed[w.routed] ?? w.routed,
    discovery: w.discovery,
    raisedAt: w.raised_at.toISOString(),
    dueAt: w.due_at ? w.due_at.toISOString() : null,
    followedUpAt: w.followed_up_at ? w.followed_up_at.toISOString() : null,
    followUpNote: w.follow_up_note,
  }));
  const listed = async (outcome: 'no_consent' | 'unknown') =>
    (await repo.rowsWithOutcome(countyId, month, outcome, town)).map((r) => ({ feedName: feedNameOf(settings, r.feed), rowNo: r.row_no, name: r.name, idNumber: r.id_number ? maskIdNumber(r.id_number) : '', town: r.town }));
  const perFeed = settings.feeds.map((feed) => {
    const own = batches.filter((b) => b.feed === feed.id);
    const sum = Object.fromEntries(COUNTS.map((k) => [k, own.reduce((n, b) => n + b[k], 0)])) as Record<(typeof COUNTS)[number], number>;
    return { feed: feed.id, feedName: feed.name, departmentName: departments.get(feed.department) ?? null, received: own.length > 0, batches: own.length, ...sum };
  });
  const totals = Object.fromEntries(COUNTS.map((k) => [k, perFeed.reduce((n, f) => n + f[k], 0)])) as MonthReport['totals'];
  const kept = await comparisonMonthRepo(app.db).find(countyId, month);
  const status = {
    state: kept?.closed_at ? ('closed' as const) : kept ? ('open' as const) : ('not_started' as const),
    openedAt: kept ? kept.opened_at.toISOString() : null,
    closedAt: kept?.closed_at ? kept.closed_at.toISOString() : null,
  };
  return { month, status, departments: perFeed, totals, batches, warnings, skipped: await listed('no_consent'), candidates: await listed('unknown') };
}

/** The report as a workbook: the counts per feed, then the households skipped for want of consent. */
export async function reportWorkbook(report: MonthReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(m.report.sheet);
  sheet.addRow(m.report.headings).font = { bold: true };
  for (const d of report.departments) sheet.addRow([d.feedName, d.departmentName ?? '', d.batches, d.rowsReceived, d.matched, d.unknown, d.rejected, d.noConsent, d.warnings, d.householdsAffected]);
  const t = report.totals;
  sheet.addRow([m.report.total, '', '', t.rowsReceived, t.matched, t.unknown, t.rejected, t.noConsent, t.warnings, t.householdsAffected]).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 14));
  const skipped = workbook.addWorksheet(m.report.skipped);
  skipped.addRow(m.report.skippedHeadings).font = { bold: true };
  for (const r of report.skipped) skipped.addRow([r.feedName, r.rowNo, r.name ?? '', r.idNumber]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
