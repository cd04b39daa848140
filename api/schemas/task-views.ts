import { z } from 'zod';
import { bulkMessages, VIEW_SORTS, VIEW_STATUSES, viewMessages } from '../../domain/measures/documents.js';
import { jurisdictionId, measureCode, text, uuid } from './common.js';
import { taskKey } from './tasks.js';

/** What a saved view keeps: the inbox's filters and its sort. */
export const viewFilters = z.object({
  status: z.enum(VIEW_STATUSES).default('open'),
  townId: jurisdictionId.optional(),
  measure: measureCode.optional(),
  sort: z.enum(VIEW_SORTS).default('due_asc'),
});
export type ViewFilters = z.infer<typeof viewFilters>;

export const newViewBody = z.object({ name: text(40, viewMessages.nameRequired), filters: viewFilters });
export type NewViewBody = z.infer<typeof newViewBody>;

export const taskView = z.object({ id: z.string(), name: z.string(), filters: viewFilters, createdAt: z.string() });
export type TaskViewItem = z.infer<typeof taskView>;
export const taskViewList = z.object({ items: z.array(taskView) });
export const viewParams = z.object({ id: uuid });

export const toTaskView = (row: { id: string; name: string; filters: unknown; created_at: Date }): TaskViewItem => ({
  id: row.id,
  name: row.name,
  // A row's filters were parsed on the way in; parsing again fills defaults added since.
  filters: viewFilters.parse(row.filters),
  createdAt: row.created_at.toISOString(),
});

export const BULK_MAX = 200;
export const bulkAcceptBody = z.object({
  keys: z.array(taskKey).min(1, bulkMessages.keysRequired).max(BULK_MAX, bulkMessages.tooMany(BULK_MAX)),
});
export type BulkAcceptBody = z.infer<typeof bulkAcceptBody>;

/** Each task's own outcome: accepted (with its state) or refused (with the reason, in the clerk's words). */
export const bulkAcceptResult = z.object({
  accepted: z.number(),
  refused: z.number(),
  results: z.array(
    z.union([
      z.object({ key: z.string(), ok: z.literal(true), status: z.string(), statusName: z.string() }),
      z.object({ key: z.string(), ok: z.literal(false), message: z.string() }),
    ]),
  ),
});
export type BulkAcceptResult = z.infer<typeof bulkAcceptResult>;
