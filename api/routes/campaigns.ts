import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PROBLEM_KIND_NAMES, type ProblemKind } from '../../domain/campaigns/checklist.js';
import { campaignMessages as m } from '../../domain/campaigns/messages.js';
import type { CampaignReport } from '../../domain/campaigns/report.js';
import { campaignsRepo } from '../../db/repositories/campaigns.js';
import { campaignWorkflowId, publishCampaignNotice, recordCampaignCheck, rectifyCampaignProblem } from '../../workflows/campaign/definitions.js';
import { allow } from '../access.js';
import { HttpError } from '../errors.js';
import { actorOf, currentUser } from '../plugins/auth.js';
import {
  campaignDetail as campaignDetailView,
  campaignList,
  campaignNotice,
  campaignOptions,
  noticeWorkbookFile,
  campaignParams,
  checkAnswer,
  checkBody,
  checkPage,
  checkParams,
  checksQuery,
  defineCampaignBody,
  householdCheck,
  launchedCampaign,
  previewAnswer,
  previewBody,
  problemParams,
  rectifyAnswer,
  rectifyBody,
  toCampaignSummary,
} from '../schemas/campaigns.js';
import { workflowPending } from '../schemas/common.js';
import { campaignDetail, campaignInScope, campaignOptions as optionsOf, checkOfUser, launchCampaign, mayPublish, placeOfUser, previewCohort } from '../services/campaigns.js';
import { noticeWorkbook } from '../services/campaign-workbook.js';
import { applyUpdate } from '../workflow-update.js';

