/**
 * Department data comparison 部门数据比对: a department's (or the county
 * bureau's) feed of a month is read as it arrives, staged by COPY and compared
 * in one transaction (db/repositories/comparison-run.ts); the warnings it
 * raises open follow-ups with the profile's clock and notify the town and the
 * village in the same transaction; a household not monitored then gets a
 * discovery through the department-warning channel of its workflow.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { addDays, endOfLocalDay, formatLocalDate, parsePeriod, periodOf, toLocalDate, daysInMonth } from '../../domain/calendar/dates.js';
import { comparisonMessages as m } from '../../domain/comparison/messages.js';
import { comparisonSettings } from '../../domain/comparison/policy.js';
import { changeKeyOf } from '../../domain/comparison/rows.js';
import { REFUSALS } from '../../domain/failures.js';
import { runComparison, type NewWarning, type WarningNotice } from '../../db/repositories/comparison-run.js';
import { comparisonRepo } from '../../db/repositories/comparison.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { FeedRefusal, readFeedFile } from '../../activities/comparison/read-feed.js';
import { fileTypeOf } from '../../activities/imports/read-file.js';
import { openIdentification } from '../../workflows/household/definitions.js';
import { HttpError } from '../errors.js';
import { actorOf, type LoggedInUser } from '../plugins/auth.js';
import { applyUpdate } from '../workflow-update.js';
import { onHouseholdWorkflow } from './households.js';
import { profileNow } from './self-reports.js';

/** A feed larger than this is refused (split it by town). */
export const FEED_MAX_BYTES = 50 * 1024 * 1024;

export async function countyOfUser(app: FastifyInstance, user: LoggedInUser): Promise<string> {
  const lineage = await jurisdictionsRepo(app.db).lineage(user.jurisdictionId);
  const county = lineage.find((j) => j.level === 'county');
  if (!county) throw new HttpError(403, m.batchNotFound, 'FORBIDDEN');
  return county.id;
}

/** The county's feeds and settings for a month (the profile in force at the month's end). */
export async function settingsFor(app: FastifyInstance, countyId: string, month: string) {
  const { year, month: mm } = parsePeriod(month);
  const monthEnd = endOfLocalDay({ year, month: mm, day: daysInMonth(year, mm) });
  const profile = await profileNow(app, countyId, Math.min(Date.now(), monthEnd));
  return comparisonSettings(profile?.comparison);
}

export interface FeedUpload {
  readonly feedId: string;
  readonly month: string;
  readonly fileName: string;
  readonly file: Readable;
  readonly truncated: () => boolean;
}

function notices(feedName: string, month: string, days: number | undefined) {
  return (warnings: readonly NewWarning[]): WarningNotice[] =>
    warnings.flatMap((w) =>
      (['town_officer', 'village_cadre'] as const).map((role) => ({
        key: `comparison-warning:${w.id}:${role}`,
        countyId: w.countyId,
        jurisdictionId: role === 'town_officer' ? w.townId : w.villageId,
        role,
        title: m.notification.title(feedName),
        body: m.notification.body(feedName, month, w.ruleName, w.headName, w.idNumber, w.routed === 'follow_up' ? days : undefined),
        householdId: w.householdId,
        dueItemKey: w.dueItemKey,
      })),
    );
}

