import { z } from 'zod';
import { SCREENING_DUE_DAYS } from '../../domain/deadlines/register-items.js';
import { screeningMessages } from '../../domain/messages/catalogue.js';
import { validationMessages as v } from '../../domain/messages/fields.js';
import type { Campaign } from '../../db/repositories/campaigns.js';
import type { ScreeningCampaign, ScreeningProgress } from '../../db/repositories/screenings.js';
import { jurisdictionId, text, uuid } from './common.js';

const dueDaysRange = v.dueDaysRange(SCREENING_DUE_DAYS.min, SCREENING_DUE_DAYS.max);

export const orderScreeningBody = z.object({
  areaId: jurisdictionId,
  reason: text(500, screeningMessages.reasonRequired),
  dueDays: z.number().int().min(SCREENING_DUE_DAYS.min, dueDaysRange).max(SCREENING_DUE_DAYS.max, dueDaysRange),
});
export const orderedScreening = z.object({ id: z.string(), dueAt: z.string(), households: z.number() });

export const screeningParams = z.object({ screeningId: uuid });

export const screeningView = z.object({
  id: z.string(),
  areaId: z.string(),
  reason: z.string(),
  orderedAt: z.string(),
  dueAt: z.string(),
  households: z.number().nullable(),
  /** The campaign the screening is (its checks and notice under /campaigns/{id}); none for one ordered before. */
  campaignId: z.string().nullable(),
  visited: z.number(),
  open: z.number(),
  overdue: z.number(),
});

export const toScreeningView = (screening: { campaign: Campaign } | { legacy: ScreeningCampaign }, progress: ScreeningProgress): z.infer<typeof screeningView> => {
  if ('campaign' in screening && screening.campaign) {
    const c = screening.campaign;
    return { id: c.id, areaId: c.area_id, reason: c.reason, orderedAt: c.launched_at.toISOString(), dueAt: c.due_at.toISOString(), households: c.cohort_count, campaignId: c.id, ...progress };
  }
  const l = (screening as { legacy: ScreeningCampaign }).legacy;
  return { id: l.id, areaId: l.area_id, reason: l.reason, orderedAt: l.ordered_at.toISOString(), dueAt: l.due_at.toISOString(), households: l.household_count, campaignId: null, ...progress };
};
