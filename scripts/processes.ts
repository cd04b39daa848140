import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A child process whose output lines are prefixed with its name. */
export interface Managed {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  output: NodeJS.WritableStream = process.stdout,
): Managed {
  // Own process group: Ctrl-C reaches the supervisor only, which stops children in order.
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => output.write(`[${name}] ${line}\n`));
  }
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
    child.on('error', () => resolve(1));
  });
  return { name, child, exited };
}

/** Sends the signal, waits up to `graceMs`, then kills. */
export async function stopProcess(managed: Managed, signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
  if (managed.child.exitCode !== null || managed.child.signalCode !== null) return;
  managed.child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      managed.child.kill('SIGKILL');
      resolve();
    }, graceMs);
  });
  await Promise.race([managed.exited.then(() => undefined), killed]);
  clearTimeout(timer);
}

/** How long to wait before restarting a crashed child: doubling from `initialMs` to `maxMs`, back to `initialMs` once a child ran `resetAfterMs`. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly resetAfterMs: number;
}

export const RESTART_BACKOFF: Backoff = { initialMs: 1000, maxMs: 30_000, resetAfterMs: 60_000 };

/** The delay before the next restart, given the last one (undefined before the first) and how long the child ran. */
export function nextRestartDelay(backoff: Backoff, lastDelayMs: number | undefined, ranForMs: number): number {
  if (lastDelayMs === undefined || ranForMs >= backoff.resetAfterMs) return backoff.initialMs;
  return Math.min(lastDelayMs * 2, backoff.maxMs);
}

/** A child process that is started again, with backoff, whenever it exits without being told to. */
export interface Supervised {
  readonly name: string;
  /** The running child; undefined while a restart waits. */
  current(): Managed | undefined;
  /** How many times it was restarted. */
  restarts(): number;
  /** Stops restarting it and stops the running child (signal, then SIGKILL after `graceMs`). */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export function supervise(
  name: string,
  start: () => Managed,
  options: { say: (message: string) => void; backoff?: Backoff; now?: () => number; onExit?: (code: number | null) => void },
): Supervised {
  const backoff = options.backoff ?? RESTART_BACKOFF;
  const now = options.now ?? Date.now;
  let child: Managed | undefined;
  let stopped = false;
  let restarts = 0;
  let lastDelay: number | undefined;
  let timer: NodeJS.Timeout | undefined;

  const run = () => {
    const startedAt = now();
    const managed = start();
    child = managed;
    void managed.exited.then((code) => {
      if (stopped || child !== managed) return;
      child = undefined;
      const ranFor = now() - startedAt;
      lastDelay = nextRestartDelay(backoff, lastDelay, ranFor);
      restarts += 1;
      options.onExit?.(code);
      options.say(
        `the ${name} exited (${code ?? 'no code'}) after ${(ranFor / 1000).toFixed(1)} s; restart ${restarts} in ${(lastDelay / 1000).toFixed(1)} s`,
      );
      timer = setTimeout(() => {
        timer = undefined;
        if (!stopped) run();
      }, lastDelay);
    });
  };
  run();

  return {
    name,
    current: () => child,
    restarts: () => restarts,
    async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000) {
      stopped = true;
      clearTimeout(timer);
      if (child) await stopProcess(child, signal, graceMs);
    },
  };
}

export async function waitFor<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < until) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`, { cause: lastError });
}
