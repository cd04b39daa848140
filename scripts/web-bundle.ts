/** The console's bundle for `npm start`: built with Vite when web/dist has none (after a fresh clone). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { WEB_DIST } from '../api/plugins/console.js';

export async function ensureWebBundle(say: (message: string) => void): Promise<void> {
  if (existsSync(path.join(WEB_DIST, 'index.html'))) return;
  say('building the console (web/dist is missing; npm run build:web rebuilds it)');
  const { build } = await import('vite');
  await build({ configFile: path.resolve(import.meta.dirname, '../web/vite.config.ts'), logLevel: 'warn' });
}
