import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyUpdate } from '../workflow-update.js';
import { RISK_CAUSES } from '../../domain/identification/steps.js';
import { recordVisit, submitMonthlyUpdate } from '../../workflows/household/definitions.js';
import { householdHandle } from '../household-access.js';
import { incomeLine, period, spendingLine, text, threats, yuan } from '../schemas/common.js';
import { withoutUndefined } from '../without-undefined.js';
import { idParams } from './households.js';

const signal = z.enum(['none', 'warning', 'elimination_suggested', 'reentry']);

/** The monthly items of a household: the update before the 20th and the visit. */
export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  const handleFor = (householdId: string, request: FastifyRequest) => householdHandle(app, householdId, request);

  app.post(
    '/households/:id/monthly-updates',
    {
      schema: {
        summary: 'Submit the monthly update 月度信息更新 (due before the 20th): income, spending, member changes, policies enjoyed; re-assesses the household',
        tags: ['monitoring'],
        params: idParams,
        body: z.object({
          period,
          note: z.string().trim().max(2000).optional(),
          income: z.array(incomeLine).max(120).optional(),
          spending: z.array(spendingLine).max(120).optional(),
          memberCount: z.number().int().min(1, '家庭人口数至少为1').max(50).optional(),
          memberChanges: z.string().trim().max(2000).optional(),
          policiesEnjoyed: z.array(text(200, '请填写享受的政策')).max(50).optional(),
          lastYearIncomePerCapita: yuan.optional(),
          threats: threats.optional(),
        }),
        response: { 200: z.object({ period: z.string(), late: z.boolean(), signal }) },
      },
    },
    async (request) => {
      const { actor, handle } = await handleFor(request.params.id, request);
      return applyUpdate(handle, submitMonthlyUpdate, { args: [{ actor, ...withoutUndefined(request.body) }] });
    },
  );

  app.post(
    '/households/:id/visits',
    {
      schema: {
        summary: 'Record the month’s visit with its form 走访服务信息采集表; a risk found raises a warning',
        tags: ['monitoring'],
        params: idParams,
        body: z.object({
          period,
          visitedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '走访日期格式应为 YYYY-MM-DD'),
          findings: text(5000, '请填写走访发现的情况'),
          risksFound: z.array(z.enum(RISK_CAUSES)).max(10).optional(),
          threats: threats.optional(),
        }),
        response: { 200: z.object({ period: z.string(), late: z.boolean(), signal }) },
      },
    },
    async (request) => {
      const { actor, handle } = await handleFor(request.params.id, request);
      return applyUpdate(handle, recordVisit, { args: [{ actor, ...withoutUndefined(request.body) }] });
    },
  );
};
