import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportMessages } from '../../domain/exports/messages.js';
import { rosterPage } from '../../db/repositories/exports.js';
import { writeRoster } from '../../activities/exports/roster.js';
import { householdFileWorkbook, incomeCalculationWorkbook } from '../../activities/exports/household-file.js';
import { applicationWorkbook, householdAnalysisWorkbook, householdMeasuresWorkbook, surveyWorkbook } from '../../activities/exports/household-forms.js';
import { ledgerMessages } from '../../domain/exports/ledgers.js';
import { exportLedgersRepo } from '../../db/repositories/export-ledgers.js';
import { exportedNow, householdFileData, placeInScope, streamDownload } from '../services/exports.js';
import { allow } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { asDownload } from './imports.js';
import { spreadsheet } from '../schemas/imports.js';

const householdParams = z.object({ id: z.uuid() });
const rosterQuery = z.object({ jurisdictionId: z.string().min(1).max(32).optional() });

/** The ledgers 台账 in Excel, streamed: a county's 50,000 households are never held whole. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/exports/roster',
    {
      preHandler: allow('exportLedgers'),
      schema: { summary: 'The roster of monitoring objects (ledger) of a village, town or county (default: the user’s own), as .xlsx with title rows and A4 print set-up', tags: ['exports'], querystring: rosterQuery, response: { 200: spreadsheet } },
    },
    async (request, reply) => {
      const place = await placeInScope(app, currentUser(request), request.query.jurisdictionId);
      return streamDownload(app, reply, exportMessages.roster.fileName(place.name), (out) =>
        writeRoster(out, place.name, exportedNow(), (after) =>
          rosterPage(app.db, place, after ? { townName: after.town_name, villageName: after.village_name, id: after.id } : null, 1000),
        ),
      );
    },
  );

  app.get(
    '/exports/households/:id/file',
    { preHandler: allow('exportLedgers'), schema: { summary: 'A household’s whole file (basic facts, members, the income and spending calculation, its history) as .xlsx', tags: ['exports'], params: householdParams, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const data = await householdFileData(app, request.params.id, currentUser(request));
      return asDownload(reply, exportMessages.householdFile.fileName(data.household.head_name)).send(await householdFileWorkbook(data));
    },
  );

  app.get(
    '/exports/households/:id/income-calculation',
    { preHandler: allow('exportLedgers'), schema: { summary: 'The income and spending calculation (attachment 3-2 of seed 001) of a household’s recorded months, as .xlsx', tags: ['exports'], params: householdParams, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const data = await householdFileData(app, request.params.id, currentUser(request));
      return asDownload(reply, exportMessages.incomeCalculation.fileName(data.household.head_name)).send(await incomeCalculationWorkbook(data));
    },
  );

  app.get(
    '/exports/households/:id/application',
    { preHandler: allow('exportLedgers'), schema: { summary: 'A household’s application (attachment 1, or 2 for a marginal household, of seed 001) with each review step’s opinion, as .xlsx', tags: ['exports'], params: householdParams, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const data = await householdFileData(app, request.params.id, currentUser(request));
      const { marginal, buffer } = await applicationWorkbook(data);
      return asDownload(reply, ledgerMessages.application.fileName(data.household.head_name, marginal)).send(buffer);
    },
  );

  app.get(
    '/exports/households/:id/survey',
    { preHandler: allow('exportLedgers'), schema: { summary: 'A household’s risk survey (attachment 3-1 of seed 001) from its latest application, with its members, as .xlsx', tags: ['exports'], params: householdParams, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const data = await householdFileData(app, request.params.id, currentUser(request));
      return asDownload(reply, ledgerMessages.survey.fileName(data.household.head_name)).send(await surveyWorkbook(data));
    },
  );

  app.get(
    '/exports/households/:id/measures',
    { preHandler: allow('exportLedgers'), schema: { summary: 'A household’s assistance measures (attachment 4 of seed 001): one row per task of its plans, as .xlsx', tags: ['exports'], params: householdParams, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const data = await householdFileData(app, request.params.id, currentUser(request));
      const tasks = await exportLedgersRepo(app.db).householdTasks(request.params.id);
      const name = ledgerMessages.measures.householdTitle(data.household.head_name);
      return asDownload(reply, ledgerMessages.measures.fileName(name)).send(await householdMeasuresWorkbook(data.household.head_name, data.exportedAt, tasks));
    },
  );

  app.get(
    '/exports/households/:id/analysis',
    { preHandler: allow('exportLedgers'), schema: { summary: 'A household’s dynamic monitoring analysis (attachment 5, or 6 for a marginal household, of seed 001): a row per assessment of its file, as .xlsx', tags: ['exports'], params: householdParams, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const data = await householdFileData(app, request.params.id, currentUser(request));
      return asDownload(reply, ledgerMessages.analysis.householdFileName(data.household.head_name)).send(await householdAnalysisWorkbook(data));
    },
  );
};
