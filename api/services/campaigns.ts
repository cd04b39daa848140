import type { FastifyInstance } from 'fastify';
import { covers } from '../../domain/access/roles.js';
import { FAILURES } from '../../domain/failures.js';
import { PROBLEM_KIND_NAMES, type ProblemKind } from '../../domain/campaigns/checklist.js';
import { campaignMessages as m } from '../../domain/campaigns/messages.js';
import { behindSchedule, checkDueAt, checkedPercent } from '../../domain/campaigns/progress.js';
import type { CohortCriteria } from '../../domain/campaigns/criteria.js';
import { campaignCohortsRepo } from '../../db/repositories/campaign-cohorts.js';
import { campaignsRepo, type Campaign, type UnitRow } from '../../db/repositories/campaigns.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { campaignWorkflowId, DEFAULT_PAGE_SIZE, DEFAULT_PAGES_PER_RUN, type CampaignInput } from '../../workflows/campaign/definitions.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import type { UnitView } from '../schemas/campaigns.js';
import { startOnce } from './workflows.js';
import { errorSummary } from '../error-summary.js';

/** How a campaign's fan-out pages; the benchmark sets its own. */
export interface FanOutSize {
  readonly pageSize: number;
  readonly pagesPerRun: number;
}

export const campaignInput = (c: Campaign, size: FanOutSize = { pageSize: DEFAULT_PAGE_SIZE, pagesPerRun: DEFAULT_PAGES_PER_RUN }): CampaignInput => ({
  version: 1,
  campaignId: c.id,
  responsible: c.responsible,
  departmentId: c.department_id,
  checklist: c.checklist as CampaignInput['checklist'],
  dueAt: c.due_at.getTime(),
  pageSize: size.pageSize,
  pagesPerRun: size.pagesPerRun,
  afterSeq: 0,
  fannedOut: false,
});

const startCampaignWorkflow = (app: FastifyInstance, c: Campaign) => startOnce(app, 'campaignWorkflow', campaignWorkflowId(c.id), campaignInput(c));

/** The campaign's area — the user's county or a town of it — and the county; refused otherwise. */
async function areaOf(app: FastifyInstance, user: LoggedInUser, areaId: string, townId?: string) {
  const lineage = await jurisdictionsRepo(app.db).lineage(areaId);
  const area = lineage[0];
  const county = lineage.find((j) => j.level === 'county');
  if (!area || !county || (area.level !== 'county' && area.level !== 'town')) throw new HttpError(400, m.areaInvalid, 'INVALID_INPUT');
  if (!lineage.some((j) => j.id === user.jurisdictionId)) throw new HttpError(403, m.areaOutside, 'FORBIDDEN');
  if (townId) {
    const town = await jurisdictionsRepo(app.db).lineage(townId);
    if (town[0]?.level !== 'town' || !town.some((j) => j.id === area.id)) throw new HttpError(400, m.areaInvalid, 'INVALID_INPUT');
  }
  return { area: { id: area.id, level: area.level as 'county' | 'town' }, countyId: county.id };
}

export async function previewCohort(app: FastifyInstance, user: LoggedInUser, body: { areaId: string; criteria: CohortCriteria }): Promise<number> {
  const { area } = await areaOf(app, user, body.areaId, body.criteria.townId);
  return campaignCohortsRepo(app.db).count(area, body.criteria, new Date());
}

/**
 * Launches a campaign: the campaign and the snapshot of its cohort commit in
 * one transaction (an empty cohort is refused and writes nothing), then its
 * workflow starts; a start that fails is made when the campaign is next read.
 */
