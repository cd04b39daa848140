/**
 * An import's household workflows started from one activity (issue 19): a
 * page of saved households at a time, the starts of a page concurrent under
 * the pace (start-pace.ts: the window the server answers, the job's rate at
 * most, halved and retried on "resource exhausted"), the job's count and the
 * activity's heartbeat — the page reached — after each page. Started from the
 * import job workflow these starts cost its history nothing (a child's start
 * was two events and a workflow task of the job's each, one at a time). A
 * retry goes on from the last heartbeat; a household already started counts
 * as started, so none starts twice.
 */
import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Actor, HouseholdPlace } from '../../domain/access/roles.js';
import { householdsToStart } from '../../db/repositories/import-commit.js';
import { importJobsRepo } from '../../db/repositories/import-jobs.js';
import { DEFAULT_PACE, isResourceExhausted, StartPace } from './start-pace.js';

/** The household workflow's id and input (workflows/household/definitions.ts): activities do not import workflow code. */
const householdWorkflowId = (householdId: string) => `household-${householdId}`;
interface HouseholdWorkflowInput {
  readonly version: 1;
  readonly householdId: string;
  readonly place: HouseholdPlace;
  readonly channel: 'cadre_visit';
  readonly openedBy: Actor;
  readonly registeredAt: number;
}

const SHANGHAI_MIDNIGHT = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

/** Households read per page (one query, one count and one heartbeat each). */
export const START_PAGE = 500;

export interface StartProgress {
  readonly started: number;
  /** The last household id of the pages done. */
  readonly after: string | null;
}

export interface StartImportedInput {
  readonly jobId: string;
  readonly openedBy: Actor;
  readonly startsPerSecond: number;
  /** Where an earlier run of the job left off (continue-as-new of the job before this activity). */
  readonly from: StartProgress;
  /** Starts in flight at most (the pace's window; tests and benchmarks). */
  readonly maxInFlight?: number;
}

export interface StartImportedResult extends StartProgress {
  /** Times the server answered "resource exhausted" (each start retried after a pause). */
  readonly exhausted: number;
}

export function createImportStartActivities(deps: { db: Kysely<Database>; client?: Client }) {
  const { db } = deps;

  /** Starts one household's workflow; answers when it has one (started now, or before: an id is never reused). */
  async function startOne(client: Client, taskQueue: string, pace: StartPace, input: HouseholdWorkflowInput, cancelled: () => boolean): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      await pace.acquire();
      try {
        await client.workflow.start('householdWorkflow', { taskQueue, workflowId: householdWorkflowId(input.householdId), args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
        pace.answered();
        return;
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) {
          pace.answered();
          return;
        }
        if (!isResourceExhausted(error) || cancelled()) {
          pace.failed();
          throw error;
        }
        const pause = pace.overloaded(attempt);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  return {
    async startImportedHouseholds(input: StartImportedInput): Promise<StartImportedResult> {
      const { client } = deps;
      if (!client) throw new Error('startImportedHouseholds needs the worker’s Temporal client');
      const context = Context.current();
      const taskQueue = context.info.taskQueue;
      const resumed = context.info.heartbeatDetails as StartProgress | undefined;
      let { started, after } = resumed ?? input.from;
      const pace = new StartPace({ ...DEFAULT_PACE, ...(input.maxInFlight ? { maxWindow: input.maxInFlight, initialWindow: Math.min(DEFAULT_PACE.initialWindow, input.maxInFlight) } : {}), perSecond: input.startsPerSecond });
      let cancelled = false;
      context.cancelled.catch(() => (cancelled = true));
      const beat = setInterval(() => context.heartbeat({ started, after } satisfies StartProgress), 1000);
      try {
        for (;;) {
          const page = await householdsToStart(db, input.jobId, after, START_PAGE);
          if (page.length === 0) break;
          await Promise.all(
            page.map((h) =>
              startOne(
                client,
                taskQueue,
                pace,
                {
                  version: 1,
                  householdId: h.id,
                  place: { countyId: h.county_id, townId: h.town_id, villageId: h.village_id, groupId: h.group_id },
                  channel: 'cadre_visit',
                  openedBy: input.openedBy,
                  registeredAt: SHANGHAI_MIDNIGHT(h.entered_on!),
                },
                () => cancelled,
              ),
            ),
          );
          started += page.length;
          after = page[page.length - 1]!.id;
          await importJobsRepo(db).setWorkflowsStarted(input.jobId, started);
          context.heartbeat({ started, after } satisfies StartProgress);
          if (cancelled) throw new Error('the import job was cancelled while starting its households');
          if (page.length < START_PAGE) break;
        }
        return { started, after, exhausted: pace.exhausted };
      } finally {
        clearInterval(beat);
      }
    },
  };
}
