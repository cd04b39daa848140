import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HOUR_MS } from '../../domain/calendar/dates.js';
import { adminMessages } from '../../domain/administration/messages.js';
import { messages } from '../../domain/messages/catalogue.js';
import { sessionsRepo, usersRepo } from '../../db/repositories/users.js';
import { verifyPassword } from '../../platform/passwords.js';
import { HttpError } from '../errors.js';
import { currentUser, hashToken, newToken } from '../plugins/auth.js';
import { loggedInView, loginBody, session, toUserView, userView } from '../schemas/auth.js';

/** A hash no password matches, verified for an unknown user so that timing does not reveal which usernames exist. */
const NO_USER_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const authRoutes: FastifyPluginAsyncZod<{ sessionTtlHours: number }> = async (app, options) => {
  app.post(
    '/auth/login',
    { schema: { summary: 'Log in with username and password; returns a bearer token', tags: ['auth'], body: loginBody, response: { 200: session } } },
    async (request) => {
      const user = await usersRepo(app.db).findByUsername(request.body.username);
      const ok = await verifyPassword(request.body.password, user?.password_hash ?? NO_USER_HASH);
      if (!user || !ok) throw new HttpError(401, messages.badCredentials, 'BAD_CREDENTIALS');
      // Told only to whoever knows the password: a deactivated account is not an unknown one.
      if (!user.active) throw new HttpError(403, adminMessages.accountDisabled, 'ACCOUNT_DISABLED');
      const token = newToken();
      const expiresAt = new Date(Date.now() + options.sessionTtlHours * HOUR_MS);
      await sessionsRepo(app.db).create({ tokenHash: hashToken(token), userId: user.id, expiresAt });
      request.log.info({ userId: user.id }, 'logged in');
      return { token, expiresAt: expiresAt.toISOString(), user: toUserView(user) };
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
    async (request) => loggedInView(currentUser(request)),
  );
};
