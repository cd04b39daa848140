import type { FastifyRequest } from 'fastify';
import { mayDo, roleRefusal, type Action } from '../domain/access/actions.js';
import { HttpError } from './errors.js';
import { currentUser, type LoggedInUser } from './plugins/auth.js';

/** Refuses with 403 unless the user's role may do `action` (domain/access/actions.ts). */
export function refuseUnlessMayDo(user: LoggedInUser, action: Action): void {
  const refusal = roleRefusal(user, action);
  if (refusal) throw new HttpError(403, refusal, 'FORBIDDEN');
}

/** A route's preHandler: the logged-in user's role must allow `action`. */
export const allow = (action: Action) => async (request: FastifyRequest) => refuseUnlessMayDo(currentUser(request), action);

/** Whose items a list shows: a department user its department's; anyone else those of their jurisdiction. */
export const listScope = (user: LoggedInUser): { departmentId: string } | { withinJurisdiction: string } =>
  mayDo(user, 'actOnTask') && user.departmentId ? { departmentId: user.departmentId } : { withinJurisdiction: user.jurisdictionId };
