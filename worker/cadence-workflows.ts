/**
 * Every town keeps its cadence in a workflow of its own (`town-<townId>`), and
 * every county its monthly digest (`county-<countyId>`). The worker makes sure
 * each has one when it starts: one added since, or one whose workflow was
 * ended, gets it at the next start; a running one is left as it is. `npm start`
 * runs the worker process after migrating and seeding, so it needs no call of
 * its own.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { townWorkflowId, type TownWorkflowInput } from '../workflows/town/definitions.js';
import type { townWorkflow } from '../workflows/town/workflow.js';
import { countyWorkflowId, type CountyWorkflowInput } from '../workflows/county/definitions.js';
import type { countyWorkflow } from '../workflows/county/workflow.js';

export interface CadenceWorkflows {
  /** Towns and counties whose workflow this call started. */
  readonly started: readonly string[];
  /** Towns and counties whose workflow was already running. */
  readonly running: readonly string[];
}

export async function ensureCadenceWorkflows(deps: { client: Client; db: Kysely<Database>; taskQueue: string }): Promise<CadenceWorkflows> {
  const towns = await deps.db
    .selectFrom('jurisdictions as t')
    .innerJoin('jurisdictions as c', 'c.id', 't.parent_id')
    .select(['t.id as townId', 'c.id as countyId'])
    .where('t.level', '=', 'town')
    .where('c.level', '=', 'county')
    .orderBy('t.id')
    .execute();
  const counties = await deps.db.selectFrom('jurisdictions').select('id').where('level', '=', 'county').orderBy('id').execute();
  const started: string[] = [];
  const running: string[] = [];
  const ensure = async (id: string, start: () => Promise<unknown>) => {
    try {
      await start();
      started.push(id);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      running.push(id);
    }
  };
  for (const { townId, countyId } of towns) {
    const input: TownWorkflowInput = { version: 1, townId, countyId };
    await ensure(townId, () => deps.client.workflow.start<typeof townWorkflow>('townWorkflow', { taskQueue: deps.taskQueue, workflowId: townWorkflowId(townId), args: [input] }));
  }
  for (const { id } of counties) {
    const input: CountyWorkflowInput = { version: 1, countyId: id };
    await ensure(id, () => deps.client.workflow.start<typeof countyWorkflow>('countyWorkflow', { taskQueue: deps.taskQueue, workflowId: countyWorkflowId(id), args: [input] }));
  }
  return { started, running };
}
