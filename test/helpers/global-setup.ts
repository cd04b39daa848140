/**
 * Once per test run: fetch the Temporal binaries if missing, start one real
 * PostgreSQL (unless DATABASE_URL is set: then a superuser's, or one with
 * CREATEROLE and CREATEDB), create the system's two roles in it, and bundle the
 * workflow code once.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { parseConfig } from '../../platform/config.js';
import { LOCAL_ROLES, startEmbeddedPostgres } from '../../platform/embedded-postgres.js';
import { ensureRoles } from '../../scripts/database.js';
import { ensureTemporalBinaries } from '../../platform/temporal-binaries.js';
import { workflowsPath } from '../../worker/create-worker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser's: only for creating each test file's database (test/helpers/database.ts). */
    databaseUrl: string;
    temporalCli: string | null;
    temporalTestServer: string | null;
    workflowBundlePath: string;
    recordHistories: boolean;
  }
}

export default async function setup(project: TestProject) {
  const config = parseConfig(process.env);
  const work = await mkdtemp(path.join(os.tmpdir(), 'shoudi-test-'));
  // The postgres system user must be able to reach its data directory inside.
  await chmod(work, 0o755);

  const binaries = await ensureTemporalBinaries(config.SHOUDI_CACHE_DIR);

  let stopPostgres = async () => {};
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(work, 'postgres'), port, persistent: false });
    databaseUrl = pg.url;
    stopPostgres = () => pg.stop();
  }
  await ensureRoles(databaseUrl, LOCAL_ROLES);

  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), logger: quietLogger });
  const workflowBundlePath = path.join(work, 'workflow-bundle.js');
  await writeFile(workflowBundlePath, code);

  project.provide('databaseUrl', databaseUrl);
  project.provide('temporalCli', binaries.cli ?? null);
  project.provide('temporalTestServer', binaries.testServer ?? null);
  project.provide('workflowBundlePath', workflowBundlePath);
  project.provide('recordHistories', config.SHOUDI_RECORD_HISTORIES);

  return async () => {
    await stopPostgres();
    await rm(work, { recursive: true, force: true });
  };
}

const noop = () => {};
const quietLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: (m: string) => process.stderr.write(`${m}\n`), log: noop };
