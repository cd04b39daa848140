import { z } from 'zod';
import { ledgerMessages } from '../../domain/exports/ledgers.js';
import { EARLIEST_PERIOD, jurisdictionId } from './common.js';

/** A place-wide ledger: of the user's own jurisdiction, or of a town or village within it. */
export const placeQuery = z.object({ jurisdictionId: jurisdictionId.optional() });

/** 附件5 (脱贫监测户, the default) or 附件6 (边缘户). */
export const analysisQuery = placeQuery.extend({ kind: z.enum(['monitoring', 'marginal']).default('monitoring') });

/** The quarter of the employment ledger (`2026-Q4`); the current one when absent. */
export const employmentQuery = placeQuery.extend({
  quarter: z
    .string()
    .trim()
    .regex(/^\d{4}-Q[1-4]$/, ledgerMessages.employment.badQuarter)
    .refine((q) => q.slice(0, 4) >= EARLIEST_PERIOD.slice(0, 4), ledgerMessages.employment.quarterTooEarly(EARLIEST_PERIOD.slice(0, 4)))
    .optional(),
});

/** The open items, or only the overdue ones. */
export const itemsQuery = z.object({ overdue: z.enum(['true', 'false']).default('false') });

