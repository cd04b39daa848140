import type { FastifyInstance } from 'fastify';
import { covers } from '../domain/access.js';
import { messages } from '../domain/messages.js';
import type { Household } from '../db/database.js';
import { householdsRepo } from '../db/repositories/households.js';
import { HttpError } from './errors.js';
import type { LoggedInUser } from './plugins/auth.js';

export const placeOf = (h: Household) => ({ countyId: h.county_id, townId: h.town_id, villageId: h.village_id, groupId: h.group_id });

/** The workflow's view of the logged-in user. */
export const actorOf = (user: LoggedInUser) => ({
  userId: user.userId,
  role: user.role,
  jurisdictionId: user.jurisdictionId,
  departmentId: user.departmentId ?? null,
});

/** The household, when it exists and lies in the user's jurisdiction; 404 or 403 otherwise. */
export async function householdInScope(app: FastifyInstance, id: string, user: LoggedInUser): Promise<Household> {
  const household = await householdsRepo(app.db).findById(id);
  if (!household) throw new HttpError(404, messages.householdNotFound, 'NOT_FOUND');
  if (!covers(user, placeOf(household))) throw new HttpError(403, messages.outsideJurisdiction, 'FORBIDDEN');
  return household;
}
