import { sql, type Kysely } from 'kysely';

/**
 * Imports of a county's caseload from spreadsheets: a job per uploaded file,
 * and the file's rows staged (COPY) with what each says and why it was not
 * imported, so that the checks run over the whole file in SQL and the error
 * report is a copy of the sheet. Staged rows are kept: the report can be
 * downloaded again, and the counts stay explainable.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('county_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    // The uploader's jurisdiction: only its villages are imported.
    .addColumn('scope_id', 'text', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('uploaded_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull().check(sql`length(file_name) between 1 and 255`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('staging').check(sql`status in ('staging', 'checking', 'importing', 'starting', 'done', 'failed')`))
    // Each sheet read: its kind, name and headings, for the error report's copy.
    .addColumn('sheets', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('households_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('households_imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('workflows_started', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failure', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addCheckConstraint('import_jobs_counts_conserved', sql`status <> 'done' or rows_read = imported + rejected`)
    .execute();
  // The imports list of a place, newest first.
  await db.schema.createIndex('import_jobs_scope_idx').on('import_jobs').columns(['scope_id', 'created_at']).execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('job_id', 'uuid', (c) => c.notNull().references('import_jobs.id'))
    .addColumn('sheet_no', 'integer', (c) => c.notNull())
    .addColumn('sheet', 'text', (c) => c.notNull().check(sql`sheet in ('members', 'finances')`))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    // The cells as the sheet showed them (texts), for the error report.
    .addColumn('cells', 'jsonb', (c) => c.notNull())
    // Reasons found on the row alone (joined by ；), null when none.
    .addColumn('errors', 'text')
    .addColumn('household_key', 'text')
    .addColumn('town', 'text')
    .addColumn('village', 'text')
    .addColumn('head_name', 'text')
    .addColumn('address', 'text')
    .addColumn('category', 'text')
    .addColumn('entered_on', 'date')
    .addColumn('risk_causes', 'jsonb')
    .addColumn('measures', 'jsonb')
    .addColumn('name', 'text')
    .addColumn('id_number', 'text')
    .addColumn('birth_date', 'date')
    .addColumn('sex', 'text')
    .addColumn('relation', 'text')
    .addColumn('labour_ability', 'text')
    .addColumn('is_student', 'boolean')
    .addColumn('is_active_military', 'boolean')
    .addColumn('disability_grade', 'text')
    .addColumn('chronic_illness', 'boolean')
    .addColumn('period', 'text')
    .addColumn('amounts', 'jsonb')
    // Resolved by the checks: the village, the household (new or registered), the outcome.
    .addColumn('village_id', 'text')
    .addColumn('town_id', 'text')
    .addColumn('household_id', 'uuid')
    .addColumn('reason', 'text')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('imported', 'rejected')`))
    .addPrimaryKeyConstraint('import_rows_pkey', ['job_id', 'sheet_no', 'row_no'])
    .execute();
  // Duplicates inside a file, and a finance row's household by its head's number.
  await db.schema.createIndex('import_rows_id_number_idx').on('import_rows').columns(['job_id', 'id_number']).execute();
  // The rows of one household of a file, and the households still to save, in order.
  await db.schema.createIndex('import_rows_household_idx').on('import_rows').columns(['job_id', 'household_key']).execute();
  // The rows of a household of a job (its members and months saved together, its file entry's member count,
  // the paced workflow starts in household order).
  await db.schema.createIndex('import_rows_job_household_idx').on('import_rows').columns(['job_id', 'household_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_rows').execute();
  await db.schema.dropTable('import_jobs').execute();
}
