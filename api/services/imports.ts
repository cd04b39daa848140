/**
 * A caseload import: the upload is read as it arrives and staged by COPY (the
 * file is never held whole), then the job's workflow checks, saves and starts
 * the households in the background.
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { covers } from '../../domain/access/roles.js';
import { toLocalDate } from '../../domain/calendar/dates.js';
import { importMessages } from '../../domain/imports/messages.js';
import type { ImportJob } from '../../db/database.js';
import { stageRows } from '../../db/repositories/import-staging.js';
import { importJobsRepo } from '../../db/repositories/import-jobs.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { fileTypeOf, readCaseloadFile, type SheetRead } from '../../activities/imports/read-file.js';
import { DEFAULT_STARTS_PER_SECOND, importJobWorkflowId, type ImportJobInput } from '../../workflows/import/definitions.js';
import { HttpError } from '../errors.js';
import { actorOf, type LoggedInUser } from '../plugins/auth.js';
import { startOnce } from './workflows.js';
import { errorSummary } from '../error-summary.js';

async function countyOf(app: FastifyInstance, jurisdictionId: string): Promise<string> {
  const lineage = await jurisdictionsRepo(app.db).lineage(jurisdictionId);
  const county = lineage.find((j) => j.level === 'county');
  if (!county) throw new HttpError(403, importMessages.reason.outsideJurisdiction, 'FORBIDDEN');
  return county.id;
}

/** Stages the uploaded file and starts its job; answers the job (failed when the file had nothing to import). */
export async function startImport(app: FastifyInstance, user: LoggedInUser, upload: { fileName: string; file: Readable }, startsPerSecond = DEFAULT_STARTS_PER_SECOND): Promise<ImportJob> {
  const type = fileTypeOf(upload.fileName);
  if (!type) {
    upload.file.resume();
    throw new HttpError(400, importMessages.job.wrongType, 'INVALID_INPUT');
  }
  const repo = importJobsRepo(app.db);
  const job = await repo.create({ countyId: await countyOf(app, user.jurisdictionId), scopeId: user.jurisdictionId, uploadedBy: user.userId, fileName: upload.fileName.slice(0, 255) });
  const sheets: SheetRead[] = [];
  let rowsRead: number;
  try {
    rowsRead = await stageRows(app.db, job.id, readCaseloadFile(upload.file, type, upload.fileName, toLocalDate(Date.now()), sheets), (n) => repo.update(job.id, { rowsRead: n }));
  } catch (error) {
    upload.file.resume();
    app.log.warn({ error: errorSummary(error), jobId: job.id }, 'an uploaded caseload file could not be read');
    await repo.update(job.id, { status: 'failed', failure: importMessages.job.unreadable, finished: true });
    throw new HttpError(400, importMessages.job.unreadable, 'INVALID_INPUT');
  }
  const recognised = sheets.filter((s) => s.kind !== null);
  if (recognised.length === 0) {
    await repo.update(job.id, { status: 'failed', sheets, failure: importMessages.job.noSheet, finished: true });
    throw new HttpError(400, importMessages.job.noSheet, 'INVALID_INPUT');
  }
  await repo.update(job.id, { sheets, rowsRead });
  const input: ImportJobInput = { version: 1, jobId: job.id, openedBy: actorOf(user), startsPerSecond };
  await startOnce(app, 'importJobWorkflow', importJobWorkflowId(job.id), input);
  return (await repo.findById(job.id))!;
}

/** A job the user may see: one uploaded within their jurisdiction (a county's users see the county's). */
export async function importInScope(app: FastifyInstance, user: LoggedInUser, id: string): Promise<ImportJob> {
  const job = await importJobsRepo(app.db).findById(id);
  if (!job) throw new HttpError(404, importMessages.job.notFound, 'NOT_FOUND');
  const lineage = await jurisdictionsRepo(app.db).lineage(job.scope_id);
  const place = { countyId: job.county_id, townId: lineage.find((j) => j.level === 'town')?.id ?? '', villageId: lineage.find((j) => j.level === 'village')?.id ?? '', groupId: null };
  if (job.uploaded_by !== user.userId && !covers(user, place)) throw new HttpError(404, importMessages.job.notFound, 'NOT_FOUND');
  return job;
}

export async function listImports(app: FastifyInstance, user: LoggedInUser): Promise<ImportJob[]> {
  return importJobsRepo(app.db).listWithin(user.jurisdictionId, 50);
}
