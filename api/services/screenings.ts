import type { FastifyInstance } from 'fastify';
import { sameLine } from '../../domain/access/reach.js';
import { campaignMessages } from '../../domain/campaigns/messages.js';
import { screeningDueAt } from '../../domain/deadlines/register-items.js';
import { screeningMessages } from '../../domain/messages/catalogue.js';
import { campaignsRepo, type Campaign } from '../../db/repositories/campaigns.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { screeningsRepo, type ScreeningCampaign, type ScreeningProgress } from '../../db/repositories/screenings.js';
import { screeningWorkflowId, type ScreeningCampaignInput } from '../../workflows/screening/definitions.js';
import { HttpError } from '../errors.js';
import type { LoggedInUser } from '../plugins/auth.js';
import { areaOf, campaignInScope, launchIn } from './campaigns.js';
import { startOnce } from './workflows.js';

const SCREENED_LEVELS: readonly string[] = ['county', 'town', 'village'];

/**
 * Orders an immediate screening 突发情况排查 of an area of the user's
 * jurisdiction — the county, a town or a village; a town's officer his own
 * town or one of its villages — as a campaign of the campaign machinery: its
 * cohort is every household of the area (all but those not included), each
 * one's check a visit due in the days given, which the household's visit
 * answers. The campaign commits, then its workflow starts (a start that fails
 * is made when the screening is next read).
 */
export async function orderScreening(app: FastifyInstance, user: LoggedInUser, order: { areaId: string; reason: string; dueDays: number }) {
  const lineage = await jurisdictionsRepo(app.db).lineage(order.areaId);
  if (lineage.length === 0) throw new HttpError(400, screeningMessages.areaNotFound, 'INVALID_INPUT');
  if (!lineage.some((j) => j.id === user.jurisdictionId)) throw new HttpError(403, screeningMessages.areaOutside, 'FORBIDDEN');
  const place = await areaOf(app, user, order.areaId, undefined, SCREENED_LEVELS, screeningMessages.areaNotFound);
  return launchIn(app, user, place, {
    kind: 'screening',
    name: campaignMessages.screeningName(order.reason),
    reason: order.reason,
    criteria: {},
    checklist: ['visit'] as never,
    responsible: 'village',
    dueAt: (orderedAt) => screeningDueAt(orderedAt, order.dueDays),
  });
}

/** A screening: one ordered as a campaign, or one ordered before (its own row and workflow). */
export type Screening = { readonly campaign: Campaign; readonly legacy?: undefined } | { readonly legacy: ScreeningCampaign; readonly campaign?: undefined };

const startLegacyWorkflow = (app: FastifyInstance, campaign: ScreeningCampaign) => {
  const input: ScreeningCampaignInput = { version: 1, campaignId: campaign.id, dueAt: campaign.due_at.getTime() };
  return startOnce(app, 'screeningCampaignWorkflow', screeningWorkflowId(campaign.id), input);
};

/**
 * The screening, when its area and the user's jurisdiction lie in one line;
 * 404 or 403 otherwise. A campaign's is read as the campaign (started if it
 * never was); one ordered before screenings were campaigns from its own row.
 */
export async function screeningInScope(app: FastifyInstance, id: string, user: LoggedInUser): Promise<Screening> {
  const campaign = await campaignsRepo(app.db).findById(id);
  if (campaign?.kind === 'screening') return { campaign: await campaignInScope(app, id, user) };
  const legacy = await screeningsRepo(app.db).findById(id);
  if (!legacy) throw new HttpError(404, screeningMessages.notFound, 'NOT_FOUND');
  const places = jurisdictionsRepo(app.db);
  const ids = async (id: string) => (await places.lineage(id)).map((j) => j.id);
  if (!sameLine(await ids(legacy.area_id), await ids(user.jurisdictionId))) throw new HttpError(403, screeningMessages.areaOutside, 'FORBIDDEN');
  if (legacy.household_count === null) await startLegacyWorkflow(app, legacy);
  return { legacy };
}

/** How far a screening's visits have come: a campaign's checks, or the register's items of one ordered before. */
export async function screeningProgress(app: FastifyInstance, screening: Screening): Promise<ScreeningProgress> {
  return screening.legacy ? screeningsRepo(app.db).progress(screening.legacy.id) : screeningsRepo(app.db).campaignProgress(screening.campaign.id);
}
