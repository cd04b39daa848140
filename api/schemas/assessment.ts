import { z } from 'zod';
import { ASSESSMENT_COMPONENTS } from '../../domain/supervision/assessment.js';
import { period } from './common.js';

export const assessmentQuery = z.object({
  by: z.enum(['town', 'department']).default('town'),
  month: period.optional().describe('YYYY-MM; the current month (to date) when absent'),
});

const component = z.object({
  component: z.enum(ASSESSMENT_COMPONENTS),
  name: z.string(),
  due: z.number(),
  met: z.number(),
  rate: z.number().nullable(),
  weight: z.number().nullable(),
  points: z.number().nullable(),
});

const row = z.object({
  id: z.string(),
  name: z.string(),
  rank: z.number().nullable(),
  score: z.number().nullable(),
  /** The score less last month's; null when either month has none. */
  change: z.number().nullable(),
  previousRank: z.number().nullable(),
  overdueDays: z.number(),
  deducted: z.number().nullable(),
  components: z.array(component),
});

export const assessment = z.object({
  by: z.enum(['town', 'department']),
  month: z.string(),
  previousMonth: z.string(),
  asOf: z.string(),
  /** The county's settings for the month, with what is missing (未配置) in words. */
  policy: z.object({
    profile: z.string().nullable(),
    weights: z.record(z.string(), z.number()),
    pointsPerOverdueDay: z.number().nullable(),
    warningActionDays: z.number().nullable(),
    note: z.string().nullable(),
    missing: z.array(z.string()),
    missingMessage: z.string().nullable(),
  }),
  rows: z.array(row),
});

export { spreadsheet as assessmentWorkbookFile } from './imports.js';
