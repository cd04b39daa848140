import { z } from 'zod';
import { TREND_MONTHS } from '../../domain/supervision/trend.js';

export const overdueBoardQuery = z.object({
  by: z.enum(['town', 'department']).default('town'),
  source: z.enum(['register', 'tasks']).default('register').describe('register: the deadline register (due items); tasks: the departments’ tasks'),
});

const boardRow = z.object({
  /** The town's or department's id; null for the county's own items or those of no department. */
  id: z.string().nullable(),
  name: z.string(),
  upTo7: z.number(),
  upTo30: z.number(),
  over30: z.number(),
  total: z.number(),
});

export const overdueBoard = z.object({
  by: z.enum(['town', 'department']),
  source: z.enum(['register', 'tasks']),
  asOf: z.string(),
  rows: z.array(boardRow),
});

const count = z.object({ key: z.string(), name: z.string(), count: z.number() });
const rate = z.object({ id: z.string(), name: z.string(), open: z.number(), overdue: z.number(), rate: z.number().nullable() });

export const dashboard = z.object({
  asOf: z.string(),
  monitoring: z.object({ byCategory: z.array(count), byTown: z.array(count), byRiskCause: z.array(count) }),
  months: z.array(z.object({ period: z.string(), new: z.number(), eliminated: z.number(), returned: z.number() })),
  overdueRate: z.object({ byDepartment: z.array(rate), byTown: z.array(rate) }),
});

export const overdueTrendQuery = z.object({
  by: z.enum(['town', 'department']).default('town'),
  months: z.coerce.number().int().min(TREND_MONTHS.min).max(TREND_MONTHS.max).default(TREND_MONTHS.default).describe('how many months back, the current one included'),
});

export const overdueTrend = z.object({
  by: z.enum(['town', 'department']),
  asOf: z.string(),
  months: z.array(
    z.object({
      period: z.string(),
      /** The instant the month's figures are taken at: its end, or now for the current month. */
      at: z.string(),
      upTo7: z.number(),
      upTo30: z.number(),
      over30: z.number(),
      total: z.number(),
      rows: z.array(boardRow),
    }),
  ),
});
