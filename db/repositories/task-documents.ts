import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface NewTaskDocument {
  readonly taskKey: string;
  readonly householdId: string;
  readonly uploadedBy: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Buffer;
}

const META = ['id', 'task_key', 'household_id', 'file_name', 'content_type', 'size_bytes', 'uploaded_at'] as const;

/** Documents uploaded as tasks' evidence 佐证材料: inserted and read, never changed or deleted. */
export function taskDocumentsRepo(db: Kysely<Database>) {
  return {
    add: (d: NewTaskDocument) =>
      db
        .insertInto('task_documents')
        .values({
          task_key: d.taskKey,
          household_id: d.householdId,
          uploaded_by: d.uploadedBy,
          file_name: d.fileName,
          content_type: d.contentType,
          size_bytes: d.content.length,
          content: d.content,
        })
        .returning([...META])
        .executeTakeFirstOrThrow(),

    /** The documents' descriptions (not their bytes), of the given ids that exist. */
    describe: (ids: readonly string[]) =>
      ids.length === 0 ? Promise.resolve([]) : db.selectFrom('task_documents').select([...META]).where('id', 'in', [...ids]).orderBy('uploaded_at').execute(),

    /** One document with its bytes, for a download. */
    withContent: (id: string) => db.selectFrom('task_documents').select([...META, 'content']).where('id', '=', id).executeTakeFirst(),
  };
}

export type TaskDocumentRow = Awaited<ReturnType<ReturnType<typeof taskDocumentsRepo>['describe']>>[number];