export async function launchCampaign(
  app: FastifyInstance,
  user: LoggedInUser,
  body: { areaId: string; name: string; reason: string; criteria: CohortCriteria; checklist: Campaign['checklist'] & string[]; responsible: Campaign['responsible']; departmentId?: string | undefined; dueWorkingDays: number },
) {
  const { area, countyId } = await areaOf(app, user, body.areaId, body.criteria.townId);
  const departmentId = body.responsible === 'department' ? (body.departmentId ?? null) : null;
  if (body.responsible === 'department') {
    if (!departmentId) throw new HttpError(400, m.departmentRequired, 'INVALID_INPUT');
    const known = await departmentsRepo(app.db).ofCounty(countyId);
    if (!known.some((d) => d.id === departmentId)) throw new HttpError(400, m.departmentNotOfCounty, 'INVALID_INPUT');
  }
  const launchedAt = new Date();
  const campaign = await app.db.transaction().execute(async (trx) => {
    const row = await campaignsRepo(trx).launch({
      countyId,
      area,
      name: body.name,
      reason: body.reason,
      criteria: body.criteria,
      checklist: body.checklist as never,
      responsible: body.responsible,
      departmentId,
      definedBy: user.userId,
      launchedAt,
      dueAt: new Date(checkDueAt(launchedAt.getTime(), body.dueWorkingDays)),
    });
    if (row.cohort_count === 0) throw new HttpError(409, m.emptyCohort, FAILURES.wrongStep);
    return row;
  });
  try {
    await startCampaignWorkflow(app, campaign);
    return { campaign, workflowStarted: true };
  } catch (error) {
    app.log.error({ error: errorSummary(error), campaignId: campaign.id }, 'campaign saved, its workflow did not start');
    return { campaign, workflowStarted: false };
  }
}

/** The campaign when it is of the user's county (a town's officers and cadres: the county's or their town's); 404 or 403 otherwise. */
export async function campaignInScope(app: FastifyInstance, id: string, user: LoggedInUser): Promise<Campaign> {
  const campaign = await campaignsRepo(app.db).findById(id);
  if (!campaign) throw new HttpError(404, m.notFound, 'NOT_FOUND');
  const mine = (await jurisdictionsRepo(app.db).lineage(user.jurisdictionId)).map((j) => j.id);
  if (!mine.includes(campaign.county_id) || (campaign.area_id !== campaign.county_id && !mine.includes(campaign.area_id) && user.jurisdictionId !== campaign.county_id)) {
    throw new HttpError(403, m.outside, 'FORBIDDEN');
  }
  if (campaign.status === 'launching' && campaign.fanned_out === 0) await startCampaignWorkflow(app, campaign);
  return campaign;
}

/** The household of the campaign's cohort whose check or rectification the user carries out; 404 or 403 otherwise. */
export async function checkOfUser(app: FastifyInstance, campaign: Campaign, householdId: string, user: LoggedInUser) {
  const member = await campaignsRepo(app.db).cohortMember(campaign.id, householdId);
  if (!member) throw new HttpError(404, m.householdNotInCohort, 'NOT_FOUND');
  const place = { countyId: member.county_id, townId: member.town_id, villageId: member.village_id, groupId: member.group_id };
  const mayAct = campaign.responsible === 'department' ? user.departmentId === campaign.department_id : user.role !== 'department' && covers(user, place);
  if (!mayAct) throw new HttpError(403, m.notYourCheck, 'FORBIDDEN');
  return member;
}

export const toUnitView = (u: UnitRow): UnitView => ({ ...u, checkedPercent: checkedPercent(u), behind: behindSchedule(u) });

export async function campaignDetail(app: FastifyInstance, campaign: Campaign) {
  const repo = campaignsRepo(app.db);
  const now = new Date();
  const [towns, departments, kinds] = await Promise.all([repo.figures(campaign, 'town', now), repo.figures(campaign, 'department', now), repo.problemsByKind(campaign.id)]);
  return {
    towns: towns.map(toUnitView),
    departments: departments.filter((d) => d.id !== null).map(toUnitView),
    problemsByKind: kinds.map((k) => ({ ...k, name: PROBLEM_KIND_NAMES[k.kind as ProblemKind] ?? k.kind })),
  };
}

/** The user's county, town (none for the county's own users) and level. */
export async function placeOfUser(app: FastifyInstance, user: LoggedInUser) {
  const lineage = await jurisdictionsRepo(app.db).lineage(user.jurisdictionId);
  return { level: lineage[0]?.level, county: lineage.find((j) => j.level === 'county')?.id ?? user.jurisdictionId, town: lineage.find((j) => j.level === 'town')?.id ?? null };
}

/** The county's towns and departments, which a campaign's form offers. */
export async function campaignOptions(app: FastifyInstance, user: LoggedInUser) {
  const { county } = await placeOfUser(app, user);
  const [place, departments] = await Promise.all([jurisdictionsRepo(app.db).findById(county), departmentsRepo(app.db).ofCounty(county)]);
  const towns = await jurisdictionsRepo(app.db).children(county);
  return { countyId: place?.id ?? county, towns: towns.map((t) => ({ id: t.id, name: t.name })), departments: departments.map((d) => ({ id: d.id, name: d.name })) };
}
