import { sql, type Kysely } from 'kysely';

/**
 * Two things a department officer keeps in the console:
 *
 * - saved views 保存的筛选: a named set of inbox filters and a sort, per user.
 *   A view is created and deleted, never changed (saving under a taken name is
 *   refused), so the app may select, insert and delete, not update.
 * - task documents 佐证材料: a file (PDF, JPEG or PNG, at most 10 MB) uploaded
 *   for a task of the department and named in the task's completion. The bytes
 *   live in PostgreSQL with the file's row, so that a backup of the database is
 *   a backup of the household file (一户一档) and no upload is half written.
 *   A document is never changed or deleted: the app only inserts and selects.
 */
/** 10 MB, as domain/measures/documents.ts has it (a migration imports no app code). */
const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_views')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`char_length(btrim(name)) between 1 and 40`))
    .addColumn('filters', 'jsonb', (c) => c.notNull().check(sql`jsonb_typeof(filters) = 'object' and octet_length(filters::text) <= 2000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('task_views_user_name_key', ['user_id', 'name'])
    .execute();
  // The unique constraint's index serves "a user's views, by name" (GET /task-views).
  await sql`revoke update on task_views from shoudi_app`.execute(db);
  await sql`grant delete on task_views to shoudi_app`.execute(db);

  await db.schema
    .createTable('task_documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('task_key', 'text', (c) => c.notNull().references('measure_tasks.task_key'))
    .addColumn('household_id', 'uuid', (c) => c.notNull().references('households.id'))
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull().check(sql`char_length(btrim(file_name)) between 1 and 200`))
    .addColumn('content_type', 'text', (c) => c.notNull().check(sql`content_type in ('application/pdf', 'image/jpeg', 'image/png')`))
    .addColumn('size_bytes', 'integer', (c) => c.notNull().check(sql`size_bytes between 1 and ${sql.lit(DOCUMENT_MAX_BYTES)}`))
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('task_documents_size_matches', sql`octet_length(content) = size_bytes`)
    .execute();
  // The household file's documents: those of one household, by id (GET /households/:id/file).
  await db.schema.createIndex('task_documents_household_idx').on('task_documents').columns(['household_id']).execute();
  // A completion's check that its documents were uploaded for its task.
  await db.schema.createIndex('task_documents_task_idx').on('task_documents').columns(['task_key']).execute();
  await sql`revoke update on task_documents from shoudi_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_documents').execute();
  await db.schema.dropTable('task_views').execute();
}