/** Compares one uploaded feed; answers the batch and whether it was the same file again. */
export async function compareFeed(app: FastifyInstance, user: LoggedInUser, upload: FeedUpload): Promise<{ batchId: string; repeated: boolean }> {
  const refuse = (status: number, message: string): never => {
    upload.file.resume();
    throw new HttpError(status, message, status === 403 ? 'FORBIDDEN' : 'INVALID_INPUT');
  };
  const countyId = await countyOfUser(app, user);
  const now = Date.now();
  if (upload.month > periodOf(now)) refuse(400, m.futureMonth);
  const settings = await settingsFor(app, countyId, upload.month);
  const feed = settings.feeds.find((f) => f.id === upload.feedId);
  if (!feed) return refuse(400, m.feedUnknown);
  const department = (await departmentsRepo(app.db).allOfCounty(countyId)).find((d) => d.code === feed.department);
  if (!department) return refuse(400, m.departmentMissing(feed.department));
  if (department.retired_at) return refuse(400, m.departmentRetired(department.name));
  if (user.role !== 'county_bureau' && user.departmentId !== department.id) return refuse(403, m.otherDepartment(department.name));
  const type = fileTypeOf(upload.fileName);
  if (!type) return refuse(400, m.wrongType);

  const today = toLocalDate(now);
  const { year, month } = parsePeriod(upload.month);
  const monthEnd = { year, month, day: daysInMonth(year, month) };
  const asOf = upload.month === periodOf(now) ? today : monthEnd;
  const file = readFeedFile(upload.file, type, { feed, settings, month: upload.month, countyId, today, maxBytes: FEED_MAX_BYTES }, upload.truncated);
  try {
    const result = await runComparison(
      app.db,
      {
        batchId: randomUUID(),
        countyId,
        feed: feed.id,
        departmentId: department.id,
        month: upload.month,
        fileName: upload.fileName.slice(0, 255),
        uploadedBy: user.userId,
        receivedAt: new Date(now),
        factKind: feed.fact.kind,
        factOfHousehold: feed.fact.ofHousehold === true,
        factYear: feed.fact.yearly ? year : null,
        asOf: formatLocalDate(asOf),
        consentCover: feed.consent,
        rules: feed.warnings.map((r) => ({ id: r.id, name: r.name, changeKey: changeKeyOf(feed, r), previous: r.onlyIfChanged?.previous ?? null })),
        duplicateReason: m.reason.duplicate,
        followUp: settings.followUpDays ? { days: settings.followUpDays, dueAt: new Date(endOfLocalDay(addDays(today, settings.followUpDays))) } : null,
      },
      file.rows,
      file.sha256,
      notices(feed.name, upload.month, settings.followUpDays),
    );
    if (!result.repeated) await handDiscoveries(app, user, result.warnings.filter((w) => w.routed === 'discovery').map((w) => w.id), feed.name);
    return { batchId: result.batchId, repeated: result.repeated };
  } catch (error) {
    upload.file.resume();
    if (error instanceof FeedRefusal) throw new HttpError(400, error.message, 'INVALID_INPUT');
    if (error instanceof HttpError) throw error;
    app.log.warn({ err: error }, 'a department feed could not be read');
    throw new HttpError(400, m.unreadable, 'INVALID_INPUT');
  }
}

/**
 * Each discovery once to its household's workflow (the update id is the
 * warning's): it opens an identification case or joins the one in progress.
 * Temporal out of reach leaves it pending; a household that cannot take one
 * (monitored meanwhile) is marked not opened.
 */
export async function handDiscoveries(app: FastifyInstance, user: LoggedInUser, warningIds: readonly string[], feedName: string): Promise<void> {
  const repo = comparisonRepo(app.db);
  for (const id of warningIds) {
    const warning = await repo.warning(id);
    if (!warning || warning.discovery !== 'pending') continue;
    const household = await householdsRepo(app.db).findById(warning.household_id);
    if (!household) continue;
    try {
      const result = await onHouseholdWorkflow(app, household, (handle) =>
        applyUpdate(handle, openIdentification, {
          args: [{ actor: actorOf(user), channel: 'department_warning', reason: m.discoveryReason(feedName, warning.month, warning.rule_name, warning.row_no) }],
          updateId: `comparison-warning-${warning.id}`,
        }),
      );
      await repo.setDiscovery(id, result.merged ? 'joined' : 'opened');
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && String((error.cause as { type?: string } | undefined)?.type ?? '').includes(REFUSALS.wrongStep)) {
        await repo.setDiscovery(id, 'not_opened');
      } else app.log.error({ err: error, warningId: id }, 'comparison warning saved, its discovery not yet handed to the household workflow');
    }
  }
}
