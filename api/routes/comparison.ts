import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { comparisonMessages as m } from '../../domain/comparison/messages.js';
import { feedColumns } from '../../domain/comparison/rows.js';
import { comparisonRepo } from '../../db/repositories/comparison.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { allow } from '../access.js';
import { HttpError } from '../errors.js';
import { currentUser } from '../plugins/auth.js';
import { batchView, closeResult, feedList, pushBody, feedUploadParams, followUpBody, followUpResult, monthParams, monthReport as monthReportSchema, warningParams } from '../schemas/comparison.js';
import { spreadsheet } from '../schemas/imports.js';
import { closeMonth, compareFeed, comparePushed, countyOfUser, FEED_MAX_BYTES, settingsFor } from '../services/comparison.js';
import { monthReport, reportWorkbook, toBatchView } from '../services/comparison-report.js';
import { asDownload } from './imports.js';

/** Department data comparison 部门数据比对: the feeds, an upload per feed and month, the month's report, the follow-ups. */
export const comparisonRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/comparison/feeds/:month',
    { preHandler: allow('viewComparison'), schema: { summary: 'The county’s department feeds for a month (its profile’s, or the design’s), their columns and rules', tags: ['comparison'], params: monthParams, response: { 200: feedList } } },
    async (request) => {
      const countyId = await countyOfUser(app, currentUser(request));
      const settings = await settingsFor(app, countyId, request.params.month);
      const departments = new Map((await departmentsRepo(app.db).allOfCounty(countyId)).map((d) => [d.code, d.name]));
      return {
        followUpDays: settings.followUpDays ?? null,
        items: settings.feeds.map((f) => ({
          id: f.id,
          name: f.name,
          department: f.department,
          departmentName: departments.get(f.department) ?? null,
          headings: Object.values(feedColumns(f)).map((c) => c.heading),
          fields: Object.entries(feedColumns(f)).map(([field, c]) => ({ field, heading: c.heading, required: c.required === true })),
          rules: f.warnings.map((r) => ({ id: r.id, name: r.name, configured: r.when.op !== 'above_line' || settings.lines[r.when.line] !== undefined })),
        })),
      };
    },
  );

  app.post(
    '/comparison/feeds/:feedId/:month',
    {
      preHandler: allow('uploadFeed'),
      schema: {
        summary: 'Uploads a department’s feed of a month (.xlsx or .csv, multipart field "file", at most 50 MB): staged by COPY, matched by ID number and compared in one transaction; 201 with the batch, 200 when the same file was received before (nothing changes)',
        tags: ['comparison'],
        consumes: ['multipart/form-data'],
        params: feedUploadParams,
        response: { 200: batchView, 201: batchView },
      },
    },
    async (request, reply) => {
      const user = currentUser(request);
      const upload = request.isMultipart() ? await request.file({ limits: { fileSize: FEED_MAX_BYTES, files: 1 } }).catch(() => undefined) : undefined;
      if (!upload) throw new HttpError(400, m.wrongType, 'INVALID_INPUT');
      const { batchId, repeated } = await compareFeed(app, user, { feedId: request.params.feedId, month: request.params.month, fileName: upload.filename, file: upload.file, truncated: () => upload.file.truncated });
      const batch = (await comparisonRepo(app.db).batch(batchId))!;
      const settings = await settingsFor(app, batch.county_id, batch.month);
      return reply.code(repeated ? 200 : 201).header('location', `/api/comparison/${batch.month}`).send(toBatchView(settings, batch, repeated));
    },
  );

  app.post(
    '/comparison/feeds/:feedId/:month/rows',
    {
      preHandler: allow('uploadFeed'),
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        summary: 'A department’s own system pushes the month’s feed as JSON rows (at most 50,000 per request, 16 MB), with a department account’s token: compared as an upload is, refused as an upload is; 201 with the batch, 200 when the same rows were received before (nothing changes)',
        tags: ['comparison'],
        params: feedUploadParams,
        body: pushBody,
        response: { 200: batchView, 201: batchView },
      },
    },
    async (request, reply) => {
      const { batchId, repeated } = await comparePushed(app, currentUser(request), { feedId: request.params.feedId, month: request.params.month, rows: request.body.rows });
      const batch = (await comparisonRepo(app.db).batch(batchId))!;
      const settings = await settingsFor(app, batch.county_id, batch.month);
      return reply.code(repeated ? 200 : 201).header('location', `/api/comparison/${batch.month}`).send(toBatchView(settings, batch, repeated));
    },
  );

  app.get(
    '/comparison/:month',
    { preHandler: allow('viewComparison'), schema: { summary: 'The month’s comparison: progress per department, the batches, each warning with its source and follow-up clock, the households skipped for want of consent, the unknown persons', tags: ['comparison'], params: monthParams, response: { 200: monthReportSchema } } },
    async (request) => monthReport(app, currentUser(request), request.params.month),
  );

  app.get(
    '/comparison/:month/export',
    { preHandler: allow('viewComparison'), schema: { summary: 'The month’s comparison report as .xlsx', tags: ['comparison'], params: monthParams, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const report = await monthReport(app, currentUser(request), request.params.month);
      return asDownload(reply, m.reportFileName(request.params.month)).send(await reportWorkbook(report));
    },
  );

  app.post(
    '/comparison/:month/close',
    { preHandler: allow('closeComparison'), schema: { summary: 'Closes the month’s comparison (its workflow keeps the report as it stands); a feed of a closed month is refused', tags: ['comparison'], params: monthParams, response: { 200: closeResult } } },
    async (request) => closeMonth(app, currentUser(request), request.params.month),
  );

  app.post(
    '/comparison/warnings/:id/follow-up',
    { preHandler: allow('followUpWarning'), schema: { summary: 'Records what was done about a warning, once; its follow-up item closes', tags: ['comparison'], params: warningParams, body: followUpBody, response: { 200: followUpResult } } },
    async (request) => {
      const user = currentUser(request);
      const repo = comparisonRepo(app.db);
      const warning = await repo.warning(request.params.id);
      const countyId = await countyOfUser(app, user);
      const inPlace = warning && warning.county_id === countyId && [warning.county_id, warning.town_id, warning.village_id].includes(user.jurisdictionId);
      if (!warning || !inPlace) throw new HttpError(404, m.warningNotFound, 'NOT_FOUND');
      const at = new Date();
      if (!(await repo.recordFollowUp(warning.id, user.userId, request.body.note, at))) throw new HttpError(409, m.followUpDone, 'CONFLICT');
      return { id: warning.id, followedUpAt: at.toISOString() };
    },
  );
};
