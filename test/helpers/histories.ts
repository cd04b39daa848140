import { writeFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import { historyToJSON, type History } from '@temporalio/common/lib/proto-utils.js';
import { inject } from 'vitest';

/** Where the recorded histories live; the replay test runs every one of them. */
export const HISTORIES_DIR = new URL('../workflows/histories/', import.meta.url);

/**
 * Saves a scenario's history (one run of it) for the replay test when the
 * suite runs with SHOUDI_RECORD_HISTORIES=1 (`npm run record:histories`);
 * otherwise does nothing. Recorded once from the code that made them, they
 * stand for households already running when the code changes.
 */
export async function keepHistory(client: Client, name: string, workflowId: string, runId?: string): Promise<void> {
  if (!inject('recordHistories')) return;
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  await writeFile(new URL(`${name}.json`, HISTORIES_DIR), `${historyToJSON(history)}\n`);
}

/** Every run of a workflow, newest first: its history length and whether it ended by continuing as new. */
export async function runsOf(client: Client, workflowId: string) {
  const out: { runId: string; events: number; continuedAsNew: boolean }[] = [];
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history: History = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    out.push({ runId, events: events.length, continuedAsNew: Boolean(events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes) });
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return out;
}
