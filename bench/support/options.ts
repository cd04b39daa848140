/** How many times each query runs: `--repetitions=15 --baseline-repetitions=5 --warmup=2` on the command line. */
export interface RunOptions {
  /** Measured runs of the product's query. */
  readonly repetitions: number;
  /** Measured runs of the baseline's query (slower, so fewer). */
  readonly baselineRepetitions: number;
  /** Unmeasured runs before either. */
  readonly warmup: number;
}

export function runOptions(argv: readonly string[] = process.argv): RunOptions {
  const option = (name: string, fallback: number): number => {
    const arg = argv.find((a) => a.startsWith(`--${name}=`));
    const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
    if (!Number.isInteger(value) || value < 0 || value > 1000) throw new Error(`--${name} must be an integer 0..1000`);
    return value;
  };
  return {
    repetitions: Math.max(1, option('repetitions', 15)),
    baselineRepetitions: Math.max(1, option('baseline-repetitions', 5)),
    warmup: option('warmup', 2),
  };
}

/** The report's line on the benchmark's clock and how each query was run. */
export function runsLine(now: Date, o: RunOptions): string {
  return `runs        now = ${now.toISOString()}; page size 50; per query ${o.warmup} warm-up + ${o.repetitions} measured runs (product), ${o.warmup} + ${o.baselineRepetitions} (baseline), one after the other`;
}

/** `--name value` or `--name=value` on the command line. */
export function option(name: string, argv: readonly string[] = process.argv): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = argv[i] as string;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
}

/** A whole number 1..max given as `--name N`, or the fallback when not given. */
export function count<T extends number | undefined>(name: string, fallback: T, max: number, argv: readonly string[] = process.argv): number | T {
  const text = option(name, argv);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be an integer 1..${max}`);
  return value;
}

/** Worker processes on one task queue: `--workers 1,3` runs the measure once for each count. */
export function workerCounts(argv: readonly string[] = process.argv): number[] {
  return (option('workers', argv) ?? '1').split(',').map((w) => {
    const n = Number(w);
    if (!Number.isInteger(n) || n < 1 || n > 8) throw new Error('--workers: counts 1..8, e.g. 1,3');
    return n;
  });
}

/** `--servers a,b`: each one of `known` (the fallback when not given). */
export function listOf<T extends string>(name: string, known: readonly T[], fallback: string, argv: readonly string[] = process.argv): T[] {
  const list = (option(name, argv) ?? fallback).split(',').map((s) => s.trim()) as T[];
  for (const s of list) if (!known.includes(s)) throw new Error(`--${name}: one or more of ${known.join(', ')}`);
  return list;
}
