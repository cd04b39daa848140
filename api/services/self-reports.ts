/**
 * Household self-report 农户自主申报: the public page's report becomes a
 * discovery through the application channel for a registered household
 * (joining a case in progress), or a candidate for its village to confirm;
 * the village and town are told at once, and the township's visit clock runs
 * on the working-day calendar with the county profile's days (none: 未配置).
 */
import { refusedAsWrongStep } from '../../activities/workflow-refusals.js';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { formatLocalDate, periodOf, toLocalDate } from '../../domain/calendar/dates.js';
import { DEADLINE_CALENDAR } from '../../domain/deadlines/calendar.js';
import { resolveDue } from '../../domain/deadlines/rules.js';
import { parseProfile } from '../../domain/policy/parse.js';
import type { PolicyProfile } from '../../domain/policy/profile.js';
import { causeNames, SELF_REPORT_ITEM_KIND, selfReportMessages as m } from '../../domain/self-report/messages.js';
import { CONSENT_COVERS, receiptNumber, SELF_REPORT_CONSENT_DOCUMENT, visitWorkingDaysOf } from '../../domain/self-report/rules.js';
import type { Household } from '../../db/database.js';
import { dueItemsRepo } from '../../db/repositories/due-items.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { notificationsRepo } from '../../db/repositories/notifications.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { dataConsentsRepo, selfReportCodesRepo, selfReportsRepo } from '../../db/repositories/self-reports.js';
import type { SelfReportDiscovery } from '../../db/self-report-tables.js';
import { recordSelfReport } from '../../workflows/household/definitions.js';
import { HttpError } from '../errors.js';
import type { SelfReportBody } from '../schemas/self-reports.js';
import { applyUpdate } from '../workflow-update.js';
import { onHouseholdWorkflow } from './households.js';
import { errorSummary } from '../error-summary.js';

/** The county's profile in force now, or undefined when it has none or it does not parse: the report is recorded all the same. */
export async function profileNow(app: FastifyInstance, countyId: string, at = Date.now()): Promise<PolicyProfile | undefined> {
  const row = await policyProfilesRepo(app.db).inForceForCounty(countyId, periodOf(at));
  const parsed = row ? parseProfile(row.body) : undefined;
  return parsed?.ok ? parsed.profile : undefined;
}

/** The village a code names; 404 in the household's words when there is none. */
export async function villageOfCode(app: FastifyInstance, code: string) {
  const village = await selfReportCodesRepo(app.db).findVillage(code);
  if (!village?.county_id) throw new HttpError(404, m.villageCodeUnknown, 'NOT_FOUND');
  return { ...village, county_id: village.county_id };
}

export const dayOf = (at: Date | number) => formatLocalDate(toLocalDate(typeof at === 'number' ? at : at.getTime()));
/** The last day of a deadline: a deadline is the instant its day ends, midnight of the next (domain/deadlines/rules.ts). */
export const lastDayOf = (deadline: Date | number) => dayOf((typeof deadline === 'number' ? deadline : deadline.getTime()) - 1);

export type Receipt = { receiptNo: string; receivedAt: string; villageName: string; visitBy: string | null; repeated: boolean };

/**
 * Records a report, its consent, its visit item and the village's and town's
 * messages in one transaction; then hands it to the household's workflow.
 * A repeated report (same ID number and phone, still open) answers the first receipt.
 */
