import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportMessages } from '../../domain/exports/messages.js';
import { rosterPage } from '../../db/repositories/exports.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { writeRoster } from '../../activities/exports/roster.js';
import { householdFileWorkbook, incomeCalculationWorkbook, type HouseholdFileData } from '../../activities/exports/household-file.js';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { householdFinancesRepo } from '../../db/repositories/household-finances.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { householdInScope } from '../services/households.js';
import { allow } from '../access.js';
import { HttpError } from '../errors.js';
import { currentUser } from '../plugins/auth.js';
import { asDownload } from './imports.js';
import { spreadsheet } from '../schemas/imports.js';
import { errorSummary } from '../error-summary.js';

const householdParams = z.object({ id: z.uuid() });
const rosterQuery = z.object({ jurisdictionId: z.string().min(1).max(32).optional() });
const shanghaiTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

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
      const user = currentUser(request);
      const id = request.query.jurisdictionId ?? user.jurisdictionId;
      const repo = jurisdictionsRepo(app.db);
      const lineage = await repo.lineage(id);
      if (lineage.length === 0 || !lineage.some((j) => j.id === user.jurisdictionId)) throw new HttpError(403, exportMessages.outside, 'FORBIDDEN');
      const level = await repo.placeLevel(id);
      const out = new PassThrough();
      writeRoster(out, lineage[0]!.name, shanghaiTime.format(new Date()), (after) =>
        rosterPage(app.db, { id, level }, after ? { townName: after.town_name, villageName: after.village_name, id: after.id } : null, 1000),
      ).catch((error: unknown) => {
        app.log.error({ error: errorSummary(error) }, 'the roster could not be written');
        out.destroy(error as Error);
      });
      return asDownload(reply, exportMessages.roster.fileName(lineage[0]!.name)).send(out);
    },
  );

  const fileData = async (id: string, user: ReturnType<typeof currentUser>): Promise<HouseholdFileData> => {
    const household = await householdInScope(app, id, user);
    const [town, village, members, finances, events] = await Promise.all([
      jurisdictionsRepo(app.db).findById(household.town_id),
      jurisdictionsRepo(app.db).findById(household.village_id),
      householdMembersRepo(app.db).listCurrent(household.id),
      householdFinancesRepo(app.db).current(household.id, '2000-01'),
      householdEventsRepo(app.db).listForHousehold(household.id),
    ]);
    return { household, townName: town?.name ?? '', villageName: village?.name ?? '', members, finances, events, exportedAt: shanghaiTime.format(new Date()) };
  };

  app.get(
    '/exports/households/:id/file',
    { preHandler: allow('exportLedgers'), schema: { summary: 'A household’s whole file (basic facts, members, the income and spending calculation, its history) as .xlsx', tags: ['exports'], params: householdParams, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const data = await fileData(request.params.id, currentUser(request));
      return asDownload(reply, exportMessages.householdFile.fileName(data.household.head_name)).send(await householdFileWorkbook(data));
    },
  );

  app.get(
    '/exports/households/:id/income-calculation',
    { preHandler: allow('exportLedgers'), schema: { summary: 'The income and spending calculation (attachment 3-2 of seed 001) of a household’s recorded months, as .xlsx', tags: ['exports'], params: householdParams, response: { 200: spreadsheet } } },
    async (request, reply) => {
      const data = await fileData(request.params.id, currentUser(request));
      return asDownload(reply, exportMessages.incomeCalculation.fileName(data.household.head_name)).send(await incomeCalculationWorkbook(data));
    },
  );
};
