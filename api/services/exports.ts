import { PassThrough, type Writable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { exportMessages } from '../../domain/exports/messages.js';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { householdFinancesRepo } from '../../db/repositories/household-finances.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { jurisdictionsRepo, type PlaceLevel } from '../../db/repositories/jurisdictions.js';
import type { HouseholdFileData } from '../../activities/exports/household-file.js';
import { errorSummary } from '../error-summary.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import { asDownload } from '../routes/imports.js';
import { householdInScope } from './households.js';

const shanghaiTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });

/** When a ledger was exported, as its subtitle says it (Asia/Shanghai). */
export const exportedNow = (): string => shanghaiTime.format(new Date());

export interface ExportPlace {
  readonly id: string;
  readonly level: PlaceLevel | undefined;
  readonly name: string;
}

/** The place a ledger is of (the user's own when not given): it must be the user's jurisdiction or lie within it. */
export async function placeInScope(app: FastifyInstance, user: LoggedInUser, id: string | undefined): Promise<ExportPlace> {
  const placeId = id ?? user.jurisdictionId;
  const repo = jurisdictionsRepo(app.db);
  const lineage = await repo.lineage(placeId);
  if (lineage.length === 0 || !lineage.some((j) => j.id === user.jurisdictionId)) throw new HttpError(403, exportMessages.outside, 'FORBIDDEN');
  return { id: placeId, level: await repo.placeLevel(placeId), name: lineage[0]!.name };
}

/** Sends a streamed workbook: `write` fills the stream while the reply reads it; a failure midway ends the download. */
export function streamDownload(app: FastifyInstance, reply: FastifyReply, fileName: string, write: (out: Writable) => Promise<number>): FastifyReply {
  const out = new PassThrough();
  write(out).catch((error: unknown) => {
    app.log.error({ error: errorSummary(error), fileName: 'ledger' }, 'a ledger could not be written');
    out.destroy(error as Error);
  });
  return asDownload(reply, fileName).send(out);
}

/** What a household's forms are made of, once its place is checked against the user. */
export async function householdFileData(app: FastifyInstance, id: string, user: LoggedInUser): Promise<HouseholdFileData> {
  const household = await householdInScope(app, id, user);
  const [town, village, members, finances, events] = await Promise.all([
    jurisdictionsRepo(app.db).findById(household.town_id),
    jurisdictionsRepo(app.db).findById(household.village_id),
    householdMembersRepo(app.db).listCurrent(household.id),
    householdFinancesRepo(app.db).current(household.id, '2000-01'),
    householdEventsRepo(app.db).listForHousehold(household.id),
  ]);
  return { household, townName: town?.name ?? '', villageName: village?.name ?? '', members, finances, events, exportedAt: exportedNow() };
}
