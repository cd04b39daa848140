import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyUpdate } from '../workflow-update.js';
import { HOUSEHOLD_STAGES, decideElimination, proposeElimination, raiseEliminationObjection, rollbackElimination } from '../../workflows/household/definitions.js';
import { householdHandle } from '../household-access.js';
import { evidence, text } from '../schemas/common.js';
import { withoutUndefined } from '../without-undefined.js';
import { idParams } from './households.js';

const caseResult = z.object({
  caseNo: z.number(),
  status: z.enum(['in_progress', 'approved', 'rejected']),
  current: z.string().nullable(),
});

/** Risk elimination 风险消除: proposal, public notice objections, town audit, county confirmation, rollback 回退. */
export const eliminationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);
  const handleFor = (householdId: string, request: FastifyRequest) => householdHandle(app, householdId, request);

  app.post(
    '/households/:id/elimination',
    {
      schema: {
        summary: 'The village proposes to mark the risk eliminated, with evidence (or proposes again after a return)',
        tags: ['elimination'],
        params: idParams,
        body: z.object({ statement: text(5000, '请填写风险消除的理由'), evidence: evidence.min(1, '请至少提供一份佐证材料') }),
        response: { 200: caseResult },
      },
    },
    async (request) => {
      const { actor, handle } = await handleFor(request.params.id, request);
      return applyUpdate(handle, proposeElimination, { args: [{ actor, ...withoutUndefined(request.body) }] });
    },
  );

  app.post(
    '/households/:id/elimination/decisions',
    {
      schema: {
        summary: 'The town audit or the county confirmation of a proposed risk elimination',
        tags: ['elimination'],
        params: idParams,
        body: z.object({
          step: z.enum(['town_audit', 'county_decision']),
          decision: z.enum(['approve', 'reject', 'return']),
          opinion: text(5000, '请填写意见'),
          evidence: evidence.optional(),
        }),
        response: { 200: caseResult },
      },
    },
    async (request) => {
      const { actor, handle } = await handleFor(request.params.id, request);
      return applyUpdate(handle, decideElimination, { args: [{ actor, ...withoutUndefined(request.body) }] });
    },
  );

  app.post(
    '/households/:id/elimination/objections',
    {
      schema: {
        summary: 'Record an objection during the elimination’s public notice; the proposal goes back to the village',
        tags: ['elimination'],
        params: idParams,
        body: z.object({ objector: text(100, '请填写异议人'), content: text(5000, '请填写异议内容') }),
        response: { 200: caseResult },
      },
    },
    async (request) => {
      const { actor, handle } = await handleFor(request.params.id, request);
      return applyUpdate(handle, raiseEliminationObjection, { args: [{ actor, ...request.body }] });
    },
  );

  app.post(
    '/households/:id/elimination/rollback',
    {
      schema: {
        summary: 'The county rolls a risk-elimination mark back 回退, with its reason; the household returns to monitoring',
        tags: ['elimination'],
        params: idParams,
        body: z.object({ reason: text(5000, '请填写回退理由') }),
        response: { 200: z.object({ stage: z.enum(HOUSEHOLD_STAGES) }) },
      },
    },
    async (request) => {
      const { actor, handle } = await handleFor(request.params.id, request);
      return applyUpdate(handle, rollbackElimination, { args: [{ actor, ...request.body }] });
    },
  );
};
