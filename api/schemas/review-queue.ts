import { z } from 'zod';
import { registerItemOverdue } from '../../domain/deadlines/register-items.js';
import { PROCEDURE_NAMES, procedureStepName, REVIEW_PROCEDURES, type ReviewProcedure } from '../../domain/identification/queue.js';
import { IDENTIFICATION_STEPS, type IdentificationStep } from '../../domain/identification/steps.js';
import type { CaseClockRow, WaitingCaseRow } from '../../db/repositories/review-queue.js';
import { page, pageOf } from './common.js';

export const reviewQueueQuery = z.object({
  procedure: z.enum(REVIEW_PROCEDURES).optional().describe('only identification or only risk-elimination cases'),
  ...page,
});

const clock = z.object({
  scope: z.enum(['step', 'case']),
  dueAt: z.string(),
  overdue: z.boolean(),
  overdueDays: z.number(),
});

const waitingCase = z.object({
  household: z.object({ id: z.string(), headName: z.string(), address: z.string(), townName: z.string().nullable(), villageName: z.string().nullable() }),
  procedure: z.enum(REVIEW_PROCEDURES),
  procedureName: z.string(),
  step: z.enum(IDENTIFICATION_STEPS),
  stepName: z.string(),
  caseNo: z.number().nullable(),
  since: z.string().describe('when the case reached the step'),
  clocks: z.array(clock).describe('the open working-day clocks of the case: its step’s and the whole case’s'),
});
export const reviewQueuePage = pageOf(waitingCase);

export function toWaitingCase(row: WaitingCaseRow, clocks: readonly CaseClockRow[], now: number): z.infer<typeof waitingCase> {
  const procedure = row.procedure as ReviewProcedure;
  const step = row.step as IdentificationStep;
  const prefix = `household:${row.household_id}:${procedure}:${row.case_no}:`;
  return {
    household: { id: row.household_id, headName: row.head_name, address: row.address, townName: row.town_name, villageName: row.village_name },
    procedure,
    procedureName: PROCEDURE_NAMES[procedure],
    step,
    stepName: procedureStepName(procedure, step),
    caseNo: row.case_no,
    since: row.since.toISOString(),
    clocks: clocks
      .filter((c) => c.household_id === row.household_id && c.item_key.startsWith(prefix))
      .map((c) => ({
        scope: c.kind.endsWith('_case') ? ('case' as const) : ('step' as const),
        dueAt: c.due_at.toISOString(),
        ...registerItemOverdue({ status: c.status, dueAt: c.due_at.getTime(), overdueAt: c.overdue_at?.getTime() ?? null }, now),
      })),
  };
}
