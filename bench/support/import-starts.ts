/**
 * The paced part of an import, measured on its own: an import job whose rows
 * are saved is run from its workflow starts (as after continue-as-new), on the
 * Temporal dev server with the system's worker, for a while; answers how many
 * household workflows it started and at what rate, against the pace it was set.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Actor } from '../../domain/access/roles.js';
import { importJobsRepo } from '../../db/repositories/import-jobs.js';
import { parseConfig } from '../../platform/config.js';
import { ensureTemporalBinaries } from '../../platform/temporal-binaries.js';
import { createShoudiWorker } from '../../worker/create-worker.js';
import { importJobWorkflowId, type ImportJobInput } from '../../workflows/import/definitions.js';

export interface StartsMeasured {
  readonly started: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly finished: boolean;
}

export async function measureWorkflowStarts(db: Kysely<Database>, jobId: string, openedBy: Actor, startsPerSecond: number, forSeconds: number): Promise<StartsMeasured> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const binaries = await ensureTemporalBinaries(parseConfig(process.env).SHOUDI_CACHE_DIR);
  const env = await TestWorkflowEnvironment.createLocal({ server: { executable: binaries.cli ? { type: 'existing-path', path: binaries.cli } : { type: 'cached-download' }, ip: '127.0.0.1' } });
  try {
    const worker = await createShoudiWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue: 'bench-imports', db, shutdownGraceTime: '1 second' });
    const running = worker.run();
    try {
      const input: ImportJobInput = { version: 1, jobId, openedBy, startsPerSecond, carried: { started: 0, after: null } };
      const handle = await env.client.workflow.start('importJobWorkflow', { taskQueue: 'bench-imports', workflowId: importJobWorkflowId(jobId), args: [input] });
      const begun = performance.now();
      let job = await importJobsRepo(db).findById(jobId);
      while (job && job.status !== 'done' && job.status !== 'failed' && performance.now() - begun < forSeconds * 1000) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        job = await importJobsRepo(db).findById(jobId);
      }
      const seconds = (performance.now() - begun) / 1000;
      const finished = job?.status === 'done';
      if (!finished) await handle.terminate('the benchmark measured enough starts');
      const started = job?.workflows_started ?? 0;
      return { started, seconds, perSecond: started / seconds, finished };
    } finally {
      worker.shutdown();
      await running;
    }
  } finally {
    await env.teardown();
  }
}
