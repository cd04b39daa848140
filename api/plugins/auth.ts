import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { NO_PLACE, type Actor } from '../../domain/access/roles.js';
import { adminMessages } from '../../domain/administration/messages.js';
import { messages } from '../../domain/messages/catalogue.js';
import { sessionsRepo } from '../../db/repositories/users.js';
import { HttpError } from '../errors.js';

export interface LoggedInUser extends Actor {
  readonly username: string;
  readonly displayName: string;
  /** A new account or a reset password: until it is changed, only the password change, who-am-I and logout answer. */
  readonly mustChangePassword: boolean;
}

/** What a user who must change the password may still ask for. */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/password', '/api/auth/me', '/api/auth/logout', '/api/auth/logout-all']);

declare module 'fastify' {
  interface FastifyRequest {
    user: LoggedInUser | null;
  }
  interface FastifyInstance {
    /** preHandler: refuses the request with 401 unless a valid session token came with it. */
    requireLogin(request: FastifyRequest): Promise<void>;
  }
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');
export const newToken = (): string => randomBytes(32).toString('base64url');

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+([A-Za-z0-9_-]{20,128})$/.exec(header) : null;
  return match?.[1];
}

/** Resolves `Authorization: Bearer <token>` to the logged-in user on every request. */
export const authPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('user', null);
    app.addHook('onRequest', async (request) => {
      const token = bearerToken(request);
      if (!token) return;
      const row = await sessionsRepo(app.db).findActiveUser(hashToken(token), new Date());
      if (!row) return;
      request.user = {
        userId: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        jurisdictionId: row.jurisdiction_id ?? NO_PLACE,
        departmentId: row.department_id,
        mustChangePassword: row.must_change_password,
      };
    });
    app.decorate('requireLogin', async (request: FastifyRequest) => {
      if (!request.user) {
        throw new HttpError(401, bearerToken(request) ? messages.sessionExpired : messages.notLoggedIn, 'NOT_LOGGED_IN');
      }
      if (request.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(request.routeOptions.url ?? '')) {
        throw new HttpError(403, adminMessages.mustChangePassword, 'PASSWORD_CHANGE_REQUIRED');
      }
    });
  },
  { name: 'auth', dependencies: ['db'] },
);

/** The workflow's view of the logged-in user. */
export const actorOf = (user: LoggedInUser) => ({
  userId: user.userId,
  role: user.role,
  jurisdictionId: user.jurisdictionId,
  departmentId: user.departmentId ?? null,
});

export function currentUser(request: FastifyRequest): LoggedInUser {
  if (!request.user) throw new HttpError(401, messages.notLoggedIn, 'NOT_LOGGED_IN');
  return request.user;
}
