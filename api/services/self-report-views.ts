/** What the household, the village and the town read of self-reports, and the notice cards 明白卡. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { covers } from '../../domain/access/roles.js';
import { isOverdue } from '../../domain/deadlines/lateness.js';
import type { HouseholdStage } from '../../domain/identification/stages.js';
import { maskIdNumber } from '../../domain/people/id-number.js';
import { selfReportMessages as m } from '../../domain/self-report/messages.js';
import { codeFrom, hotlineOf, reportStatus, visitWorkingDaysOf } from '../../domain/self-report/rules.js';
import { dueItemsRepo } from '../../db/repositories/due-items.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { selfReportCodesRepo, selfReportsRepo } from '../../db/repositories/self-reports.js';
import type { SelfReport } from '../../db/self-report-tables.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import { lastDayOf, profileNow, villageOfCode } from './self-reports.js';

type Row = SelfReport & { household_stage?: string | null };

const statusOf = (r: Row) =>
  reportStatus({ visitedAt: r.visited_at, closedAt: r.closed_at, householdStage: (r.household_stage ?? null) as HouseholdStage | null, openedCase: r.discovery === 'opened' || r.discovery === 'joined' });

/** The county's towns and villages for the form, with the code's village chosen and the county's settings. */
export async function reportPlaces(app: FastifyInstance, code: string) {
  const village = await villageOfCode(app, code);
  const [rows, county, profile] = await Promise.all([selfReportCodesRepo(app.db).countyVillages(village.county_id), jurisdictionsRepo(app.db).findById(village.county_id), profileNow(app, village.county_id)]);
  const towns = new Map<string, { id: string; name: string; villages: { id: string; name: string }[] }>();
  for (const r of rows) {
    const town = towns.get(r.town_id) ?? { id: r.town_id, name: r.town_name, villages: [] };
    town.villages.push({ id: r.village_id, name: r.village_name });
    towns.set(r.town_id, town);
  }
  return { code: village.code, villageId: village.village_id, villageName: village.village_name, countyName: county?.name ?? '', hotline: hotlineOf(profile), visitWorkingDays: visitWorkingDaysOf(profile), towns: [...towns.values()] };
}

/** The report's progress, only for its receipt number with the phone it was given with. */
export async function reportProgress(app: FastifyInstance, receiptNo: string, phone: string) {
  const r = await selfReportsRepo(app.db).findByReceipt(receiptNo, phone);
  if (!r) throw new HttpError(404, m.receiptUnknown, 'NOT_FOUND');
  const [village, due] = await Promise.all([jurisdictionsRepo(app.db).findById(r.village_id), r.due_item_key ? dueItemsRepo(app.db).findByKey(r.due_item_key) : undefined]);
  return {
    receiptNo: r.receipt_no,
    receivedAt: r.created_at.toISOString(),
    status: statusOf(r),
    villageName: village?.name ?? '',
    visitBy: due ? lastDayOf(due.due_at) : null,
    visitedAt: r.visited_at?.toISOString() ?? null,
  };
}

/** The open reports in the user's jurisdiction, newest first. */
export async function listReports(app: FastifyInstance, user: LoggedInUser, page: { limit: number; offset: number }) {
  const now = Date.now();
  const { items, total } = await selfReportsRepo(app.db).listOpen(user.jurisdictionId, page);
  return {
    total,
    items: items.map((r) => ({
      id: r.id,
      receiptNo: r.receipt_no,
      receivedAt: r.created_at.toISOString(),
      headName: r.head_name,
      idNumber: maskIdNumber(r.id_number),
      phone: r.phone,
      town: { id: r.town_id, name: r.town_name },
      village: { id: r.village_id, name: r.village_name },
      riskCauses: r.risk_causes,
      statement: r.statement,
      householdId: r.household_id,
      discovery: r.discovery,
      status: statusOf(r),
      visitWorkingDays: r.visit_working_days,
      visitBy: r.due_at ? lastDayOf(r.due_at) : null,
      overdue: r.due_at !== null && r.visited_at === null && isOverdue(r.due_at.getTime(), now),
      visitedAt: r.visited_at?.toISOString() ?? null,
    })),
  };
}

/** The village or town records its home visit 入户核实: the township's clock stops. */
export async function recordReportVisit(app: FastifyInstance, user: LoggedInUser, id: string, note: string): Promise<void> {
  const report = await selfReportsRepo(app.db).findById(id);
  if (!report) throw new HttpError(404, m.reportNotFound, 'NOT_FOUND');
  if (!covers(user, { countyId: report.county_id, townId: report.town_id, villageId: report.village_id })) throw new HttpError(403, m.reportNotFound, 'FORBIDDEN');
  const at = new Date();
  await app.db.transaction().execute(async (trx) => {
    if (!(await selfReportsRepo(trx).markVisited(id, user.userId, at, note))) throw new HttpError(409, m.alreadyVisited, 'WRONG_STEP');
    if (report.due_item_key) await dueItemsRepo(trx).complete(report.due_item_key, at, user.userId);
  });
}

/** Every village of the user's jurisdiction with its code (made now where missing), for its notice card. */
export async function noticeCards(app: FastifyInstance, user: LoggedInUser) {
  const codes = selfReportCodesRepo(app.db);
  await codes.ensureFor(user.jurisdictionId, () => codeFrom(randomBytes(6)));
  const villages = await codes.listIn(user.jurisdictionId);
  const lineage = await jurisdictionsRepo(app.db).lineage(user.jurisdictionId);
  const county = lineage.find((j) => j.level === 'county');
  const profile = county ? await profileNow(app, county.id) : undefined;
  return {
    countyName: county?.name ?? '',
    hotline: hotlineOf(profile),
    visitWorkingDays: visitWorkingDaysOf(profile),
    villages: villages.map((v) => ({ villageId: v.village_id, villageName: v.village_name, townName: v.town_name, code: v.code, path: `/r/${v.code}` })),
  };
}
