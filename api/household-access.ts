import type { FastifyInstance, FastifyRequest } from 'fastify';
import { covers } from '../domain/access/roles.js';
import { messages } from '../domain/messages/catalogue.js';
import type { Household } from '../db/database.js';
import { householdsRepo } from '../db/repositories/households.js';
import { HttpError } from './errors.js';
import { currentUser, type LoggedInUser } from './plugins/auth.js';
import { householdWorkflowId } from '../workflows/household/definitions.js';

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

/** The logged-in actor and the workflow of a household in their jurisdiction, for an update. */
export async function householdHandle(app: FastifyInstance, householdId: string, request: FastifyRequest) {
  const user = currentUser(request);
  const household = await householdInScope(app, householdId, user);
  return { actor: actorOf(user), handle: app.temporal.workflow.getHandle(householdWorkflowId(household.id)) };
}
