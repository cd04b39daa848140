import { ActivityFailure, continueAsNew, ParentClosePolicy, proxyActivities, sleep, startChild, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../../activities/index.js';
import type { HouseholdWorkflowInput } from '../household/definitions.js';
import { householdWorkflowId } from '../household/definitions.js';
import { householdWorkflow } from '../household/workflow.js';
import { RECORDS_RETRY } from '../shared/retry.js';
import { HOUSEHOLDS_PER_TRANSACTION, MONTHS_PER_TRANSACTION, type ImportJobInput } from './definitions.js';

const steps = proxyActivities<Activities>({ startToCloseTimeout: '10 minutes', retry: { ...RECORDS_RETRY, maximumAttempts: 20 } });

/** Workflow starts per page at most. */
const START_PAGE = 500;
/** Pages of workflow starts per run before the job continues as new (its history stays small). */
const PAGES_PER_RUN = 20;

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
    let started = input.carried?.started ?? 0;
    let after = input.carried?.after ?? null;
    const page = Math.max(1, Math.min(START_PAGE, input.startsPerSecond));
    for (let pages = 0; ; pages += 1) {
      if (pages >= PAGES_PER_RUN || workflowInfo().continueAsNewSuggested) {
        await continueAsNew<typeof importJobWorkflow>({ ...input, carried: { started, after } });
      }
      const households = await steps.importedHouseholds({ jobId, after, limit: page });
      if (households.length === 0) break;
      await Promise.all(
        households.map(async (h) => {
          const child: HouseholdWorkflowInput = { version: 1, householdId: h.householdId, place: h.place, channel: 'cadre_visit', openedBy: input.openedBy, registeredAt: h.registeredAt };
          try {
            await startChild(householdWorkflow, { workflowId: householdWorkflowId(h.householdId), args: [child], parentClosePolicy: ParentClosePolicy.ABANDON });
          } catch (error) {
            if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          }
        }),
      );
      started += households.length;
      after = households[households.length - 1]!.householdId;
      await steps.recordImportStarts({ jobId, started });
      if (households.length === page) await sleep(Math.ceil((households.length / input.startsPerSecond) * 1000));
    }
    await steps.finishImport({ jobId });
  } catch (error) {
    if (error instanceof ActivityFailure) {
      await steps.finishImport({ jobId, failure: (error as Error).message });
    }
    throw error;
  }
}
