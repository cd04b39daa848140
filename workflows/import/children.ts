/**
 * How an import job started its households before the starts moved into one
 * activity (issue 19, patch import-starts-activity): each household's
 * workflow a child of the job's, a page at a time, paced by a sleep, the job
 * continuing as new every 20 pages. Kept for the jobs that were starting so
 * when the code changed: they replay and finish as they began.
 */
import { continueAsNew, ParentClosePolicy, proxyActivities, sleep, startChild, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../../activities/index.js';
import type { HouseholdWorkflowInput } from '../household/definitions.js';
import { householdWorkflowId } from '../household/definitions.js';
import { householdWorkflow } from '../household/workflow.js';
import { RECORDS_RETRY } from '../shared/retry.js';
import type { ImportJobInput } from './definitions.js';
import type { importJobWorkflow } from './workflow.js';

const steps = proxyActivities<Activities>({ startToCloseTimeout: '10 minutes', retry: { ...RECORDS_RETRY, maximumAttempts: 20 } });

/** Workflow starts per page at most. */
const START_PAGE = 500;
/** Pages of workflow starts per run before the job continues as new (its history stays small). */
const PAGES_PER_RUN = 20;

export async function startAsChildren(input: ImportJobInput): Promise<void> {
  const { jobId } = input;
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
}
