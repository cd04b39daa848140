import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { comparisonMessages as m } from '../../domain/comparison/messages.js';
import { comparisonRepo } from '../../db/repositories/comparison.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { dataConsentsRepo } from '../../db/repositories/self-reports.js';
import { allow } from '../access.js';
import { HttpError } from '../errors.js';
import { currentUser } from '../plugins/auth.js';
import { consentBody, consentList, consentParams, withdrawalBody } from '../schemas/comparison.js';
import { idParams } from '../schemas/common.js';
import { householdInScope } from '../services/households.js';

/** A household's consents 承诺授权书 for the data comparison: recorded from paper, withdrawn once. */
export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/households/:id/consents',
    { schema: { summary: 'The household’s consents for departments to check its data, with their withdrawals', tags: ['comparison'], params: idParams, response: { 200: consentList } } },
    async (request) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      const rows = await comparisonRepo(app.db).consents(household.id);
      return {
        items: rows.map((c) => ({ id: c.id, signerName: c.signer_name, signedAt: c.signed_at.toISOString(), covers: c.covers, document: c.document, source: c.source, withdrawnAt: c.withdrawn_at ? c.withdrawn_at.toISOString() : null, withdrawalNote: c.withdrawal_note })),
      };
    },
  );

  app.post(
    '/households/:id/consents',
    { preHandler: allow('recordConsent'), schema: { summary: 'Records a signed paper consent of the household (who signed, when, what it covers, the scanned document’s reference)', tags: ['comparison'], params: idParams, body: consentBody, response: { 201: consentList.shape.items.element } } },
    async (request, reply) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      const head = (await householdMembersRepo(app.db).listCurrent(household.id)).find((p) => p.relation === 'head');
      if (!head) throw new HttpError(400, m.consentNeedsHead, 'INVALID_INPUT');
      const body = request.body;
      const signedAt = new Date(`${body.signedOn}T12:00:00+08:00`);
      const { id } = await dataConsentsRepo(app.db).add({ householdId: household.id, subjectIdNumber: head.id_number, signerName: body.signerName, signedAt, covers: body.covers, source: 'paper', document: body.document, selfReportId: null });
      return reply.code(201).send({ id, signerName: body.signerName, signedAt: signedAt.toISOString(), covers: [...body.covers], document: body.document, source: 'paper', withdrawnAt: null, withdrawalNote: null });
    },
  );

  app.post(
    '/households/:id/consents/:consentId/withdrawal',
    { preHandler: allow('recordConsent'), schema: { summary: 'Records the withdrawal of a consent, once: the household is no longer compared', tags: ['comparison'], params: consentParams, body: withdrawalBody, response: { 200: consentList.shape.items.element } } },
    async (request) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      const repo = comparisonRepo(app.db);
      const done = await repo.withdrawConsent(request.params.consentId, household.id, new Date(), request.body.note);
      if (Number(done.numUpdatedRows) === 0) throw new HttpError(404, m.consentNotFound, 'NOT_FOUND');
      const c = (await repo.consents(household.id)).find((r) => r.id === request.params.consentId)!;
      return { id: c.id, signerName: c.signer_name, signedAt: c.signed_at.toISOString(), covers: c.covers, document: c.document, source: c.source, withdrawnAt: c.withdrawn_at!.toISOString(), withdrawalNote: c.withdrawal_note };
    },
  );
};
