/**
 * Where the kills fall: for each process, `killsPerProcess` points on the count
 * of steps begun, drawn by a seeded generator (the same seed, the same
 * schedule), between 5 % and 85 % of all the run's steps so that every kill
 * happens while households are in flight. A point reached while its process is
 * still down waits until it is back: every kill hits a running process.
 */
import { PROCESSES, type ChaosSystem, type ProcessName, until } from './system.js';
import type { Traffic } from './journeys.js';

/** mulberry32: a small seeded generator, [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Kill {
  readonly process: ProcessName;
  /** Killed when this many steps have begun. */
  readonly atStep: number;
}

export function killSchedule(seed: number, totalSteps: number, killsPerProcess: number): Kill[] {
  const random = seededRandom(seed);
  const [from, to] = [Math.floor(totalSteps * 0.05), Math.floor(totalSteps * 0.85)];
  const kills: Kill[] = [];
  for (const process of PROCESSES) for (let i = 0; i < killsPerProcess; i++) kills.push({ process, atStep: from + Math.floor(random() * (to - from)) });
  return kills.sort((a, b) => a.atStep - b.atStep || PROCESSES.indexOf(a.process) - PROCESSES.indexOf(b.process));
}

/** Carries out the schedule as the traffic advances; answers the kills done per process. */
export async function injectFaults(system: ChaosSystem, schedule: readonly Kill[], traffic: Traffic, say: (message: string) => void): Promise<Record<ProcessName, number>> {
  const done = Object.fromEntries(PROCESSES.map((p) => [p, 0])) as Record<ProcessName, number>;
  for (const kill of schedule) {
    await until(() => traffic.stepsStarted >= kill.atStep, `step ${kill.atStep}`, 30 * 60_000);
    await until(() => system.isUp(kill.process), `${kill.process} before its kill`);
    if (system.kill(kill.process)) {
      done[kill.process] += 1;
      say(`kill -9 ${kill.process} at step ${traffic.stepsStarted} (scheduled ${kill.atStep}), ${traffic.requests} requests sent`);
    }
  }
  return done;
}
