import { z } from 'zod';
import type { TaskDocumentRow } from '../../db/repositories/task-documents.js';

export const documentParams = z.object({ id: z.uuid() });

/** A document's description: never its bytes (GET /documents/:id gives those). */
export const taskDocument = z.object({
  id: z.string(),
  taskKey: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
  /** What completions name it by. */
  reference: z.string(),
});
export type TaskDocumentItem = z.infer<typeof taskDocument>;

export const toTaskDocument = (row: TaskDocumentRow): TaskDocumentItem => ({
  id: row.id,
  taskKey: row.task_key,
  fileName: row.file_name,
  contentType: row.content_type,
  sizeBytes: row.size_bytes,
  uploadedAt: row.uploaded_at.toISOString(),
  reference: `document:${row.id}`,
});
