import { z } from 'zod';
import type { ImportJob } from '../../db/database.js';
import { importMessages } from '../../domain/imports/messages.js';

export const IMPORT_STATUSES = ['staging', 'checking', 'importing', 'starting', 'done', 'failed'] as const;

export const importParams = z.object({ id: z.uuid() });

export const importJobView = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  statusName: z.string(),
  rowsRead: z.number().describe('rows read from the file (headings and empty rows left out)'),
  imported: z.number(),
  rejected: z.number().describe('rows not imported, each with its reason in the error report'),
  householdsTotal: z.number(),
  householdsImported: z.number(),
  workflowsStarted: z.number().describe('imported households whose workflow has started (paced)'),
  sheets: z.array(z.object({ name: z.string(), recognised: z.boolean() })),
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobView = z.infer<typeof importJobView>;

export const importJobList = z.object({ items: z.array(importJobView) });

export const toImportJobView = (job: ImportJob): ImportJobView => ({
  id: job.id,
  fileName: job.file_name,
  status: job.status,
  statusName: importMessages.status[job.status],
  rowsRead: job.rows_read,
  imported: job.imported,
  rejected: job.rejected,
  householdsTotal: job.households_total,
  householdsImported: job.households_imported,
  workflowsStarted: job.workflows_started,
  sheets: ((job.sheets ?? []) as Array<{ name: string; kind: string | null }>).map((s) => ({ name: s.name, recognised: s.kind !== null })),
  failure: job.failure,
  createdAt: job.created_at.toISOString(),
  finishedAt: job.finished_at ? job.finished_at.toISOString() : null,
});

/** A download: the body is the .xlsx file itself (a stream or a buffer, never serialized). */
export const spreadsheet = {
  description: 'the .xlsx file',
  content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } },
};
