import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clockName, WHOLE_CASE } from '../../domain/identification/clocks.js';
import { applyUpdate } from '../workflow-update.js';
import { IDENTIFICATION_STEPS, MONITORING_CATEGORIES, RISK_CAUSES } from '../../domain/identification/steps.js';
import { fenToYuan } from '../../domain/income/money.js';
import {
  decideStep,
  DISCOVERY_CHANNELS,
  getHouseholdState,
  openIdentification,
  raiseObjection,
  submitApplication,
} from '../../workflows/household/definitions.js';
import { householdHandle } from '../household-access.js';
import { idParams } from './households.js';
import { evidence, incomeLine, spendingLine, text, threats, yuan } from '../schemas/common.js';
import { withoutUndefined } from '../without-undefined.js';

export const caseResult = z.object({
  caseNo: z.number(),
  status: z.enum(['in_progress', 'approved', 'rejected']),
  current: z.enum(IDENTIFICATION_STEPS).nullable(),
  merged: z.boolean().optional(),
});

const iso = (ms: number) => new Date(ms).toISOString();

export const discoveryBody = z.object({ channel: z.enum(DISCOVERY_CHANNELS), reason: text(2000, '请填写发现情况或申请理由') });

export const applicationBody = z.object({
  statement: text(5000, '请填写申请书内容'),
  riskCauses: z.array(z.enum(RISK_CAUSES)).min(1, '请至少选择一项风险类型'),
  survey: z.object({
    memberCount: z.number().int().min(1, '家庭人口数至少为1').max(50),
    income: z.array(incomeLine).max(120),
    spending: z.array(spendingLine).max(120),
    lastYearIncomePerCapita: yuan.optional(),
    threats: threats.optional(),
  }),
  evidence: evidence.default([]),
});

export const decisionBody = z.object({
  step: z.enum(['village_review', 'department_comparison', 'town_audit', 'county_decision']),
  decision: z.enum(['approve', 'reject', 'return']),
  opinion: text(5000, '请填写意见'),
  participants: z.array(text(100, '参与人员不能为空')).max(50).optional(),
  evidence: evidence.optional(),
  category: z.enum(MONITORING_CATEGORIES).optional(),
  riskCauses: z.array(z.enum(RISK_CAUSES)).optional(),
});

export const identificationView = z.object({
  stage: z.string(),
  category: z.string().nullable(),
  riskCauses: z.array(z.string()),
  case: z
    .object({
      caseNo: z.number(),
      channels: z.array(z.string()),
      status: z.string(),
      current: z.string().nullable(),
      steps: z.array(z.string()),
      policy: z.object({ profileId: z.string(), profileVersion: z.number(), publicNoticeDays: z.number().nullable() }),
      noticeEndsAt: z.string().nullable(),
      lastReturnReason: z.string().nullable(),
      /** Working-day clocks on the steps and the whole case (DOMAIN.md §9), as far as the profile has them. */
      clocks: z.array(
        z.object({
          name: z.string(),
          step: z.string().nullable(),
          workingDays: z.number(),
          startedAt: z.string(),
          deadline: z.string().nullable(),
          doneAt: z.string().nullable(),
          overdue: z.boolean(),
        }),
      ),
      assessment: z
        .object({
          profileId: z.string().nullable(),
          profileVersion: z.number().nullable(),
          period: z.string(),
          conclusion: z.enum(['eligible', 'not_eligible', 'undetermined']),
          perCapitaYuan: z.number().nullable(),
          monitoringLine: z.number().nullable(),
          warningLine: z.number().nullable(),
          explanation: z.array(z.string()),
        })
        .nullable(),
    })
    .nullable(),
});

