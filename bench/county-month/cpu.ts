/**
 * CPU time by process from /proc (Linux): a process's own user + system time,
 * and PostgreSQL's as its postmaster's, its children's that have ended, and
 * those of every backend still running.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const HZ = 100;

interface Stat {
  readonly ppid: number;
  readonly own: number;
  readonly children: number;
}

function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which is in parentheses and may hold spaces).
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  } catch {
    return undefined;
  }
}

/** A process's CPU seconds so far (0 once it has gone). */
export function cpuOf(pid: number | undefined): number {
  return pid === undefined ? 0 : (stat(pid)?.own ?? 0) / HZ;
}

/** PostgreSQL's CPU seconds so far: the postmaster, its ended children, and its running ones. */
export function postgresCpu(postmasterPid: number): number {
  const root = stat(postmasterPid);
  if (!root) return 0;
  let ticks = root.own + root.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s?.ppid === postmasterPid) ticks += s.own;
  }
  return ticks / HZ;
}

/** The postmaster of a backend: its parent. */
export function parentOf(pid: number): number {
  const s = stat(pid);
  if (!s) throw new Error(`no process ${pid}`);
  return s.ppid;
}

export interface CpuSample {
  readonly server: number;
  readonly worker: number;
  readonly postgres: number;
  readonly bench: number;
}

export function sampleCpu(pids: { server: () => number | undefined; workers: () => ReadonlyArray<number | undefined>; postmaster: number }): CpuSample {
  const own = process.cpuUsage();
  return {
    server: cpuOf(pids.server()),
    worker: pids.workers().reduce<number>((sum, pid) => sum + cpuOf(pid), 0),
    postgres: postgresCpu(pids.postmaster),
    bench: (own.user + own.system) / 1e6,
  };
}

export function cpuBetween(a: CpuSample, b: CpuSample): CpuSample {
  return { server: b.server - a.server, worker: b.worker - a.worker, postgres: b.postgres - a.postgres, bench: b.bench - a.bench };
}

/** A process's resident memory in MiB (VmRSS of /proc/<pid>/status; 0 once it has gone). */
export function rssMbOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}
