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
