import { z } from 'zod';

/** A household's 民政 marks (joint identification 统筹认定), with its own latest assessment beside them. */
const assistanceMark = z.object({
  id: z.string(),
  kind: z.enum(['dibao', 'tekun']),
  kindName: z.string(),
  feed: z.string(),
  feedName: z.string(),
  /** The person 民政's row named when the mark began. */
  memberName: z.string(),
  startedMonth: z.string(),
  startedBatchId: z.string(),
  fileName: z.string(),
  lastMonth: z.string(),
  endedMonth: z.string().nullable(),
  endedBatchId: z.string().nullable(),
  endedReason: z.string().nullable().describe('in words: why the mark ended'),
  open: z.boolean(),
});

export const householdMarks = z.object({
  householdId: z.string(),
  basis: z.string(),
  marks: z.array(assistanceMark),
  /** The household's latest recorded assessment (the monitoring's own income rule); null when never assessed. */
  assessment: z
    .object({
      period: z.string(),
      conclusion: z.string(),
      conclusionName: z.string(),
      perCapitaYuan: z.number().nullable(),
      monitoringLine: z.number().nullable(),
      belowMonitoring: z.boolean().nullable(),
      profile: z.string().nullable(),
      explanation: z.array(z.string()),
    })
    .nullable(),
  assessmentNote: z.string().nullable(),
  monitored: z.boolean(),
  /** Marked now, not monitored, and the assessment qualifies it: to be identified. */
  atRiskUnmonitored: z.boolean(),
  atRiskNote: z.string().nullable(),
});
export type HouseholdMarks = z.infer<typeof householdMarks>;