/** Special inspection campaigns 专项督查 [004]: define, launch, check, rectify, close with the notice 通报. */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);
  const handleOf = (id: string) => app.temporal.workflow.getHandle(campaignWorkflowId(id));

  app.get(
    '/campaigns/options',
    { preHandler: allow('defineCampaign'), schema: { summary: 'The county’s towns and departments a campaign may be given to', tags: ['campaigns'], response: { 200: campaignOptions } } },
    async (request) => optionsOf(app, currentUser(request)),
  );

  app.post(
    '/campaigns/preview',
    { preHandler: allow('defineCampaign'), schema: { summary: 'How many households the criteria select now', tags: ['campaigns'], body: previewBody, response: { 200: previewAnswer } } },
    async (request) => ({ count: await previewCohort(app, currentUser(request), request.body) }),
  );

  app.post(
    '/campaigns',
    {
      preHandler: allow('defineCampaign'),
      schema: {
        summary: 'Launch a campaign: its cohort is a snapshot of the households the criteria select; each gets a check due in the working days given',
        tags: ['campaigns'],
        body: defineCampaignBody,
        response: { 202: launchedCampaign, 503: workflowPending },
      },
    },
    async (request, reply) => {
      const { campaign, workflowStarted } = await launchCampaign(app, currentUser(request), { ...request.body, checklist: request.body.checklist as never });
      reply.header('location', `/campaigns/${campaign.id}`);
      if (!workflowStarted) return reply.status(503).send({ error: 'WORKFLOW_PENDING', message: m.workflowPending(campaign.id), id: campaign.id });
      return reply.status(202).send({ id: campaign.id, cohort: campaign.cohort_count, dueAt: campaign.due_at.toISOString() });
    },
  );

  app.get(
    '/campaigns',
    { preHandler: allow('viewCampaigns'), schema: { summary: 'The county’s campaigns, newest first', tags: ['campaigns'], response: { 200: campaignList } } },
    async (request) => {
      const user = currentUser(request);
      const { county, town } = await placeOfUser(app, user);
      return { items: (await campaignsRepo(app.db).list(county, town)).map(toCampaignSummary) };
    },
  );

  app.get(
    '/campaigns/:campaignId',
    {
      preHandler: allow('viewCampaigns'),
      schema: { summary: 'A campaign’s live progress per town and department, laggards marked', tags: ['campaigns'], params: campaignParams, response: { 200: campaignDetailView } },
    },
    async (request) => {
      const campaign = await campaignInScope(app, request.params.campaignId, currentUser(request));
      return { ...toCampaignSummary(campaign), ...(await campaignDetail(app, campaign)) };
    },
  );

  app.get(
    '/campaigns/:campaignId/checks',
    {
      preHandler: allow('viewCampaigns'),
      schema: { summary: 'The checks the user carries out (a village’s, a town’s, a department’s), in the cohort’s order', tags: ['campaigns'], params: campaignParams, querystring: checksQuery, response: { 200: checkPage } },
    },
    async (request) => {
      const user = currentUser(request);
      const campaign = await campaignInScope(app, request.params.campaignId, user);
      const { level } = await placeOfUser(app, user);
      const scope = user.departmentId ? { departmentId: user.departmentId } : level === 'village' ? { villageId: user.jurisdictionId } : level === 'town' ? { townId: user.jurisdictionId } : {};
      const rows = await campaignsRepo(app.db).checks(campaign.id, scope, request.query.limit, request.query.offset);
      return {
        items: rows.map((r) => ({ householdId: r.household_id, headName: r.head_name, villageName: r.village_name, checkedAt: r.checked_at?.toISOString() ?? null, late: r.late, finding: r.finding })),
      };
    },
  );

  app.get(
    '/campaigns/:campaignId/checks/:householdId',
    { schema: { summary: 'One household’s check: the checklist, its finding and the problems with their rectification', tags: ['campaigns'], params: checkParams, response: { 200: householdCheck } } },
    async (request) => {
      const user = currentUser(request);
      const campaign = await campaignInScope(app, request.params.campaignId, user);
      const member = await checkOfUser(app, campaign, request.params.householdId, user);
      const problems = await campaignsRepo(app.db).problemsOf(campaign.id, member.household_id);
      return {
        campaign: toCampaignSummary(campaign),
        household: { id: member.household_id, headName: member.head_name, address: member.address },
        checkedAt: member.checked_at?.toISOString() ?? null,
        late: member.late,
        finding: member.finding,
        problems: problems.map((p) => ({
          id: p.id,
          kind: p.kind,
          name: PROBLEM_KIND_NAMES[p.kind as ProblemKind] ?? p.kind,
          description: p.description,
          dueAt: p.due_at.toISOString(),
          status: p.status,
          late: p.late,
          escalationLevel: p.escalation_level,
        })),
      };
    },
  );

  app.post(
    '/campaigns/:campaignId/checks/:householdId',
    {
      preHandler: allow('campaignCheck'),
      schema: { summary: 'Record a household’s check: the checklist done, no problem or the problems found, each with the date its rectification is required by', tags: ['campaigns'], params: checkParams, body: checkBody, response: { 200: checkAnswer } },
    },
    async (request) => {
      const user = currentUser(request);
      const campaign = await campaignInScope(app, request.params.campaignId, user);
      const member = await checkOfUser(app, campaign, request.params.householdId, user);
      if (member.checked_at) throw new HttpError(409, m.alreadyChecked, 'WrongStep');
      const { checked, note, problems } = request.body;
      return applyUpdate(handleOf(campaign.id), recordCampaignCheck, { args: [{ actor: actorOf(user), householdId: member.household_id, checked, note: note ?? null, problems }] });
    },
  );

  app.post(
    '/campaigns/:campaignId/problems/:problemId/rectify',
    {
      preHandler: allow('campaignCheck'),
      schema: { summary: 'Close a rectification with its evidence (late after the date required)', tags: ['campaigns'], params: problemParams, body: rectifyBody, response: { 200: rectifyAnswer } },
    },
    async (request) => {
      const user = currentUser(request);
      const campaign = await campaignInScope(app, request.params.campaignId, user);
      const problem = await campaignsRepo(app.db).findProblem(campaign.id, request.params.problemId);
      if (!problem) throw new HttpError(404, m.problemNotFound, 'NOT_FOUND');
      await checkOfUser(app, campaign, problem.household_id, user);
      if (problem.status !== 'open') throw new HttpError(409, m.alreadyRectified, 'WrongStep');
      const body = request.body;
      const documents = body.documents.map((d) => (d.reference === undefined ? { title: d.title } : { title: d.title, reference: d.reference }));
      return applyUpdate(handleOf(campaign.id), rectifyCampaignProblem, { args: [{ actor: actorOf(user), problemId: problem.id, evidence: { whatWasDone: body.whatWasDone, date: body.date, documents } }] });
    },
  );

  app.post(
    '/campaigns/:campaignId/notice',
    {
      preHandler: allow('publishCampaignNotice'),
      schema: { summary: 'Close the campaign: the report and the county-wide notice naming the towns and departments behind schedule, sent to every inbox', tags: ['campaigns'], params: campaignParams, response: { 200: campaignNotice } },
    },
    async (request) => {
      const user = currentUser(request);
      const campaign = await campaignInScope(app, request.params.campaignId, user);
      await mayPublish(app, campaign, user);
      const report = await applyUpdate(handleOf(campaign.id), publishCampaignNotice, { args: [{ actor: actorOf(user) }] });
      return noticeOf(report);
    },
  );

  app.get(
    '/campaigns/:campaignId/notice',
    { preHandler: allow('viewCampaigns'), schema: { summary: 'The published county-wide notice and its report', tags: ['campaigns'], params: campaignParams, response: { 200: campaignNotice } } },
    async (request) => {
      const campaign = await campaignInScope(app, request.params.campaignId, currentUser(request));
      if (!campaign.report) throw new HttpError(404, m.notFound, 'NOT_FOUND');
      return noticeOf(campaign.report as CampaignReport);
    },
  );

  app.get(
    '/campaigns/:campaignId/notice.xlsx',
    {
      preHandler: allow('viewCampaigns'),
      schema: { summary: 'The published notice as an Excel workbook (the notice, every unit’s figures, problems by kind)', tags: ['campaigns'], params: campaignParams, response: { 200: noticeWorkbookFile } },
    },
    async (request, reply) => {
      const campaign = await campaignInScope(app, request.params.campaignId, currentUser(request));
      if (!campaign.report) throw new HttpError(404, m.notFound, 'NOT_FOUND');
      const report = campaign.report as CampaignReport;
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="notice.xlsx"; filename*=UTF-8''${encodeURIComponent(m.workbook.fileName(report.name))}`);
      // A Buffer is sent as it is: the response schema only documents the file.
      return reply.send(await noticeWorkbook(report));
    },
  );
};

const noticeOf = (r: CampaignReport) => ({
  title: m.noticeTitle(r.name),
  body: m.noticeBody(r),
  report: {
    ...r,
    problemsByKind: [...r.problemsByKind],
    towns: [...r.towns],
    departments: [...r.departments],
    laggards: { towns: [...r.laggards.towns], departments: [...r.laggards.departments] },
  },
});
