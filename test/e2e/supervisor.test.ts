import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextRestartDelay, RESTART_BACKOFF, startProcess, supervise, type Supervised } from '../../scripts/processes.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { freePort } from '../helpers/ports.js';
import { eventually } from '../helpers/wait.js';

describe('the restart backoff', () => {
  it('doubles from 1 s to 30 s, and starts at 1 s again after a minute of running', () => {
    const delays: number[] = [];
    let last: number | undefined;
    for (let i = 0; i < 7; i++) delays.push((last = nextRestartDelay(RESTART_BACKOFF, last, 5_000)));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(nextRestartDelay(RESTART_BACKOFF, 30_000, 60_000)).toBe(1000);
  });
});

/**
 * `npm start`'s supervisor with the real API process (api/server.ts, as `npm
 * start` runs it, on its own database as the app's role; its Temporal
 * connection is lazy, so no Temporal server is needed): killed with SIGKILL, it
 * comes back on its port, with a longer wait each time, and is not started
 * again once stopped.
 */
describe('the supervisor of npm start', () => {
  let t: TestDatabase;
  let api: Supervised | undefined;
  const said: string[] = [];
  let port: number;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: false });
    port = await freePort();
  });
  afterAll(async () => {
    await api?.stop('SIGTERM', 5000);
    await t?.destroy();
  });

  const answers = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/health`);
    return (await response.json()) as { api: string };
  };

  it('starts a killed API again, with backoff, and says so', async () => {
    const env = {
      ...process.env,
      DATABASE_URL: t.url,
      TEMPORAL_ADDRESS: '127.0.0.1:1',
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    const entry = fileURLToPath(new URL('../../api/server.ts', import.meta.url));
    api = supervise('API', () => startProcess('api', process.execPath, ['--import', 'tsx', entry], env, discard()), {
      say: (message) => said.push(message),
      backoff: { initialMs: 100, maxMs: 1000, resetAfterMs: 60_000 },
    });
    const supervised = api;

    const pids: number[] = [];
    for (let kill = 1; kill <= 2; kill++) {
      await eventually(async () => expect((await answers()).api).toBe('up'));
      const pid = supervised.current()?.child.pid;
      expect(pid).toBeTypeOf('number');
      pids.push(pid!);
      process.kill(pid!, 'SIGKILL');
      await eventually(() => expect(supervised.restarts()).toBe(kill));
    }
    await eventually(async () => expect((await answers()).api).toBe('up'));
    const pid = supervised.current()?.child.pid;
    expect(pids).not.toContain(pid);
    expect(said).toEqual([
      expect.stringMatching(/^the API exited \(128\) after [\d.]+ s; restart 1 in 0\.1 s$/),
      expect.stringMatching(/^the API exited \(128\) after [\d.]+ s; restart 2 in 0\.2 s$/),
    ]);

    const running = supervised.current()!;
    await supervised.stop('SIGTERM', 5000);
    expect(await running.exited).toBe(0);
    expect(supervised.current()).toBe(running);
    expect(supervised.restarts()).toBe(2);
    await expect(answers()).rejects.toThrow();
  });
});

function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

