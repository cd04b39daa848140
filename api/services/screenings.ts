import type { FastifyInstance } from 'fastify';
import { sameLine } from '../../domain/access/reach.js';
import { screeningDueAt } from '../../domain/deadlines/register-items.js';
import { screeningMessages } from '../../domain/messages/catalogue.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { screeningsRepo, type ScreeningCampaign } from '../../db/repositories/screenings.js';
import { screeningWorkflowId, type ScreeningCampaignInput } from '../../workflows/screening/definitions.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import { startOnce } from './workflows.js';
import { errorSummary } from '../error-summary.js';

const SCREENED_LEVELS: readonly string[] = ['county', 'town', 'village'];

const startScreeningWorkflow = (app: FastifyInstance, campaign: ScreeningCampaign) => {
  const input: ScreeningCampaignInput = { version: 1, campaignId: campaign.id, dueAt: campaign.due_at.getTime() };
  return startOnce(app, 'screeningCampaignWorkflow', screeningWorkflowId(campaign.id), input);
};

/**
 * Orders an immediate screening of an area of the user's jurisdiction: the
 * campaign commits, then its workflow starts under the campaign's id. A start
 * that fails after the commit leaves `workflowStarted` false; the workflow is
 * started when the screening is next read (`screeningInScope`).
 */
export async function orderScreening(app: FastifyInstance, user: LoggedInUser, order: { areaId: string; reason: string; dueDays: number }) {
  const lineage = await jurisdictionsRepo(app.db).lineage(order.areaId);
  if (lineage.length === 0) throw new HttpError(400, screeningMessages.areaNotFound, 'INVALID_INPUT');
  if (!lineage.some((j) => j.id === user.jurisdictionId)) throw new HttpError(403, screeningMessages.areaOutside, 'FORBIDDEN');
  const county = lineage.find((j) => j.level === 'county');
  if (!county || !SCREENED_LEVELS.includes(lineage[0]!.level)) throw new HttpError(400, screeningMessages.areaNotFound, 'INVALID_INPUT');

  const orderedAt = new Date();
  const campaign = await screeningsRepo(app.db).insert({
    countyId: county.id,
    areaId: order.areaId,
    reason: order.reason,
    orderedBy: user.userId,
    orderedAt,
    dueAt: new Date(screeningDueAt(orderedAt.getTime(), order.dueDays)),
  });
  try {
    await startScreeningWorkflow(app, campaign);
    return { campaign, workflowStarted: true };
  } catch (error) {
    app.log.error({ error: errorSummary(error), campaignId: campaign.id }, 'screening saved, its workflow did not start');
    return { campaign, workflowStarted: false };
  }
}

/**
 * The screening, when its area and the user's jurisdiction lie in one line;
 * 404 or 403 otherwise. One whose households were never counted has not been
 * fanned out by its workflow: the workflow is started if it never was.
 */
export async function screeningInScope(app: FastifyInstance, id: string, user: LoggedInUser): Promise<ScreeningCampaign> {
  const campaign = await screeningsRepo(app.db).findById(id);
  if (!campaign) throw new HttpError(404, screeningMessages.notFound, 'NOT_FOUND');
  const places = jurisdictionsRepo(app.db);
  const ids = async (id: string) => (await places.lineage(id)).map((j) => j.id);
  if (!sameLine(await ids(campaign.area_id), await ids(user.jurisdictionId))) throw new HttpError(403, screeningMessages.areaOutside, 'FORBIDDEN');
  if (campaign.household_count === null) await startScreeningWorkflow(app, campaign);
  return campaign;
}

