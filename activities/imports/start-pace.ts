/**
 * The pace of an import's workflow starts (issue 19): as many starts in
 * flight as the server answers quickly, never more than the job's rate. The
 * window of starts in flight grows by one per window of starts answered
 * (additive increase) and halves when the server says it is overloaded
 * ("resource exhausted", multiplicative decrease), so the starts settle at the
 * rate the server sustains; the rate is a ceiling kept by spacing the starts.
 */
export interface PaceOptions {
  /** Starts per second at most. */
  readonly perSecond: number;
  /** Starts in flight at the beginning and at most. */
  readonly initialWindow: number;
  readonly maxWindow: number;
}

export const DEFAULT_PACE: Omit<PaceOptions, 'perSecond'> = { initialWindow: 8, maxWindow: 64 };

export class StartPace {
  private window: number;
  private inFlight = 0;
  private nextAt = 0;
  private readonly waiting: Array<() => void> = [];
  /** Times the server said it was overloaded. */
  exhausted = 0;

  constructor(private readonly options: PaceOptions, private readonly clock: () => number = () => performance.now()) {
    this.window = Math.max(1, Math.min(options.initialWindow, options.maxWindow));
  }

  /** Starts in flight allowed now. */
  get allowed(): number {
    return Math.floor(this.window);
  }

  /** Waits for a place in the window and for the start's moment under the rate; then the start may go. */
  async acquire(): Promise<void> {
    while (this.inFlight >= this.allowed) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight += 1;
    const now = this.clock();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + 1000 / this.options.perSecond;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  /** The start was answered (started, or found started already): the window grows by one per window answered. */
  answered(): void {
    this.window = Math.min(this.options.maxWindow, this.window + 1 / this.window);
    this.release();
  }

  /** The server was overloaded: the window halves; the caller waits `backoffMs` and tries the same start again. */
  overloaded(attempt: number): number {
    this.exhausted += 1;
    this.window = Math.max(1, this.window / 2);
    this.release();
    return Math.min(30_000, 250 * 2 ** attempt);
  }

  /** The start failed otherwise: its place is given back. */
  failed(): void {
    this.release();
  }

  private release(): void {
    this.inFlight -= 1;
    // Each waiter looks again at the window (it may have shrunk).
    for (const wake of this.waiting.splice(0)) wake();
  }
}

/** gRPC's RESOURCE_EXHAUSTED (8), however the client wraps it. */
export function isResourceExhausted(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === 8 || code === 'RESOURCE_EXHAUSTED') return true;
    if (typeof message === 'string' && /RESOURCE_EXHAUSTED|resource exhausted/i.test(message)) return true;
  }
  return false;
}
