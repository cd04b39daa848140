import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatLocalDate, periodOf, toLocalDate } from '../../domain/calendar/dates.js';
import { ledgerMessages, parseQuarter, quarterOfPeriod } from '../../domain/exports/ledgers.js';
import { townMessages } from '../../domain/town/messages.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { dueItemsRepo } from '../../db/repositories/due-items.js';
import { exportLedgersRepo, type HouseholdLedgerRow, type Within } from '../../db/repositories/export-ledgers.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { townReportsRepo } from '../../db/repositories/town-reports.js';
import { writeAnalysis, writeEmploymentLedger, writeIncomeLedger, writeItems, writePlaceMeasures } from '../../activities/exports/ledgers.js';
import { townReportWorkbook } from '../../activities/exports/town-report.js';
import { allow, listScope } from '../access.js';
import { HttpError } from '../errors.js';
import { currentUser } from '../plugins/auth.js';
import { analysisQuery, employmentQuery, itemsQuery, placeQuery } from '../schemas/exports.js';
import { spreadsheet } from '../schemas/imports.js';
import { reportParams, toTownReportView } from '../schemas/towns.js';
import { exportedNow, placeInScope, streamDownload } from '../services/exports.js';
import { townInScope } from '../services/towns.js';
import { asDownload } from './imports.js';

const PAGE = 1000;
/** 附件5 lists the 脱贫监测户, 附件6 the 边缘户 — Mile's two categories [001]; a sudden-hardship household was never a 脱贫户, so it is listed with the 边缘户. */
const ANALYSIS_CATEGORIES = { monitoring: ['unstable'], marginal: ['marginal', 'sudden_hardship'] } as const;
const placeKey = (after: { town_name: string; village_name: string }, id: string) => ({ townName: after.town_name, villageName: after.village_name, id });

/** The place-wide ledgers and lists beyond the roster, streamed; the town's monthly report. */
export const exportLedgerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);
  const repo = () => exportLedgersRepo(app.db);
  const households = (within: Within, categories: readonly string[] | null) => (after: HouseholdLedgerRow | null) => repo().households(within, categories, after ? placeKey(after, after.id) : null, PAGE);

  app.get(
    '/exports/analysis',
    { preHandler: allow('exportLedgers'), schema: { summary: 'The dynamic monitoring analysis (attachments 5 and 6 of seed 001) of a place: monitored lifted-out or marginal households, latest assessment, measures', tags: ['exports'], querystring: analysisQuery, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const place = await placeInScope(app, currentUser(request), request.query.jurisdictionId);
      const marginal = request.query.kind === 'marginal';
      return streamDownload(app, reply, ledgerMessages.analysis.fileName(place.name, marginal), (out) =>
        writeAnalysis({ out, placeName: place.name, exportedAt: exportedNow(), page: households(place, ANALYSIS_CATEGORIES[request.query.kind]) }, marginal),
      );
    },
  );

  app.get(
    '/exports/income-ledger',
    { preHandler: allow('exportLedgers'), schema: { summary: 'The income assistance ledger of seed 004 of a place: every household, the latest projection against last year, the five focus criteria, causes and measures', tags: ['exports'], querystring: placeQuery, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const place = await placeInScope(app, currentUser(request), request.query.jurisdictionId);
      return streamDownload(app, reply, ledgerMessages.incomeLedger.fileName(place.name), (out) => writeIncomeLedger({ out, placeName: place.name, exportedAt: exportedNow(), page: households(place, null) }));
    },
  );

  app.get(
    '/exports/measures',
    { preHandler: allow('exportLedgers'), schema: { summary: 'The assistance measures (attachment 4 of seed 001) of a place: one row per task', tags: ['exports'], querystring: placeQuery, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const place = await placeInScope(app, currentUser(request), request.query.jurisdictionId);
      return streamDownload(app, reply, ledgerMessages.measures.fileName(place.name), (out) =>
        writePlaceMeasures({ out, placeName: place.name, exportedAt: exportedNow(), page: (after) => repo().tasks(place, after ? { ...placeKey(after, after.household_id), taskId: after.id } : null, PAGE) }),
      );
    },
  );

  app.get(
    '/exports/employment-ledger',
    { preHandler: allow('exportLedgers'), schema: { summary: 'The quarterly employment ledger of lifted-out workers (seed 003), fed back to the human resources bureau: employment known at the quarter’s end, employment tasks', tags: ['exports'], querystring: employmentQuery, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const place = await placeInScope(app, currentUser(request), request.query.jurisdictionId);
      const quarter = request.query.quarter ? parseQuarter(request.query.quarter)! : quarterOfPeriod(periodOf(Date.now()));
      const today = formatLocalDate(toLocalDate(Date.now()));
      const asOf = quarter.lastDay < today ? quarter.lastDay : today;
      return streamDownload(app, reply, ledgerMessages.employment.fileName(place.name, quarter.name), (out) =>
        writeEmploymentLedger({ out, placeName: place.name, exportedAt: exportedNow(), page: (after) => repo().labourers(place, asOf, after ? { ...placeKey(after, after.household_id), memberId: after.id } : null, PAGE) }, quarter),
      );
    },
  );

  app.get(
    '/exports/items',
    { schema: { summary: 'The open (or only the overdue) items of the deadline register in your jurisdiction (a department: its own), soonest deadline first', tags: ['exports'], querystring: itemsQuery, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const user = currentUser(request);
      const scope = listScope(user);
      const now = new Date();
      const overdueOnly = request.query.overdue === 'true';
      const who =
        'departmentId' in scope
          ? { departmentId: scope.departmentId, name: (await departmentsRepo(app.db).findById(scope.departmentId))?.name ?? '' }
          : { within: { id: scope.withinJurisdiction, level: await jurisdictionsRepo(app.db).placeLevel(scope.withinJurisdiction) }, name: (await jurisdictionsRepo(app.db).findById(scope.withinJurisdiction))?.name ?? '' };
      return streamDownload(app, reply, ledgerMessages.items.fileName(who.name, overdueOnly), (out) =>
        writeItems({ out, placeName: who.name, exportedAt: exportedNow(), page: (after) => repo().items(who, overdueOnly, now, after ? { dueKey: after.due_key, id: after.id } : null, PAGE) }, overdueOnly, now),
      );
    },
  );

  app.get(
    '/exports/towns/:townId/reports/:period',
    { preHandler: allow('readTownReports'), schema: { summary: 'A town’s monthly report of risk and risk-eliminated households (seed 001) as .xlsx: the draft, or the report as submitted', tags: ['exports'], params: reportParams, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const { townId, period } = request.params;
      const town = await townInScope(app, townId, currentUser(request));
      const row = await townReportsRepo(app.db).findWithSubmitter(town.id, period);
      if (!row) throw new HttpError(404, townMessages.reportNotGenerated(period), 'NOT_FOUND');
      const item = await dueItemsRepo(app.db).findByKey(row.due_item_key);
      const view = toTownReportView(town, row, item?.overdue_at != null);
      const submittedOn = view.submittedAt ? formatLocalDate(toLocalDate(Date.parse(view.submittedAt))) : '';
      const workbook = await townReportWorkbook({ ...view, submitted: view.status === 'submitted', submittedOn }, exportedNow());
      return asDownload(reply, ledgerMessages.townReport.fileName(town.name, period)).send(workbook);
    },
  );
};
