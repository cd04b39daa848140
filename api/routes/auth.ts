import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/access/roles.js';
import { messages } from '../../domain/messages/catalogue.js';
import { sessionsRepo, usersRepo } from '../../db/repositories/users.js';
import { verifyPassword } from '../../platform/passwords.js';
import { HttpError } from '../errors.js';
import { currentUser, hashToken, newToken } from '../plugins/auth.js';

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  jurisdictionId: z.string(),
  departmentId: z.string().nullable(),
});

export const loginBody = z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(256) });
export const loginAnswer = z.object({ token: z.string(), expiresAt: z.string(), user: userView });

export const authRoutes: FastifyPluginAsyncZod<{ sessionTtlHours: number }> = async (app, options) => {
  app.post(
    '/auth/login',
    {
      schema: {
        summary: 'Log in with username and password; returns a bearer token',
        tags: ['auth'],
        body: loginBody,
        response: { 200: loginAnswer },
      },
    },
    async (request) => {
      const user = await usersRepo(app.db).findByUsername(request.body.username);
      // Verify even for an unknown user so that timing does not reveal which usernames exist.
      const ok = await verifyPassword(request.body.password, user?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      if (!user || !ok || !user.active) throw new HttpError(401, messages.badCredentials, 'BAD_CREDENTIALS');
      const token = newToken();
      const expiresAt = new Date(Date.now() + options.sessionTtlHours * 3600_000);
      await sessionsRepo(app.db).create({ tokenHash: hashToken(token), userId: user.id, expiresAt });
      request.log.info({ userId: user.id }, 'logged in');
      return {
        token,
        expiresAt: expiresAt.toISOString(),
        user: {
          id: user.id,
          username: user.username,
          displayName: user.display_name,
          role: user.role,
          jurisdictionId: user.jurisdiction_id,
          departmentId: user.department_id,
        },
      };
    },
  );

  app.post(
    '/auth/logout',
    { preHandler: app.requireLogin, schema: { summary: 'End the current session', tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.headers.authorization?.replace(/^Bearer\s+/, '') ?? '';
      await sessionsRepo(app.db).revoke(hashToken(token), new Date());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { preHandler: app.requireLogin, schema: { summary: 'The logged-in user', tags: ['auth'], response: { 200: userView } } },
    async (request) => {
      const user = currentUser(request);
      return {
        id: user.userId,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        jurisdictionId: user.jurisdictionId,
        departmentId: user.departmentId ?? null,
      };
    },
  );
};
