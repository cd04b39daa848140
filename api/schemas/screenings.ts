import { z } from 'zod';
import { SCREENING_DUE_DAYS } from '../../domain/deadlines/register-items.js';
import { screeningMessages } from '../../domain/messages/catalogue.js';
import { validationMessages as v } from '../../domain/messages/fields.js';
import type { ScreeningCampaign, ScreeningProgress } from '../../db/repositories/screenings.js';
import { jurisdictionId, text, uuid } from './common.js';

const dueDaysRange = v.dueDaysRange(SCREENING_DUE_DAYS.min, SCREENING_DUE_DAYS.max);

export const orderScreeningBody = z.object({
  areaId: jurisdictionId,
  reason: text(500, screeningMessages.reasonRequired),
  dueDays: z.number().int().min(SCREENING_DUE_DAYS.min, dueDaysRange).max(SCREENING_DUE_DAYS.max, dueDaysRange),
});
export const orderedScreening = z.object({ id: z.string(), dueAt: z.string() });

export const screeningParams = z.object({ screeningId: uuid });

export const screeningView = z.object({
  id: z.string(),
  areaId: z.string(),
  reason: z.string(),
  orderedAt: z.string(),
  dueAt: z.string(),
  households: z.number().nullable(),
  visited: z.number(),
  open: z.number(),
  overdue: z.number(),
});

export const toScreeningView = (campaign: ScreeningCampaign, progress: ScreeningProgress): z.infer<typeof screeningView> => ({
  id: campaign.id,
  areaId: campaign.area_id,
  reason: campaign.reason,
  orderedAt: campaign.ordered_at.toISOString(),
  dueAt: campaign.due_at.toISOString(),
  households: campaign.household_count,
  ...progress,
});
