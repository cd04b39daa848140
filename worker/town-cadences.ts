/**
 * Every town keeps its cadence in a workflow of its own (`town-<townId>`). The
 * worker makes sure each town has one when it starts: a town added since, or
 * one whose workflow was ended, gets it at the next start; a running one is
 * left as it is. `npm start` runs the worker process after migrating and
 * seeding, so it needs no call of its own.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { townWorkflowId, type TownWorkflowInput } from '../workflows/town/definitions.js';
import type { townWorkflow } from '../workflows/town/workflow.js';

export interface TownCadences {
  /** Towns whose workflow this call started. */
  readonly started: readonly string[];
  /** Towns whose workflow was already running. */
  readonly running: readonly string[];
}

export async function ensureTownCadences(deps: { client: Client; db: Kysely<Database>; taskQueue: string }): Promise<TownCadences> {
  const towns = await deps.db
    .selectFrom('jurisdictions as t')
    .innerJoin('jurisdictions as c', 'c.id', 't.parent_id')
    .select(['t.id as townId', 'c.id as countyId'])
    .where('t.level', '=', 'town')
    .where('c.level', '=', 'county')
    .orderBy('t.id')
    .execute();
  const started: string[] = [];
  const running: string[] = [];
  for (const { townId, countyId } of towns) {
    const input: TownWorkflowInput = { version: 1, townId, countyId };
    try {
      await deps.client.workflow.start<typeof townWorkflow>('townWorkflow', { taskQueue: deps.taskQueue, workflowId: townWorkflowId(townId), args: [input] });
      started.push(townId);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      running.push(townId);
    }
  }
  return { started, running };
}
