import type { FastifyInstance } from 'fastify';
import { sameLine } from '../../domain/access/reach.js';
import { covers } from '../../domain/access/roles.js';
import { FAILURES } from '../../domain/failures.js';
import { PROBLEM_KIND_NAMES, type ProblemKind } from '../../domain/campaigns/checklist.js';
import { campaignMessages as m } from '../../domain/campaigns/messages.js';
import { behindSchedule, checkDueAt, checkedPercent } from '../../domain/campaigns/progress.js';
import type { CohortCriteria } from '../../domain/campaigns/criteria.js';
import { campaignCohortsRepo, type CampaignArea } from '../../db/repositories/campaign-cohorts.js';
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

const INSPECTION_LEVELS: readonly string[] = ['county', 'town'];

/**
 * The campaign's area — the user's county or a town of it (a screening's also
 * a village) — and the county; refused otherwise. A town's officer reaches only
 * his own town (an area whose line does not pass through his jurisdiction is
 * outside it).
 */
export async function areaOf(app: FastifyInstance, user: LoggedInUser, areaId: string, townId?: string, levels: readonly string[] = INSPECTION_LEVELS, invalid: string = m.areaInvalid) {
  const lineage = await jurisdictionsRepo(app.db).lineage(areaId);
  const area = lineage[0];
  const county = lineage.find((j) => j.level === 'county');
  if (!area || !county || !levels.includes(area.level)) throw new HttpError(400, invalid, 'INVALID_INPUT');
  if (!lineage.some((j) => j.id === user.jurisdictionId)) throw new HttpError(403, m.areaOutside, 'FORBIDDEN');
  if (townId) {
    const town = await jurisdictionsRepo(app.db).lineage(townId);
    if (town[0]?.level !== 'town' || !town.some((j) => j.id === area.id)) throw new HttpError(400, m.areaInvalid, 'INVALID_INPUT');
  }
  return { area: { id: area.id, level: area.level as CampaignArea['level'] }, countyId: county.id };
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
  return launchIn(app, user, { area, countyId }, { ...body, kind: 'inspection', dueAt: (launchedAt) => checkDueAt(launchedAt, body.dueWorkingDays) });
}

/**
 * A campaign in an area already checked as the user's (`areaOf`): the campaign
 * and the snapshot of its cohort commit in one transaction (an empty cohort is
 * refused and writes nothing), then its workflow starts. A town's officer
 * gives the work to the town or its villages, never to a county department.
 */
export async function launchIn(
  app: FastifyInstance,
  user: LoggedInUser,
  place: { area: CampaignArea; countyId: string },
  body: {
    name: string;
    reason: string;
    criteria: CohortCriteria;
    checklist: Campaign['checklist'] & string[];
    responsible: Campaign['responsible'];
    departmentId?: string | undefined;
    kind: 'inspection' | 'screening';
    dueAt: (launchedAt: number) => number;
  },
) {
  const { area, countyId } = place;
  if (user.role === 'town_officer' && body.responsible === 'department') throw new HttpError(400, m.townDepartment, 'INVALID_INPUT');
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
      kind: body.kind,
      name: body.name,
      reason: body.reason,
      criteria: body.criteria,
      checklist: body.checklist as never,
      responsible: body.responsible,
      departmentId,
      definedBy: user.userId,
      launchedAt,
      dueAt: new Date(body.dueAt(launchedAt.getTime())),
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

/**
 * The campaign when its area and the user's jurisdiction lie in one line (the
 * county sees a town's campaign, a village the county's and its town's, a
 * town its villages' screenings; a county department all of its county's);
 * 404 or 403 otherwise.
 */
export async function campaignInScope(app: FastifyInstance, id: string, user: LoggedInUser): Promise<Campaign> {
  const campaign = await campaignsRepo(app.db).findById(id);
  if (!campaign) throw new HttpError(404, m.notFound, 'NOT_FOUND');
  const places = jurisdictionsRepo(app.db);
  const mine = (await places.lineage(user.jurisdictionId)).map((j) => j.id);
  const area = (await places.lineage(campaign.area_id)).map((j) => j.id);
  if (!mine.includes(campaign.county_id) || !sameLine(area, mine)) throw new HttpError(403, m.outside, 'FORBIDDEN');
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

/**
 * The county's towns and departments, which a campaign's form offers, and the
 * area it defaults to: the county, or a town officer's own town (his only
 * town, no department).
 */
export async function campaignOptions(app: FastifyInstance, user: LoggedInUser) {
  const { county, town } = await placeOfUser(app, user);
  const ownTown = user.role === 'town_officer' ? town : null;
  const [place, departments] = await Promise.all([jurisdictionsRepo(app.db).findById(county), ownTown ? Promise.resolve([]) : departmentsRepo(app.db).ofCounty(county)]);
  const towns = (await jurisdictionsRepo(app.db).children(county)).filter((t) => !ownTown || t.id === ownTown);
  return { countyId: place?.id ?? county, areaId: ownTown ?? place?.id ?? county, towns: towns.map((t) => ({ id: t.id, name: t.name })), departments: departments.map((d) => ({ id: d.id, name: d.name })) };
}

/** A town's officer publishes the notice of his own town's campaigns only; the county's stay with the leadership group and the bureau. */
export async function mayPublish(app: FastifyInstance, campaign: Campaign, user: LoggedInUser): Promise<void> {
  if (user.role !== 'town_officer') return;
  const area = (await jurisdictionsRepo(app.db).lineage(campaign.area_id)).map((j) => j.id);
  if (!area.includes(user.jurisdictionId)) throw new HttpError(403, m.townNotice, 'FORBIDDEN');
}
