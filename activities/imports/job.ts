import type { Kysely } from 'kysely';
import type { HouseholdPlace } from '../../domain/access/roles.js';
import type { Database } from '../../db/database.js';
import { analyseStagedRows, checkStagedRows } from '../../db/repositories/import-checks.js';
import { commitHouseholds, commitRegistryFinances, countRows, householdsToStart, nextHouseholds, rejectHouseholds, type CommitJob } from '../../db/repositories/import-commit.js';
import { importJobsRepo } from '../../db/repositories/import-jobs.js';
import { isDataError } from '../data-errors.js';

export interface HouseholdToStart {
  readonly householdId: string;
  readonly place: HouseholdPlace;
  /** When it entered the mechanism (epoch ms, Asia/Shanghai midnight). */
  readonly registeredAt: number;
}

const SHANGHAI_MIDNIGHT = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

/**
 * The import job's steps after the file is staged: the checks across rows,
 * saving households a batch at a time (each batch one transaction; a batch
 * that fails is saved household by household, and a household that cannot
 * be saved is rejected whole), the months of registered households, the
 * counts, and the households whose workflows are to start. Each is idempotent:
 * a retry finds the rows already saved and goes on from there.
 */
export function createImportActivities(deps: { db: Kysely<Database> }) {
  const { db } = deps;
  const jobOf = async (jobId: string): Promise<CommitJob & { scopeId: string }> => {
    const job = await importJobsRepo(db).findById(jobId);
    if (!job) throw new Error(`import job ${jobId} not found`);
    return { id: job.id, countyId: job.county_id, uploadedBy: job.uploaded_by, scopeId: job.scope_id };
  };
  const saveCounts = async (jobId: string) => {
    const counts = await countRows(db, jobId);
    await importJobsRepo(db).update(jobId, { imported: counts.imported, rejected: counts.rejected, householdsImported: counts.households, rowsRead: counts.read });
    return counts;
  };

  /**
   * Saves a run of households in one transaction; when the database refuses
   * one of them (a person registered meanwhile, a value past its constraint),
   * each half is tried on its own, down to the household that cannot be saved,
   * which is rejected whole: the others are saved, none by halves.
   */
  const saveHouseholds = async (job: CommitJob, ids: readonly string[]): Promise<{ saved: number; rejected: number }> => {
    if (ids.length === 0) return { saved: 0, rejected: 0 };
    try {
      await db.transaction().execute((trx) => commitHouseholds(trx, job, ids));
      return { saved: ids.length, rejected: 0 };
    } catch (error) {
      if (!isDataError(error) && (error as { code?: string }).code?.startsWith('23') !== true) throw error;
      if (ids.length === 1) {
        await rejectHouseholds(db, job.id, ids, 'save_failed');
        return { saved: 0, rejected: 1 };
      }
      const half = Math.ceil(ids.length / 2);
      const first = await saveHouseholds(job, ids.slice(0, half));
      const second = await saveHouseholds(job, ids.slice(half));
      return { saved: first.saved + second.saved, rejected: first.rejected + second.rejected };
    }
  };

  return {
    async checkImport(input: { jobId: string }): Promise<{ households: number }> {
      const job = await jobOf(input.jobId);
      const current = await importJobsRepo(db).findById(job.id);
      if (current?.status === 'staging') {
        // The planner learns how many rows the file staged, then how the checks left them.
        await analyseStagedRows(db);
        await db.transaction().execute(async (trx) => {
          await checkStagedRows(trx, job);
          await importJobsRepo(trx).update(job.id, { status: 'checking' });
        });
        await analyseStagedRows(db);
      }
      const counts = await saveCounts(job.id);
      await importJobsRepo(db).update(job.id, { status: 'importing', householdsTotal: counts.households + counts.pending });
      return { households: counts.households + counts.pending };
    },

    async commitImportBatch(input: { jobId: string; limit: number }): Promise<{ saved: number; rejected: number; more: boolean }> {
      const job = await jobOf(input.jobId);
      const ids = await nextHouseholds(db, job.id, input.limit);
      // Each transaction adds to the job's counts what it saved or rejected; the whole job is counted once, at the end.
      const counts = await saveHouseholds(job, ids);
      return { ...counts, more: ids.length === input.limit };
    },

    async commitImportFinances(input: { jobId: string; limit: number }): Promise<{ saved: number; more: boolean }> {
      const saved = await commitRegistryFinances(db, await jobOf(input.jobId), input.limit);
      return { saved, more: saved === input.limit };
    },

    /** The counts once every row has its outcome; the job then starts its households' workflows. */
    async closeImportRows(input: { jobId: string }): Promise<{ read: number; imported: number; rejected: number; households: number }> {
      const counts = await saveCounts(input.jobId);
      await importJobsRepo(db).update(input.jobId, { status: 'starting' });
      return counts;
    },

    async importedHouseholds(input: { jobId: string; after: string | null; limit: number }): Promise<HouseholdToStart[]> {
      const rows = await householdsToStart(db, input.jobId, input.after, input.limit);
      return rows.map((h) => ({
        householdId: h.id,
        place: { countyId: h.county_id, townId: h.town_id, villageId: h.village_id, groupId: h.group_id },
        registeredAt: SHANGHAI_MIDNIGHT(h.entered_on!),
      }));
    },

    async recordImportStarts(input: { jobId: string; started: number }): Promise<void> {
      await importJobsRepo(db).setWorkflowsStarted(input.jobId, input.started);
    },

    async finishImport(input: { jobId: string; failure?: string }): Promise<void> {
      // Staging is cleared before the job shows done (a retry deletes nothing more); a failed job keeps its rows to look into.
      if (!input.failure) await importJobsRepo(db).clearImportedRows(input.jobId);
      await importJobsRepo(db).update(input.jobId, input.failure ? { status: 'failed', failure: input.failure, finished: true } : { status: 'done', finished: true });
    },
  };
}
