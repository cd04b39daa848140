import { z } from 'zod';
import { DUE_ITEM_KINDS } from '../../domain/deadlines/cadence.js';
import { newRiskHowNames, reportSectionNames, townMessages } from '../../domain/town/messages.js';
import { isPeriodKey, NEW_RISK_HOW, REPORT_SECTIONS, type SubmittedTownReport, type TownReportBody } from '../../domain/town/report.js';
import type { Jurisdiction } from '../../db/database.js';
import type { townReportsRepo } from '../../db/repositories/town-reports.js';
import { CORRECTIONS_MAX, NOTE_MAX, SUMMARY_MAX } from '../../workflows/town/definitions.js';
import { iso, period, text, uuid } from './common.js';

export const townParams = z.object({ townId: z.string().regex(/^[0-9A-Za-z-]{2,32}$/, townMessages.townNotFound) });
export const reportParams = townParams.extend({ period });
export const itemParams = townParams.extend({
  kind: z.enum(DUE_ITEM_KINDS),
  periodKey: z.string().refine(isPeriodKey, townMessages.periodKeyInvalid),
});

const household = z.object({ householdId: z.string(), villageId: z.string(), villageName: z.string(), headName: z.string() });
const counts = z.object({ monitoring: z.number(), newRisk: z.number(), eliminated: z.number() });

export const townReportView = z.object({
  townId: z.string(),
  townName: z.string(),
  period: z.string(),
  status: z.enum(['draft', 'submitted']),
  generatedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  submittedAt: z.string().nullable(),
  submittedBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  late: z.boolean().nullable(),
  note: z.string().nullable(),
  counts,
  monitoring: z.array(household),
  newRisk: z.array(household.extend({ how: z.enum(NEW_RISK_HOW), howName: z.string() })),
  eliminated: z.array(household),
  corrections: z.array(household.extend({ section: z.enum(REPORT_SECTIONS), sectionName: z.string(), change: z.enum(['add', 'remove']), reason: z.string() })),
});

type ReportRow = NonNullable<Awaited<ReturnType<ReturnType<typeof townReportsRepo>['findWithSubmitter']>>>;

/** The month's report as the town and the county read it: the draft, or the report as submitted. */
export function toTownReportView(town: Jurisdiction, row: ReportRow, itemOverdue: boolean): z.infer<typeof townReportView> {
  const body = (row.status === 'submitted' ? row.report : row.draft) as TownReportBody | SubmittedTownReport;
  const corrections = 'corrections' in body ? body.corrections : [];
  return {
    townId: town.id,
    townName: town.name,
    period: row.period,
    status: row.status,
    generatedAt: row.generated_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdue: row.status === 'draft' && itemOverdue,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    submittedBy: row.submitted_by ? { id: row.submitted_by, name: row.submitted_by_name } : null,
    late: row.late,
    note: row.note,
    counts: body.counts,
    monitoring: [...body.monitoring],
    newRisk: body.newRisk.map((h) => ({ ...h, howName: newRiskHowNames[h.how] })),
    eliminated: [...body.eliminated],
    corrections: corrections.map((c) => ({ ...c, sectionName: reportSectionNames[c.section] })),
  };
}

const correction = z.object({
  householdId: uuid,
  section: z.enum(REPORT_SECTIONS),
  change: z.enum(['add', 'remove']),
  reason: text(500),
});

export const submitReportBody = z.object({
  note: z.string().trim().max(NOTE_MAX, townMessages.noteTooLong(NOTE_MAX)).optional(),
  corrections: z.array(correction).max(CORRECTIONS_MAX, townMessages.tooManyCorrections(CORRECTIONS_MAX)).optional(),
});
export const submittedReport = z.object({ period: z.string(), submittedAt: z.string(), late: z.boolean(), counts });
export const toSubmittedReport = (r: { period: string; submittedAt: number; late: boolean; counts: z.infer<typeof counts> }) => ({ ...r, submittedAt: iso(r.submittedAt) });

export const completeItemBody = z.object({ summary: text(SUMMARY_MAX, townMessages.summaryRequired) });
/** A town's or the county's item, done. */
export const completedItem = z.object({ kind: z.string(), period: z.string(), doneAt: z.string(), late: z.boolean() });
export const toCompletedItem = (done: { kind: string; period: string; doneAt: number; late: boolean }): z.infer<typeof completedItem> => ({
  kind: done.kind,
  period: done.period,
  doneAt: iso(done.doneAt),
  late: done.late,
});

/** A month's draft drawn at the officer's asking, or the one that was there. */
export const drawnReport = z.object({ period: z.string(), generatedAt: z.string(), dueAt: z.string(), drawn: z.boolean(), counts });
export const toDrawnReport = (r: { period: string; generatedAt: number; dueAt: number; drawn: boolean; counts: z.infer<typeof counts> }): z.infer<typeof drawnReport> => ({
  ...r,
  generatedAt: iso(r.generatedAt),
  dueAt: iso(r.dueAt),
});
