import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DOCUMENT_MAX_BYTES, documentIdOf, documentMessages, formatSize, sniffDocumentType } from '../../domain/measures/documents.js';
import type { TaskDocument } from '../../domain/measures/tasks.js';
import { hasUnstorableCharacters } from '../../domain/text.js';
import { taskDocumentsRepo, type TaskDocumentRow } from '../../db/repositories/task-documents.js';
import { HttpError } from '../errors.js';
import { currentUser, type LoggedInUser } from '../plugins/auth.js';
import { householdInScope } from './households.js';
import { taskOfDepartment } from './tasks.js';

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The name to keep: the last part of what the browser sent, without what PostgreSQL cannot store, at most 200 characters. */
function keptName(sent: string | undefined, type: string): string {
  const last = (sent ?? '').split(/[\\/]/).pop() ?? '';
  const clean = [...last].filter((c) => !hasUnstorableCharacters(c)).join('').trim().slice(0, 200);
  return clean || documentMessages.defaultName(EXTENSIONS[type] ?? 'pdf');
}

const codeOf = (error: unknown) => (error && typeof error === 'object' && 'code' in error ? String(error.code) : '');

/** The one file of a multipart request, read whole (at most the limit), or a refusal in the clerk's words. */
async function readUpload(request: FastifyRequest): Promise<{ file: MultipartFile; content: Buffer }> {
  try {
    const file = await request.file({ limits: { fileSize: DOCUMENT_MAX_BYTES, files: 1 } });
    if (!file) throw new HttpError(400, documentMessages.missingFile, 'INVALID_INPUT');
    return { file, content: await file.toBuffer() };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    const code = codeOf(error);
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, documentMessages.tooLarge(formatSize(DOCUMENT_MAX_BYTES)), 'FILE_TOO_LARGE');
    // Anything else reading the body can throw (no boundary, a body cut short) is a malformed request: refused, never a 500.
    throw new HttpError(400, documentMessages.missingFile, 'INVALID_INPUT');
  }
}

/**
 * A department user uploads one file for an open task of the department: kept
 * when it is a PDF, JPEG or PNG by its bytes and at most 10 MB, refused in the
 * clerk's words otherwise. Nothing is written for a refused file.
 */
export async function uploadDocument(app: FastifyInstance, request: FastifyRequest, key: string): Promise<TaskDocumentRow> {
  const user = currentUser(request);
  const task = await taskOfDepartment(app, key, user);
  const { file, content } = await readUpload(request);
  if (content.length === 0) throw new HttpError(400, documentMessages.empty, 'INVALID_INPUT');
  const type = sniffDocumentType(content.subarray(0, 16));
  if (!type) throw new HttpError(415, documentMessages.wrongType, 'WRONG_FILE_TYPE');
  return taskDocumentsRepo(app.db).add({ taskKey: task.task_key, householdId: task.household_id, uploadedBy: user.userId, fileName: keptName(file.filename, type), contentType: type, content });
}

/** A completion may name uploaded documents only of its own task: refused before the workflow sees them. */
export async function checkDocumentsOfTask(app: FastifyInstance, key: string, documents: readonly TaskDocument[]): Promise<void> {
  const ids = documents.map((d) => documentIdOf(d.reference)).filter((id): id is string => id !== undefined);
  const found = await taskDocumentsRepo(app.db).describe(ids);
  const ofTask = new Set(found.filter((d) => d.task_key === key).map((d) => d.id));
  if (ids.some((id) => !ofTask.has(id))) throw new HttpError(400, documentMessages.notOfTask, 'INVALID_INPUT');
}

/** A document with its bytes, for a user who may see its household; 404 or 403 otherwise. */
export async function documentForDownload(app: FastifyInstance, id: string, user: LoggedInUser) {
  const document = await taskDocumentsRepo(app.db).withContent(id);
  if (!document) throw new HttpError(404, documentMessages.notFound, 'NOT_FOUND');
  await householdInScope(app, document.household_id, user);
  return document;
}

/** The uploaded documents the household file's completions name, in upload order. */
export async function documentsOfFile(app: FastifyInstance, householdId: string, events: readonly { kind: string; details: unknown }[]): Promise<TaskDocumentRow[]> {
  const ids = new Set<string>();
  for (const e of events) {
    const evidence = (e.details as { evidence?: { documents?: readonly { reference?: unknown }[] } } | null)?.evidence;
    for (const d of evidence?.documents ?? []) {
      const id = typeof d.reference === 'string' ? documentIdOf(d.reference) : undefined;
      if (id) ids.add(id);
    }
  }
  const found = await taskDocumentsRepo(app.db).describe([...ids]);
  return found.filter((d) => d.household_id === householdId);
}
