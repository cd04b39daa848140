import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ADMIN_ACTION_NAMES } from '../../domain/administration/messages.js';
import { adminChangesRepo } from '../../db/repositories/administration.js';
import { allow, refuseUnlessMayDo } from '../access.js';
import { currentUser } from '../plugins/auth.js';
import { accountView, adminChangePage, adminChangesQuery, changePasswordBody, createUserBody, resetPasswordBody, userParams } from '../schemas/admin.js';
import { accountsOf, changeOwnPassword, createAccount, resetPassword, setAccountActive } from '../services/admin-people.js';

/** People: the county's accounts, each user's own password, and the audit of administrative changes. */
export const adminPeopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.post(
    '/auth/password',
    { schema: { summary: 'Changes your own password (the current one must be given; the new one must differ)', tags: ['auth'], body: changePasswordBody, response: { 204: z.null() } } },
    async (request, reply) => {
      await changeOwnPassword(app, currentUser(request), request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/admin/users',
    { preHandler: allow('administerCounty'), schema: { summary: 'The accounts of your county', tags: ['administration'], response: { 200: z.array(accountView) } } },
    async (request) => accountsOf(app, currentUser(request)),
  );

  app.post(
    '/admin/users',
    { schema: { summary: 'A new account, which must change its password at first login', tags: ['administration'], body: createUserBody, response: { 201: accountView } } },
    async (request, reply) => {
      const user = currentUser(request);
      if (user.role !== 'system_admin') refuseUnlessMayDo(user, 'administerCounty');
      return reply.status(201).send(await createAccount(app, user, request.body));
    },
  );

  for (const [path, active] of [['deactivate', false], ['activate', true]] as const) {
    app.post(
      `/admin/users/:id/${path}`,
      { schema: { summary: active ? 'Activates an account' : 'Deactivates an account and ends its sessions', tags: ['administration'], params: userParams, response: { 200: accountView } } },
      async (request) => {
        const user = currentUser(request);
        if (user.role !== 'system_admin') refuseUnlessMayDo(user, 'administerCounty');
        return setAccountActive(app, user, request.params.id, active);
      },
    );
  }

  app.post(
    '/admin/users/:id/password',
    { schema: { summary: 'Resets an account’s password; its next login must change it', tags: ['administration'], params: userParams, body: resetPasswordBody, response: { 200: accountView } } },
    async (request) => {
      const user = currentUser(request);
      if (user.role !== 'system_admin') refuseUnlessMayDo(user, 'administerCounty');
      return resetPassword(app, user, request.params.id, request.body.password);
    },
  );

  app.get(
    '/admin/changes',
    { preHandler: allow('viewAdminChanges'), schema: { summary: 'Who changed what in your county’s administration, newest first, before and after', tags: ['administration'], querystring: adminChangesQuery, response: { 200: adminChangePage } } },
    async (request) => {
      const rows = await adminChangesRepo(app.db).ofCounty(currentUser(request).jurisdictionId, request.query);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          action: r.action,
          actionName: ADMIN_ACTION_NAMES[r.action] ?? r.action,
          subjectKind: r.subject_kind,
          subjectId: r.subject_id,
          by: { username: r.username, displayName: r.display_name },
          before: r.before,
          after: r.after,
        })),
      };
    },
  );
};
