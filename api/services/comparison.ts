/**
 * Department data comparison 部门数据比对: a department's (or the county
 * bureau's) feed of a month is read as it arrives, staged by COPY and compared
 * in one transaction (db/repositories/comparison-run.ts); the warnings it
 * raises open follow-ups with the profile's clock and notify the town and the
 * village in the same transaction; a household not monitored then gets a
 * discovery through the department-warning channel of its workflow.
 */
import { refusedAsWrongStep } from '../../activities/workflow-refusals.js';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { WorkflowIdReusePolicy } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { endOfLocalDay, formatLocalDate, parsePeriod, periodOf, toLocalDate, daysInMonth } from '../../domain/calendar/dates.js';
import { comparisonMessages as m } from '../../domain/comparison/messages.js';
import { comparisonSettings, followUpDueAt } from '../../domain/comparison/policy.js';
import { changeKeyOf, markKeyOf } from '../../domain/comparison/rows.js';
import type { Actor } from '../../domain/access/roles.js';
import { runComparison, type NewWarning } from '../../db/repositories/comparison-run.js';
import type { WarningMessage } from '../../db/repositories/warning-routing.js';
import { comparisonRepo } from '../../db/repositories/comparison.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { FeedRefusal, readFeedFile, readPushedRows, type FeedContext, type FeedFile, type PushedValue } from '../../activities/comparison/read-feed.js';
import { fileTypeOf } from '../../activities/imports/read-file.js';
import { openIdentification } from '../../workflows/household/definitions.js';
import { closeComparisonMonth, comparisonMonthWorkflowId, feedReceived, type ComparisonMonthInput } from '../../workflows/comparison/definitions.js';
import { comparisonMonthRepo } from '../../db/repositories/comparison-month.js';
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

/** The words of a feed's warning to the town and the village (routed by db/repositories/warning-routing.ts). */
function message(feedName: string, month: string, days: number | undefined) {
  return (w: NewWarning): WarningMessage => ({
    title: m.notification.title(feedName),
    body: m.notification.body(feedName, month, w.ruleName, w.headName, w.idNumber, w.routed === 'follow_up' ? days : undefined),
  });
}

/** Where a feed's rows come from: an uploaded file, or the rows a department's system pushed. */
interface FeedSource {
  readonly feedId: string;
  readonly month: string;
  readonly fileName: string;
  /** Why it cannot be read at all (not a spreadsheet), checked after who may send it. */
  readonly unusable: string | null;
  readonly read: (ctx: FeedContext) => FeedFile;
  /** Lets the rest of an upload go (a refusal answers before the file was read). */
  readonly discard: () => void;
}

/** Compares one uploaded feed; answers the batch and whether it was the same file again. */
export function compareFeed(app: FastifyInstance, user: LoggedInUser, upload: FeedUpload): Promise<{ batchId: string; repeated: boolean }> {
  const type = fileTypeOf(upload.fileName);
  return compareSource(app, user, {
    feedId: upload.feedId,
    month: upload.month,
    fileName: upload.fileName,
    unusable: type ? null : m.wrongType,
    read: (ctx) => readFeedFile(upload.file, type!, ctx, upload.truncated),
    discard: () => upload.file.resume(),
  });
}

/** Compares the rows a department's system pushed (JSON, keyed by the feed's fields); the same rows again are repeated. */
export function comparePushed(app: FastifyInstance, user: LoggedInUser, push: { feedId: string; month: string; rows: readonly Readonly<Record<string, PushedValue>>[] }) {
  return compareSource(app, user, { feedId: push.feedId, month: push.month, fileName: m.pushFileName, unusable: null, read: (ctx) => readPushedRows(push.rows, ctx), discard: () => undefined });
}

async function compareSource(app: FastifyInstance, user: LoggedInUser, upload: FeedSource): Promise<{ batchId: string; repeated: boolean }> {
  const refuse = (status: number, message: string): never => {
    upload.discard();
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
  if (upload.unusable) return refuse(400, upload.unusable);
  if ((await comparisonMonthRepo(app.db).find(countyId, upload.month))?.closed_at) return refuse(409, m.monthClosed(upload.month));

  const today = toLocalDate(now);
  const { year, month } = parsePeriod(upload.month);
  const monthEnd = { year, month, day: daysInMonth(year, month) };
  const asOf = upload.month === periodOf(now) ? today : monthEnd;
  try {
    const file = upload.read({ feed, settings, month: upload.month, countyId, today, maxBytes: FEED_MAX_BYTES });
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
        mark: feed.mark && markKeyOf(feed) ? { kind: feed.mark.kind, key: markKeyOf(feed)!, values: feed.mark.values } : null,
        followUp: settings.followUpDays ? { days: settings.followUpDays, dueAt: followUpDueAt(today, settings.followUpDays) } : null,
      },
      file.rows,
      file.sha256,
      message(feed.name, upload.month, settings.followUpDays),
    );
    if (!result.repeated) await tellMonth(app, countyId, upload.month, { batchId: result.batchId, feedName: feed.name });
    return { batchId: result.batchId, repeated: result.repeated };
  } catch (error) {
    upload.discard();
    if (error instanceof FeedRefusal) throw new HttpError(400, error.message, 'INVALID_INPUT');
    if (error instanceof HttpError) throw error;
    app.log.warn({ err: error }, 'a department feed could not be read');
    throw new HttpError(400, m.unreadable, 'INVALID_INPUT');
  }
}

