import { readdir, readFile } from 'node:fs/promises';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { HISTORIES_DIR } from '../helpers/histories.js';

const files = (await readdir(HISTORIES_DIR)).filter((f) => f.endsWith('.json')).sort();

/**
 * Histories recorded from earlier code (npm run record:histories) replayed on
 * the current code: a change that would break households, towns or tasks
 * already running fails here, until it goes through patched().
 */
describe('recorded histories replay on the current workflow code', () => {
  it('has histories of every long-lived workflow type to replay', async () => {
    const types = new Set<string>();
    for (const file of files) {
      const history = historyFromJSON(JSON.parse(await readFile(new URL(file, HISTORIES_DIR), 'utf8')));
      types.add(history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '');
    }
    expect([...types].sort()).toEqual(['countyWorkflow', 'householdWorkflow', 'importJobWorkflow', 'measureTaskWorkflow', 'screeningCampaignWorkflow', 'townWorkflow']);
  });

  it.each(files)('%s', async (file) => {
    const history = historyFromJSON(JSON.parse(await readFile(new URL(file, HISTORIES_DIR), 'utf8')));
    await Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, file.replace(/\.json$/, ''));
  });
});
