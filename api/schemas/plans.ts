import { z } from 'zod';
import { MAX_DEADLINE_DAYS } from '../../domain/measures/tasks.js';
import { planMessages } from '../../domain/measures/task-messages.js';
import { PLAN_CHANGE_KINDS, planChangeMessages, planChangeProblem } from '../../domain/measures/plan-changes.js';
import { idParams, measureCode, optionalText, text } from './common.js';
import { taskKey } from './tasks.js';

const departmentId = z.uuid({ message: planMessages.departmentInvalid }).describe('a department of the household’s county');
const deadlineDays = z.number().int().min(1, planMessages.deadlineDaysInvalid(MAX_DEADLINE_DAYS)).max(MAX_DEADLINE_DAYS, planMessages.deadlineDaysInvalid(MAX_DEADLINE_DAYS));
const note = optionalText(2000);

export const householdTaskParams = idParams.extend({ key: taskKey });

export const plannedTask = z.object({
  taskKey: z.string(),
  planNo: z.number(),
  measure: z.string(),
  measureName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  deadlineDays: z.number(),
  dueAt: z.number().describe('epoch ms: on time until then'),
  required: z.boolean(),
  reassignedFrom: z.string().nullable(),
});

const draftMeasure = z.object({
  code: z.string(),
  name: z.string(),
  nature: z.enum(['developmental', 'safety_net']),
  lead: z.object({ code: z.string(), departmentId: z.string().nullable(), name: z.string() }),
  /** Further lead units the county's catalogue names with the lead (牵头部门 beside it). */
  coLeads: z.array(z.string()).readonly().optional(),
  cooperating: z.array(z.string()).readonly(),
  deadlineDays: z.number(),
  required: z.boolean(),
  reasons: z.array(z.string()).readonly(),
});

export const planDraft = z.object({
  asOf: z.string(),
  catalogueId: z.string(),
  catalogueVersion: z.number(),
  labour: z.enum(['capable', 'weak_only', 'none', 'unknown']),
  measures: z.array(draftMeasure).readonly(),
  withheld: z.array(z.object({ code: z.string(), name: z.string(), why: z.string() })).readonly(),
  toVerify: z.array(z.object({ measure: z.string().nullable(), text: z.string() })).readonly(),
  alreadyOpen: z.array(z.string()).readonly(),
});

const planChange = z.object({
  measure: measureCode,
  measureName: text(100),
  change: z.enum(PLAN_CHANGE_KINDS),
  reason: text(500, planMessages.reasonRequired),
});

export const confirmPlanBody = z
  .object({
    measures: z
      .array(z.object({ code: measureCode, departmentId: departmentId.optional(), deadlineDays: deadlineDays.optional(), required: z.boolean().optional() }))
      .min(1, planMessages.measuresRequired)
      .max(30),
    note,
    changes: z.array(planChange).max(60).optional().describe('what the person changed in the suggestion, each with its reason: a measure left out, added, or given to another department'),
  })
  .superRefine((body, ctx) => {
    const problem = planChangeProblem(body.measures, body.changes ?? []);
    if (problem) ctx.addIssue({ code: 'custom', message: planChangeMessages.problem(problem), path: ['changes'] });
  });
export const confirmedPlan = z.object({ planNo: z.number(), tasks: z.array(plannedTask).readonly() });

export const reassignBody = z.object({ departmentId, deadlineDays: deadlineDays.optional(), note });

export const waiveBody = z.object({ reason: text(2000, planMessages.reasonRequired) });
export const waiveResult = z.object({
  measure: z.string(),
  open: z.array(z.object({ taskKey: z.string(), measure: z.string(), measureName: z.string(), departmentName: z.string(), status: z.string(), dueAt: z.number() })).readonly(),
});
