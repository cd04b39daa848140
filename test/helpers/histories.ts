import { writeFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
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
