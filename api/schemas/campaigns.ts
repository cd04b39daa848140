import { z } from 'zod';
import { CHECK_ITEMS, PROBLEM_KINDS, RESPONSIBLES } from '../../domain/campaigns/checklist.js';
import { campaignMessages as m } from '../../domain/campaigns/messages.js';
import { MAX_CHECK_WORKING_DAYS } from '../../domain/campaigns/progress.js';
import { HOUSEHOLD_CATEGORIES, RISK_CAUSES } from '../../domain/identification/steps.js';
import { HOUSEHOLD_STAGES } from '../../domain/identification/stages.js';
import { validationMessages as v } from '../../domain/messages/fields.js';
import type { Campaign, UnitRow } from '../../db/repositories/campaigns.js';
import { evidence, jurisdictionId, localDateAs, optionalText, page, text, uuid } from './common.js';

export const cohortCriteria = z.object({
  townId: jurisdictionId.optional(),
  categories: z.array(z.enum(HOUSEHOLD_CATEGORIES)).max(10).optional(),
  stages: z.array(z.enum(HOUSEHOLD_STAGES)).max(10).optional(),
  incomeDropPercent: z.number().int().min(1).max(100).optional(),
  warnedWithinDays: z.number().int().min(1).max(366).optional(),
  overdueTasks: z.boolean().optional(),
  riskCause: z.enum(RISK_CAUSES).optional(),
  eliminatedWithinMonths: z.number().int().min(1).max(24).optional(),
});

export const previewBody = z.object({ areaId: jurisdictionId, criteria: cohortCriteria });
export const previewAnswer = z.object({ count: z.number() });

export const defineCampaignBody = z.object({
  areaId: jurisdictionId,
  name: text(100),
  reason: text(500),
  criteria: cohortCriteria,
  checklist: z.array(z.enum(CHECK_ITEMS)).min(1).max(CHECK_ITEMS.length),
  responsible: z.enum(RESPONSIBLES),
  departmentId: uuid.optional(),
  dueWorkingDays: z.number().int().min(1, v.dueDaysRange(1, MAX_CHECK_WORKING_DAYS)).max(MAX_CHECK_WORKING_DAYS, v.dueDaysRange(1, MAX_CHECK_WORKING_DAYS)),
});
export const launchedCampaign = z.object({ id: z.string(), cohort: z.number(), dueAt: z.string() });

export const campaignParams = z.object({ campaignId: uuid });
export const checkParams = z.object({ campaignId: uuid, householdId: uuid });
export const problemParams = z.object({ campaignId: uuid, problemId: uuid });

export const checkBody = z.object({
  checked: z.array(z.enum(CHECK_ITEMS)).max(CHECK_ITEMS.length),
  note: optionalText(2000),
  problems: z
    .array(z.object({ kind: z.enum(PROBLEM_KINDS), description: text(2000, m.problemDescriptionRequired), rectifyBy: localDateAs(m.rectifyByInvalid) }))
    .max(PROBLEM_KINDS.length),
});
export const checkAnswer = z.object({ recorded: z.boolean(), late: z.boolean(), problems: z.number() });

export const rectifyBody = z.object({ whatWasDone: text(5000, m.rectificationRequired), date: localDateAs(m.rectifiedOnInvalid), documents: evidence.min(1, m.documentsRequired) });
export const rectifyAnswer = z.object({ late: z.boolean() });

export const checksQuery = z.object(page);

const unit = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  checks: z.number(),
  checkedOnTime: z.number(),
  checkedLate: z.number(),
  uncheckedOverdue: z.number(),
  problems: z.number(),
  rectifiedOnTime: z.number(),
  rectifiedLate: z.number(),
  openOverdue: z.number(),
  openInTime: z.number(),
  checkedPercent: z.number(),
  behind: z.boolean(),
});
export type UnitView = z.infer<typeof unit>;

export const campaignSummary = z.object({
  id: z.string(),
  name: z.string(),
  reason: z.string(),
  areaId: z.string(),
  responsible: z.enum(RESPONSIBLES),
  departmentId: z.string().nullable(),
  checklist: z.array(z.string()),
  criteria: z.record(z.string(), z.unknown()),
  launchedAt: z.string(),
  dueAt: z.string(),
  cohort: z.number(),
  fannedOut: z.number(),
  status: z.enum(['launching', 'open', 'closed']),
  closedAt: z.string().nullable(),
  kind: z.enum(['inspection', 'screening']),
});
export const campaignList = z.object({ items: z.array(campaignSummary) });
export const campaignDetail = campaignSummary.extend({
  towns: z.array(unit),
  departments: z.array(unit),
  problemsByKind: z.array(z.object({ kind: z.string(), name: z.string(), found: z.number(), rectified: z.number() })),
});

export const checkItem = z.object({
  householdId: z.string(),
  headName: z.string(),
  villageName: z.string(),
  checkedAt: z.string().nullable(),
  late: z.boolean().nullable(),
  finding: z.enum(['no_problem', 'problem']).nullable(),
});
export const checkPage = z.object({ items: z.array(checkItem) });

export const householdCheck = z.object({
  campaign: campaignSummary,
  household: z.object({ id: z.string(), headName: z.string(), address: z.string() }),
  checkedAt: z.string().nullable(),
  late: z.boolean().nullable(),
  finding: z.enum(['no_problem', 'problem']).nullable(),
  problems: z.array(
    z.object({ id: z.string(), kind: z.string(), name: z.string(), description: z.string(), dueAt: z.string(), status: z.enum(['open', 'rectified']), late: z.boolean().nullable(), escalationLevel: z.number() }),
  ),
});

const reportUnit = unit.omit({ checkedPercent: true, behind: true });
export const campaignNotice = z.object({
  title: z.string(),
  body: z.string(),
  report: z.object({
    orderedBy: z.string().optional(),
    name: z.string(),
    cohort: z.number(),
    checked: z.number(),
    checkedLate: z.number(),
    unchecked: z.number(),
    problems: z.number(),
    rectified: z.number(),
    open: z.number(),
    publishedAt: z.string(),
    problemsByKind: z.array(z.object({ kind: z.string(), found: z.number(), rectified: z.number() })),
    towns: z.array(reportUnit),
    departments: z.array(reportUnit),
    laggards: z.object({ towns: z.array(reportUnit), departments: z.array(reportUnit) }),
  }),
});

export const toCampaignSummary = (c: Campaign): z.infer<typeof campaignSummary> => ({
  id: c.id,
  name: c.name,
  reason: c.reason,
  areaId: c.area_id,
  responsible: c.responsible,
  departmentId: c.department_id,
  checklist: c.checklist as string[],
  criteria: c.criteria as Record<string, unknown>,
  launchedAt: c.launched_at.toISOString(),
  dueAt: c.due_at.toISOString(),
  cohort: c.cohort_count,
  fannedOut: c.fanned_out,
  status: c.status,
  closedAt: c.closed_at?.toISOString() ?? null,
  kind: c.kind,
});

export type { UnitRow };

export const campaignOptions = z.object({ countyId: z.string(), areaId: z.string(), towns: z.array(z.object({ id: z.string(), name: z.string() })), departments: z.array(z.object({ id: z.string(), name: z.string() })) });

/** The notice's workbook: an .xlsx file, not JSON. */
export { spreadsheet as noticeWorkbookFile } from './imports.js';