export const identificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  /** Runs an update on the household's workflow after the API's own scope check. */
  const handleFor = (householdId: string, request: FastifyRequest) => householdHandle(app, householdId, request);

  app.post(
    '/households/:id/identification',
    {
      schema: {
        summary: 'Record a discovery (application, cadre visit, department warning); opens a case or joins the one in progress',
        tags: ['identification'],
        params: idParams,
        body: discoveryBody,
        response: { 200: caseResult },
      },
    },
    async (request) => {
      const { actor, handle } = await handleFor(request.params.id, request);
      return applyUpdate(handle, openIdentification, { args: [{ actor, ...request.body }] });
    },
  );

  app.post(
    '/households/:id/identification/application',
    {
      schema: {
        summary: 'Submit (or resubmit) the application with the household survey and the income/expenditure calculation',
        tags: ['identification'],
        params: idParams,
        body: applicationBody,
        response: { 200: caseResult },
      },
    },
    async (request) => {
      const { actor, handle } = await handleFor(request.params.id, request);
      return applyUpdate(handle, submitApplication, { args: [{ actor, ...withoutUndefined(request.body) }] });
    },
  );

  app.post(
    '/households/:id/identification/decisions',
    {
      schema: {
        summary: 'Decide the current review step: village review, department comparison, town audit or county decision',
        tags: ['identification'],
        params: idParams,
        body: decisionBody,
        response: { 200: caseResult },
      },
    },
    async (request) => {
      const { actor, handle } = await handleFor(request.params.id, request);
      return applyUpdate(handle, decideStep, { args: [{ actor, ...withoutUndefined(request.body) }] });
    },
  );

  app.post(
    '/households/:id/identification/objections',
    {
      schema: {
        summary: 'Record an objection raised during the public notice 公示; the case goes back to the village',
        tags: ['identification'],
        params: idParams,
        body: z.object({ objector: text(100, '请填写异议人'), content: text(5000, '请填写异议内容') }),
        response: { 200: caseResult },
      },
    },
    async (request) => {
      const { actor, handle } = await handleFor(request.params.id, request);
      return applyUpdate(handle, raiseObjection, { args: [{ actor, ...request.body }] });
    },
  );

  app.get(
    '/households/:id/identification',
    {
      schema: {
        summary: 'The household’s stage and its identification case as the workflow holds it',
        tags: ['identification'],
        params: idParams,
        response: {
          200: identificationView,
        },
      },
    },
    async (request) => {
      const { handle } = await handleFor(request.params.id, request);
      const state = await handle.query(getHouseholdState);
      const c = state.currentCase;
      return {
        stage: state.stage,
        category: state.category,
        riskCauses: [...state.riskCauses],
        case: c
          ? {
              caseNo: c.caseNo,
              channels: [...c.channels],
              status: c.progress.status,
              current: c.progress.current,
              steps: [...c.progress.steps],
              policy: { profileId: c.policy.profileId, profileVersion: c.policy.profileVersion, publicNoticeDays: c.policy.publicNoticeDays },
              noticeEndsAt: c.noticeEndsAt === null ? null : iso(c.noticeEndsAt),
              lastReturnReason: c.lastReturnReason,
              clocks: (state.clocks ?? [])
                .filter((k) => k.procedure === 'identification' && k.caseNo === c.caseNo)
                .map((k) => ({
                  name: clockName(k),
                  step: k.scope === WHOLE_CASE ? null : k.scope,
                  workingDays: k.workingDays,
                  startedAt: iso(k.startedAt),
                  deadline: k.dueAt === null ? null : iso(k.dueAt),
                  doneAt: k.doneAt === null ? null : iso(k.doneAt),
                  overdue: k.overdue,
                })),
              assessment: c.assessment
                ? {
                    profileId: c.assessment.profileId,
                    profileVersion: c.assessment.profileVersion,
                    period: c.assessment.period,
                    conclusion: c.assessment.conclusion,
                    perCapitaYuan: c.assessment.perCapitaFen === null ? null : fenToYuan(c.assessment.perCapitaFen),
                    monitoringLine: c.assessment.monitoringLine,
                    warningLine: c.assessment.warningLine,
                    explanation: [...c.assessment.explanation],
                  }
                : null,
            }
          : null,
      };
    },
  );
};
