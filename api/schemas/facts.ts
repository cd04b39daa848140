import { z } from 'zod';
import { HOUSE_SAFETY_GRADES } from '../../domain/measures/catalogue.js';
import { DRINKING_WATER_STATUSES, SCHOOLING_STATUSES } from '../../domain/measures/facts.js';
import { factMessages } from '../../domain/measures/fact-messages.js';
import { uuid, yuan } from './common.js';

/**
 * The facts the measure rules read, as the application, the monthly update
 * and the visit bring them. Every field may be left out: absent is unknown.
 */
export const householdFacts = z.object({
  housing: z
    .object({ safetyGrade: z.enum(HOUSE_SAFETY_GRADES).optional(), soleResidence: z.boolean().optional(), suspectedDangerous: z.boolean().optional() })
    .optional(),
  drinkingWater: z.enum(DRINKING_WATER_STATUSES).optional(),
  members: z
    .array(
      z.object({
        memberId: uuid,
        medicalOutOfPocketYuan: yuan.optional(),
        schooling: z.enum(SCHOOLING_STATUSES).optional(),
        physicallyUnableToAttend: z.boolean().optional(),
        employed: z.boolean().optional(),
      }),
    )
    .max(50)
    .refine((list) => new Set(list.map((f) => f.memberId)).size === list.length, factMessages.memberTwice)
    .optional(),
  microcredit: z
    .array(
      z.object({
        memberId: uuid,
        amountYuan: yuan.refine((n) => n > 0, factMessages.loanAmountInvalid),
        termYears: z.number().int(factMessages.loanTermInvalid(30)).min(1, factMessages.loanTermInvalid(30)).max(30, factMessages.loanTermInvalid(30)),
      }),
    )
    .max(50)
    .refine((list) => new Set(list.map((l) => l.memberId)).size === list.length, factMessages.loanTwice)
    .optional(),
});
export type HouseholdFactsBody = z.infer<typeof householdFacts>;
