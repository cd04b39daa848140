import { ActivityFailure, patched, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { RECORDS_RETRY } from '../shared/retry.js';
import { startAsChildren } from './children.js';
import { HOUSEHOLDS_PER_TRANSACTION, IMPORT_STARTS_PATCH, MONTHS_PER_TRANSACTION, type ImportJobInput } from './definitions.js';

const steps = proxyActivities<Activities>({ startToCloseTimeout: '10 minutes', retry: { ...RECORDS_RETRY, maximumAttempts: 20 } });

/** The starts: a heartbeat each second (the page reached), so a worker that stops is noticed in two minutes and the retry goes on from there. */
const starting = proxyActivities<Activities>({ startToCloseTimeout: '24 hours', heartbeatTimeout: '2 minutes', retry: { ...RECORDS_RETRY, maximumAttempts: 20 } });

/**
 * One import of a caseload file, after the API staged it: the checks across
 * rows, the households saved a batch at a time, the months of households
 * already registered, then each saved household's workflow started from the
 * day it entered the mechanism, paced — the job's progress is in import_jobs.
 */
export async function importJobWorkflow(input: ImportJobInput): Promise<void> {
  const { jobId } = input;
  try {
    if (!input.carried) {
      await steps.checkImport({ jobId });
      while ((await steps.commitImportBatch({ jobId, limit: HOUSEHOLDS_PER_TRANSACTION })).more);
      while ((await steps.commitImportFinances({ jobId, limit: MONTHS_PER_TRANSACTION })).more);
      await steps.closeImportRows({ jobId });
    }
    // The starts from one activity, concurrent and paced (issue 19); a job that was starting them as its children goes on so.
    if (patched(IMPORT_STARTS_PATCH)) await starting.startImportedHouseholds({ jobId, openedBy: input.openedBy, startsPerSecond: input.startsPerSecond, from: input.carried ?? { started: 0, after: null } });
    else await startAsChildren(input);
    await steps.finishImport({ jobId });
  } catch (error) {
    if (error instanceof ActivityFailure) {
      await steps.finishImport({ jobId, failure: (error as Error).message });
    }
    throw error;
  }
}
