import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importMessages } from '../../domain/imports/messages.js';
import { importJobsRepo } from '../../db/repositories/import-jobs.js';
import { templateWorkbook, writeErrorReport, type RejectedRow } from '../../activities/imports/workbooks.js';
import type { SheetRead } from '../../activities/imports/read-file.js';
import { allow } from '../access.js';
import { HttpError } from '../errors.js';
import { currentUser } from '../plugins/auth.js';
import { importJobList, importJobView, importParams, spreadsheet, toImportJobView } from '../schemas/imports.js';
import { importInScope, listImports, startImport } from '../services/imports.js';
import { errorSummary } from '../error-summary.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Headers of a spreadsheet download, its name in UTF-8 (RFC 6266) and an ASCII fallback. */
export function asDownload(reply: FastifyReply, fileName: string): FastifyReply {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
}

/** The caseload import 存量数据导入: the template, the upload, the job's progress and its error report. */
export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/imports/template',
    { preHandler: allow('importCaseload'), schema: { summary: 'The import template: the sheets of members and of monthly finances with their headings, and how to fill them', tags: ['imports'], response: { 200: spreadsheet } } },
    async (_request, reply) => asDownload(reply, importMessages.templateFileName).send(await templateWorkbook()),
  );

  app.post(
    '/imports',
    {
      preHandler: allow('importCaseload'),
      schema: {
        summary: 'Uploads a caseload file (.xlsx or .csv, multipart field "file"): it is read and staged as it arrives, then checked and imported in the background; answers 202 with the job',
        tags: ['imports'],
        consumes: ['multipart/form-data'],
        response: { 202: importJobView },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      // A malformed multipart body (no boundary, cut short) is the sender's fault: refused, never a 500.
      const upload = request.isMultipart() ? await request.file().catch(() => undefined) : undefined;
      if (!upload) throw new HttpError(400, importMessages.job.wrongType, 'INVALID_INPUT');
      const job = await startImport(app, user, { fileName: upload.filename, file: upload.file });
      return reply.code(202).header('location', `/api/imports/${job.id}`).send(toImportJobView(job));
    },
  );

  app.get(
    '/imports',
    { preHandler: allow('importCaseload'), schema: { summary: 'The imports uploaded within the user’s jurisdiction, newest first (50)', tags: ['imports'], response: { 200: importJobList } } },
    async (request) => ({ items: (await listImports(app, currentUser(request))).map(toImportJobView) }),
  );

  app.get(
    '/imports/:id',
    { preHandler: allow('importCaseload'), schema: { summary: 'An import’s progress and counts (rows read = imported + rejected once done)', tags: ['imports'], params: importParams, response: { 200: importJobView } } },
    async (request) => toImportJobView(await importInScope(app, currentUser(request), request.params.id)),
  );

  app.get(
    '/imports/:id/errors',
    { preHandler: allow('importCaseload'), schema: { summary: 'The error report: each rejected row as it was in the file, with its row number and the reason', tags: ['imports'], params: importParams, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const job = await importInScope(app, currentUser(request), request.params.id);
      const out = new PassThrough();
      const repo = importJobsRepo(app.db);
      writeErrorReport(out, job.sheets as SheetRead[], (after: RejectedRow | null) =>
        repo.rejectedRows(job.id, after ? { sheetNo: after.sheet_no, rowNo: after.row_no } : null, 1000),
      ).catch((error: unknown) => {
        app.log.error({ error: errorSummary(error), jobId: job.id }, 'the error report could not be written');
        out.destroy(error as Error);
      });
      return asDownload(reply, importMessages.errorReportFileName(job.file_name)).send(out);
    },
  );
};