export async function submitSelfReport(app: FastifyInstance, body: SelfReportBody): Promise<Receipt> {
  const code = await villageOfCode(app, body.villageCode);
  const reports = selfReportsRepo(app.db);
  const repeat = await reports.findOpenRepeat(body.idNumber, body.phone);
  if (repeat) {
    const village = await jurisdictionsRepo(app.db).findById(repeat.village_id);
    const due = repeat.due_item_key ? await dueItemsRepo(app.db).findByKey(repeat.due_item_key) : undefined;
    return { receiptNo: repeat.receipt_no, receivedAt: repeat.created_at.toISOString(), villageName: village?.name ?? '', visitBy: due ? lastDayOf(due.due_at) : null, repeated: true };
  }

  // A registered person's report goes to the village of their household, whichever village was chosen.
  const member = await householdMembersRepo(app.db).findCurrentByIdNumber(body.idNumber);
  const chosen = (await selfReportCodesRepo(app.db).countyVillages(code.county_id)).find((v) => v.village_id === body.villageId);
  if (!member && !chosen) throw new HttpError(400, m.villageUnknown, 'INVALID_INPUT');
  const place = member
    ? { countyId: member.county_id, townId: member.town_id, villageId: member.village_id, villageName: member.village_name }
    : { countyId: code.county_id, townId: chosen!.town_id, villageId: chosen!.village_id, villageName: chosen!.village_name };

  const now = Date.now();
  const profile = await profileNow(app, place.countyId, now);
  const days = visitWorkingDaysOf(profile);
  const receiptNo = receiptNumber(dayOf(now), randomBytes(6));
  const dueKey = days === null ? null : `self_report:${receiptNo}:visit`;
  const dueAt = days === null ? null : resolveDue({ kind: 'working_days_after', days }, now, DEADLINE_CALENDAR).at;
  const visitBy = dueAt === null ? null : lastDayOf(dueAt);

  const report = await app.db.transaction().execute(async (trx) => {
    const row = await selfReportsRepo(trx).insert({
      receiptNo,
      ...place,
      codeVillageId: code.village_id,
      headName: body.headName,
      idNumber: body.idNumber,
      phone: body.phone,
      riskCauses: body.riskCauses,
      statement: body.statement,
      householdId: member?.household_id ?? null,
      discovery: member ? 'pending' : 'candidate',
      dueItemKey: dueKey,
      visitWorkingDays: days,
      createdAt: new Date(now),
    });
    await dataConsentsRepo(trx).add({
      subjectIdNumber: body.idNumber,
      signerName: body.headName,
      signedAt: new Date(now),
      covers: CONSENT_COVERS,
      source: 'self_report',
      document: SELF_REPORT_CONSENT_DOCUMENT,
      selfReportId: row.id,
      householdId: member?.household_id ?? null,
    });
    if (dueKey && dueAt !== null) {
      await dueItemsRepo(trx).open([
        { key: dueKey, kind: SELF_REPORT_ITEM_KIND, countyId: place.countyId, townId: place.townId, villageId: place.villageId, householdId: member?.household_id ?? null, period: periodOf(now), dueAt: new Date(dueAt), openedAt: new Date(now) },
      ]);
    }
    const message = { countyId: place.countyId, kind: 'self_report', title: m.notificationTitle(place.villageName), body: m.notificationBody(place.villageName, body.headName, receiptNo, visitBy), householdId: member?.household_id ?? null, dueItemKey: dueKey, createdAt: new Date(now) };
    await notificationsRepo(trx).add([
      { ...message, key: `self_report:${receiptNo}:village`, recipient: { jurisdictionId: place.villageId, role: 'village_cadre' } },
      { ...message, key: `self_report:${receiptNo}:town`, recipient: { jurisdictionId: place.townId, role: 'town_officer' } },
    ]);
    return row;
  });
  if (report.discovery === 'pending') await handToWorkflow(app, report);
  return { receiptNo, receivedAt: report.created_at.toISOString(), villageName: place.villageName, visitBy, repeated: false };
}

/**
 * The report as a discovery of its household's workflow, once (the update id
 * is the receipt's). Temporal out of reach leaves it pending for the sweep;
 * a monitored household has no case to open, and the village's visit goes on.
 */
export async function handToWorkflow(app: FastifyInstance, report: { id: string; receipt_no: string; household_id: string | null; risk_causes: string[]; statement: string }): Promise<SelfReportDiscovery> {
  const household: Household | undefined = report.household_id ? await householdsRepo(app.db).findById(report.household_id) : undefined;
  if (!household) return 'candidate';
  const causes = causeNames(report.risk_causes);
  let outcome: SelfReportDiscovery;
  try {
    const result = await onHouseholdWorkflow(app, household, (handle) =>
      applyUpdate(handle, recordSelfReport, { args: [{ receiptNo: report.receipt_no, reason: m.openedReason(report.receipt_no, causes, report.statement) }], updateId: `self-report-${report.receipt_no}` }),
    );
    outcome = result.merged ? 'joined' : 'opened';
  } catch (error) {
    if (!refusedAsWrongStep(error)) {
      app.log.error({ error: errorSummary(error), reportId: report.id }, 'self-report saved, not yet handed to its household workflow');
      return 'pending';
    }
    outcome = 'not_opened';
  }
  await selfReportsRepo(app.db).setDiscovery(report.id, outcome);
  return outcome;
}

/** The sweep when the API starts: reports saved while Temporal was out of reach are handed over now. */
export async function resumePendingSelfReports(app: FastifyInstance, batch = 200): Promise<{ checked: number; handed: number }> {
  const pending = await selfReportsRepo(app.db).pending(batch);
  let handed = 0;
  for (const report of pending) if ((await handToWorkflow(app, report)) !== 'pending') handed += 1;
  return { checked: pending.length, handed };
}
