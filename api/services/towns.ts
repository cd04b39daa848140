import type { FastifyInstance } from 'fastify';
import { townRefusal } from '../../domain/access/reach.js';
import { FAILURES } from '../../domain/failures.js';
import { townMessages } from '../../domain/town/messages.js';
import { applyCorrections, type TownReportBody } from '../../domain/town/report.js';
import type { Jurisdiction } from '../../db/database.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { townReportsRepo } from '../../db/repositories/town-reports.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';

/**
 * The town, when it exists and lies in the user's reach: a town officer's own
 * town, or a town of the county of the bureau or the supervisors; 404 or 403
 * otherwise. Which roles may read or act is the route's `allow(…)`.
 */
export async function townInScope(app: FastifyInstance, id: string, user: LoggedInUser): Promise<Jurisdiction> {
  const town = await jurisdictionsRepo(app.db).findById(id);
  if (!town || town.level !== 'town') throw new HttpError(404, townMessages.townNotFound, 'NOT_FOUND');
  const refusal = townRefusal(user, { id: town.id, parentId: town.parent_id });
  if (refusal) throw new HttpError(403, refusal === 'not_own_town' ? townMessages.notOwnTown : townMessages.outsideJurisdiction, 'FORBIDDEN');
  return town;
}

/** Corrections to a draft are checked against the draft before the workflow sees them: 400 with the first problem. */
export async function checkCorrections(
  app: FastifyInstance,
  town: Jurisdiction,
  period: string,
  corrections: Parameters<typeof applyCorrections>[1],
): Promise<void> {
  if (corrections.length === 0) return;
  const reports = townReportsRepo(app.db);
  const row = await reports.find(town.id, period);
  if (row?.status !== 'draft') return;
  const added = [...new Set(corrections.filter((c) => c.change === 'add').map((c) => c.householdId))];
  const checked = applyCorrections(row.draft as TownReportBody, corrections, await reports.townHouseholds(town.id, added));
  if ('problem' in checked) throw new HttpError(400, townMessages.correction(checked.problem), FAILURES.invalidInput);
}
