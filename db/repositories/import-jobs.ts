import { sql, type Kysely } from 'kysely';
import type { Database, ImportJobStatus } from '../database.js';

export function importJobsRepo(db: Kysely<Database>) {
  return {
    create(job: { countyId: string; scopeId: string; uploadedBy: string; fileName: string }) {
      return db
        .insertInto('import_jobs')
        .values({ county_id: job.countyId, scope_id: job.scopeId, uploaded_by: job.uploadedBy, file_name: job.fileName })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    findById(id: string) {
      return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The imports uploaded within a place (its own and those of places under it), newest first. */
    listWithin(jurisdictionId: string, limit: number) {
      return db
        .selectFrom('import_jobs')
        .selectAll()
        .where(sql<boolean>`scope_id in (with recursive below(id) as (select ${jurisdictionId}::text union all select j.id from jurisdictions j join below b on j.parent_id = b.id) select id from below)`)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    },

    async update(id: string, change: Partial<{ status: ImportJobStatus; sheets: unknown; rowsRead: number; imported: number; rejected: number; householdsTotal: number; householdsImported: number; failure: string | null; finished: boolean }>) {
      await db
        .updateTable('import_jobs')
        .set({
          ...(change.status ? { status: change.status } : {}),
          ...(change.sheets !== undefined ? { sheets: JSON.stringify(change.sheets) } : {}),
          ...(change.rowsRead !== undefined ? { rows_read: change.rowsRead } : {}),
          ...(change.imported !== undefined ? { imported: change.imported } : {}),
          ...(change.rejected !== undefined ? { rejected: change.rejected } : {}),
          ...(change.householdsTotal !== undefined ? { households_total: change.householdsTotal } : {}),
          ...(change.householdsImported !== undefined ? { households_imported: change.householdsImported } : {}),
          ...(change.failure !== undefined ? { failure: change.failure } : {}),
          ...(change.finished ? { finished_at: new Date() } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
    },

    /** Counts the workflows started so far (never beyond the households saved). */
    async setWorkflowsStarted(id: string, started: number) {
      await db
        .updateTable('import_jobs')
        .set({ workflows_started: sql<number>`greatest(workflows_started, least(${started}::int, households_imported))`, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    },

    /** Clears a finished job's staging rows that were imported (their households hold them now); the rejected stay for the error report. */
    async clearImportedRows(jobId: string): Promise<number> {
      const result = await db.deleteFrom('import_rows').where('job_id', '=', jobId).where('outcome', '=', 'imported').executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** One page of a job's rows not imported, in the file's order, after (sheet, row). */
    rejectedRows(jobId: string, after: { sheetNo: number; rowNo: number } | null, limit: number) {
      let query = db
        .selectFrom('import_rows')
        .select(['sheet_no', 'row_no', 'cells', 'errors', 'reason', 'town', 'village'])
        .where('job_id', '=', jobId)
        .where('outcome', '=', 'rejected');
      if (after) query = query.where(sql<boolean>`(sheet_no, row_no) > (${after.sheetNo}, ${after.rowNo})`);
      return query.orderBy('sheet_no').orderBy('row_no').limit(limit).execute();
    },
  };
}
