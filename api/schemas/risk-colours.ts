import { z } from 'zod';
import { RISK_COLOURS, RISK_CONDITIONS } from '../../domain/monitoring/risk-colour.js';

/** A household's colour on a list: null when the county has no rules (未配置). */
export const riskColourField = z
  .object({ colour: z.enum(RISK_COLOURS), name: z.string(), because: z.array(z.object({ condition: z.enum(RISK_CONDITIONS), name: z.string() })) })
  .nullable();

const counts = z.object({ green: z.number(), yellow: z.number(), red: z.number() });

export const riskColourBoard = z.object({
  asOf: z.string(),
  configured: z.boolean(),
  message: z.string().nullable(),
  note: z.string().nullable(),
  rules: z.object({ red: z.array(z.string()), yellow: z.array(z.string()) }),
  county: counts,
  byTown: z.array(counts.extend({ id: z.string(), name: z.string() })),
});
