/** Fetches the Temporal dev server (CLI) and the time-skipping test server into the cache folder. */
import { loadConfigOrExit } from '../platform/config.js';
import { ensureTemporalBinaries } from '../platform/temporal-binaries.js';

const config = loadConfigOrExit();
const result = await ensureTemporalBinaries(config.SHOUDI_CACHE_DIR, (m) => process.stdout.write(`${m}\n`));
process.stdout.write(`temporal CLI: ${result.cli ?? "(SDK download)"}\ntest server: ${result.testServer ?? '(SDK download)'}\n`);
