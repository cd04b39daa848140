import { z } from 'zod';

/** The risk-elimination conditions of the household's county, with where it stands, and its measures that go on after elimination. */
export const eliminationConditionsView = z.object({
  profileId: z.string().nullable(),
  conditions: z.array(
    z.object({
      key: z.string(),
      text: z.string(),
      origin: z.enum(['seed', 'practice']),
      met: z.boolean().nullable(),
      now: z.string().optional(),
    }),
  ),
  /** Said when the county's document gives no condition to show. */
  none: z.string().nullable(),
  continuing: z.array(
    z.object({
      taskKey: z.string(),
      measure: z.string(),
      measureName: z.string(),
      departmentName: z.string(),
      status: z.string(),
      /** 风险消除后继续享受…，至… */
      continues: z.string(),
    }),
  ),
});
