/**
 * The paced part of an import, its workflow starts (issue 19): an import job
 * whose rows are saved, run from its start phase (as after its save) by the
 * system's worker in a process of its own, on the dev server as `npm start`
 * runs it — the same measure as bench:import-starts (which adds the bare
 * engine's starts beside it); bench:imports watches it for a while after
 * its own import.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Actor } from '../../domain/access/roles.js';
import { importJobsRepo } from '../../db/repositories/import-jobs.js';
import { parseConfig } from '../../platform/config.js';
import { LOCAL_ROLES } from '../../platform/embedded-postgres.js';
import { urlAs } from '../../scripts/database.js';
import { stopProcess } from '../../scripts/processes.js';
import { importJobWorkflowId, type ImportJobInput } from '../../workflows/import/definitions.js';
import { startWorker } from '../county-month/engine.js';
import { startServer } from '../county-month/servers.js';

/** The job's workflow from its start phase, as the import leaves it once its rows are saved. */
export function startImportJob(client: Client, taskQueue: string, jobId: string, openedBy: Actor, startsPerSecond: number): Promise<WorkflowHandle> {
  const input: ImportJobInput = { version: 1, jobId, openedBy, startsPerSecond, carried: { started: 0, after: null } };
  return client.workflow.start('importJobWorkflow', { taskQueue, workflowId: importJobWorkflowId(jobId), args: [input] });
}

export interface StartsMeasured {
  readonly started: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly finished: boolean;
}

/** The job's starts watched for at most `forSeconds`: how many household workflows it started, at what rate. */
export async function measureWorkflowStarts(
  run: { url: string; superuserUrl: string; db: Kysely<Database> },
  jobId: string,
  openedBy: Actor,
  startsPerSecond: number,
  forSeconds: number,
): Promise<StartsMeasured> {
  const say = (m: string) => process.stdout.write(`  ${m}\n`);
  const server = await startServer('dev', { superuserUrl: run.superuserUrl, cacheDir: parseConfig(process.env).SHOUDI_CACHE_DIR, say });
  const taskQueue = `bench-imports-${randomUUID()}`;
  try {
    const worker = await startWorker({ ...process.env, BENCH_WORKFLOWS: 'household', DATABASE_URL: urlAs(run.url, LOCAL_ROLES.app), TEMPORAL_ADDRESS: server.address, BENCH_TASK_QUEUE: taskQueue }, process.stderr);
    const connection = await Connection.connect({ address: server.address });
    try {
      const handle = await startImportJob(new Client({ connection, namespace: 'default' }), taskQueue, jobId, openedBy, startsPerSecond);
      const begun = performance.now();
      let job = await importJobsRepo(run.db).findById(jobId);
      while (job && job.status !== 'done' && job.status !== 'failed' && performance.now() - begun < forSeconds * 1000) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        job = await importJobsRepo(run.db).findById(jobId);
      }
      const seconds = (performance.now() - begun) / 1000;
      const finished = job?.status === 'done';
      if (!finished) await handle.terminate('the benchmark measured enough starts');
      const started = job?.workflows_started ?? 0;
      return { started, seconds, perSecond: started / seconds, finished };
    } finally {
      await connection.close();
      await stopProcess(worker, 'SIGTERM', 10_000);
    }
  } finally {
    await server.stop();
  }
}
