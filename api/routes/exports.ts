import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportMessages } from '../../domain/exports/messages.js';
import { rosterPage } from '../../db/repositories/exports.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { writeRoster } from '../../activities/exports/roster.js';
import { allow } from '../access.js';
import { HttpError } from '../errors.js';
import { currentUser } from '../plugins/auth.js';
import { asDownload } from './imports.js';

const rosterQuery = z.object({ jurisdictionId: z.string().min(1).max(32).optional() });
const shanghaiTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

/** The ledgers 台账 in Excel, streamed: a county's 50,000 households are never held whole. */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/exports/roster',
    {
      preHandler: allow('exportLedgers'),
      schema: { summary: 'The roster of monitoring objects (ledger) of a village, town or county (default: the user’s own), as .xlsx with title rows and A4 print set-up', tags: ['exports'], querystring: rosterQuery },
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
        app.log.error({ err: error }, 'the roster could not be written');
        out.destroy(error as Error);
      });
      return asDownload(reply, exportMessages.roster.fileName(lineage[0]!.name)).send(out);
    },
  );
};