/**
 * The month's comparison workflow is told of the batch (and opened by its
 * first): it hands the batch's discoveries to the households' workflows,
 * paced. Temporal out of reach leaves them pending for the sweep at start.
 */
async function tellMonth(app: FastifyInstance, countyId: string, month: string, feed: { batchId: string; feedName: string }): Promise<void> {
  const input: ComparisonMonthInput = { version: 1, countyId, month };
  try {
    await app.temporal.workflow.signalWithStart('comparisonMonthWorkflow', {
      taskQueue: app.taskQueue,
      workflowId: comparisonMonthWorkflowId(countyId, month),
      args: [input],
      signal: feedReceived,
      signalArgs: [feed],
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
    });
  } catch (error) {
    app.log.error({ err: error, batchId: feed.batchId }, 'comparison batch saved, its month workflow not yet told');
  }
}

/** The county bureau closes the month: its workflow keeps the report; the month must have had a feed. */
export async function closeMonth(app: FastifyInstance, user: LoggedInUser, month: string): Promise<{ month: string; closedAt: string }> {
  const countyId = await countyOfUser(app, user);
  const kept = await comparisonMonthRepo(app.db).find(countyId, month);
  if (!kept) throw new HttpError(409, m.monthNotOpened(month), 'CONFLICT');
  if (kept.closed_at) throw new HttpError(409, m.monthClosed(month), 'CONFLICT');
  const handle = app.temporal.workflow.getHandle(comparisonMonthWorkflowId(countyId, month));
  const closed = await applyUpdate(handle, closeComparisonMonth, { args: [{ actor: actorOf(user) }] });
  return { month, closedAt: new Date(closed.closedAt).toISOString() };
}

type Discovery = 'opened' | 'joined' | 'not_opened' | 'pending';
type PendingWarning = { readonly id: string; readonly household_id: string; readonly month: string; readonly rule_name: string; readonly row_no: number };

/**
 * A discovery once to its household's workflow (the update id is the
 * warning's): it opens an identification case or joins the one in progress.
 * Temporal out of reach leaves it pending for the sweep; a household that
 * cannot take one (monitored meanwhile) is marked not opened.
 */
async function handDiscovery(app: FastifyInstance, actor: Actor, warning: PendingWarning, feedName: string): Promise<Discovery> {
  const household = await householdsRepo(app.db).findById(warning.household_id);
  if (!household) return 'pending';
  let outcome: Discovery;
  try {
    const result = await onHouseholdWorkflow(app, household, (handle) =>
      applyUpdate(handle, openIdentification, {
        args: [{ actor, channel: 'department_warning', reason: m.discoveryReason(feedName, warning.month, warning.rule_name, warning.row_no) }],
        updateId: `comparison-warning-${warning.id}`,
      }),
    );
    outcome = result.merged ? 'joined' : 'opened';
  } catch (error) {
    if (!refusedAsWrongStep(error)) {
      app.log.error({ err: error, warningId: warning.id }, 'comparison warning saved, its discovery not yet handed to the household workflow');
      return 'pending';
    }
    outcome = 'not_opened';
  }
  await comparisonRepo(app.db).setDiscovery(warning.id, outcome);
  return outcome;
}

/** The sweep when the API starts: discoveries saved while Temporal was out of reach are handed over now, in their uploader's name. */
export async function resumePendingComparisonDiscoveries(app: FastifyInstance, batch = 200): Promise<{ checked: number; handed: number }> {
  const pending = await comparisonRepo(app.db).pendingDiscoveries(batch);
  let handed = 0;
  for (const w of pending) {
    const feedName = (await settingsFor(app, w.county_id, w.month)).feeds.find((f) => f.id === w.feed)?.name ?? w.feed;
    const actor: Actor = { userId: w.uploaded_by, role: w.role, jurisdictionId: w.jurisdiction_id ?? w.county_id, departmentId: w.department_id };
    if ((await handDiscovery(app, actor, w, feedName)) !== 'pending') handed += 1;
  }
  return { checked: pending.length, handed };
}
