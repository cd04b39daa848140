import { z } from 'zod';
import { period } from './common.js';

export const whatIfBody = z.object({
  body: z.record(z.string(), z.unknown()).describe('the whole profile as drafted; id, version, effectiveFrom and countyName are set by the server'),
  effectiveFrom: period,
});

const change = z.enum(['enter', 'leave', 'warn']);

export const whatIfAnswer = z.object({
  period: z.string(),
  households: z.number().describe('households with a re-runnable assessment'),
  counts: z.object({ enter: z.number(), leave: z.number(), warn: z.number() }),
  groups: z.array(z.object({ townId: z.string(), category: z.string(), change, count: z.number() })),
  hits: z.array(
    z.object({
      householdId: z.string(),
      headName: z.string(),
      townId: z.string(),
      category: z.string(),
      change,
      alsoUnderCurrent: z.boolean(),
      perCapitaFen: z.number().nullable(),
      reasons: z.array(z.string()),
    }),
  ),
});
