import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HOUR_MS } from '../../domain/calendar/dates.js';
import { loginMessages } from '../../domain/access/login-throttle.js';
import { sessionsRepo } from '../../db/repositories/users.js';
import { currentUser, hashToken, newToken } from '../plugins/auth.js';
import { loggedInView, loginBody, loginLocked, loggedOutEverywhere, session, toUserView, userView } from '../schemas/auth.js';
import { checkLogin, LoginLocked } from '../services/login.js';

export const authRoutes: FastifyPluginAsyncZod<{ sessionTtlHours: number }> = async (app, options) => {
  app.post(
    '/auth/login',
    {
      schema: {
        summary: 'Log in with username and password; returns a bearer token. After repeated failures the account or the address is locked for a while (429, Retry-After)',
        tags: ['auth'],
        body: loginBody,
        response: { 200: session, 429: loginLocked },
      },
    },
    async (request, reply) => {
      const now = new Date();
      try {
        const user = await checkLogin(app, request.body.username, request.body.password, request.ip, now);
        const token = newToken();
        const expiresAt = new Date(now.getTime() + options.sessionTtlHours * HOUR_MS);
        await sessionsRepo(app.db).create({ tokenHash: hashToken(token), userId: user.id, expiresAt });
        request.log.info({ userId: user.id }, 'logged in');
        return { token, expiresAt: expiresAt.toISOString(), user: toUserView(user) };
      } catch (error) {
        if (error instanceof LoginLocked) reply.header('retry-after', String(error.retryAfterSeconds(now)));
        throw error;
      }
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

  app.post(
    '/auth/logout-all',
    {
      preHandler: app.requireLogin,
      schema: { summary: 'End every session of the logged-in user, on every device (this one too)', tags: ['auth'], response: { 200: loggedOutEverywhere } },
    },
    async (request) => {
      const user = currentUser(request);
      const ended = await sessionsRepo(app.db).revokeAll(user.userId, new Date());
      request.log.info({ userId: user.userId, ended }, 'logged out everywhere');
      return { ended, message: loginMessages.loggedOutEverywhere(ended) };
    },
  );

  app.get(
    '/auth/me',
    { preHandler: app.requireLogin, schema: { summary: 'The logged-in user', tags: ['auth'], response: { 200: userView } } },
    async (request) => loggedInView(currentUser(request)),
  );
};
