import { maskIdNumbersIn } from '../domain/people/id-number.js';
import { withoutUndefined } from './without-undefined.js';

/**
 * What the log keeps of an unexpected error (a 500): enough to find the fault, nothing of the
 * row it was working on. A database error's message and detail quote the values
 * (`Key (id_number)=(…) already exists`, `invalid input syntax … "张三"`), so only its SQLSTATE and
 * the names of the constraint, table and column are kept; another error keeps its message with ID
 * numbers masked, cut short. The stack keeps its frames, never its first line (the message again).
 */
export interface ErrorSummary {
  readonly type: string;
  readonly code?: string;
  readonly message?: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly column?: string;
  readonly frames?: string;
  readonly cause?: ErrorSummary;
}

const MESSAGE_LIMIT = 300;
const FRAME_LIMIT = 12;
const CAUSE_DEPTH = 4;

/** pg's DatabaseError (and anything shaped like it): a five-character SQLSTATE and a severity. */
function isDatabaseError(error: Error): error is Error & { code: string; constraint?: string; table?: string; column?: string } {
  const e = error as Error & { code?: unknown; severity?: unknown };
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

const shortName = (value: unknown): string | undefined => (typeof value === 'string' && /^[\w.-]{1,64}$/.test(value) ? value : undefined);

function framesOf(error: Error): string | undefined {
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, FRAME_LIMIT);
  return frames.length > 0 ? frames.map((f) => f.trim()).join('\n') : undefined;
}

export function errorSummary(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) return { type: typeof error };
  const type = shortName(error.name) ?? shortName(error.constructor?.name) ?? 'Error';
  const frames = framesOf(error);
  const cause = depth < CAUSE_DEPTH && error.cause !== undefined ? errorSummary(error.cause, depth + 1) : undefined;
  if (isDatabaseError(error)) {
    return withoutUndefined({ type, code: error.code, constraint: shortName(error.constraint), table: shortName(error.table), column: shortName(error.column), frames, cause });
  }
  const code = shortName((error as { code?: unknown }).code);
  const message = maskIdNumbersIn(error.message).slice(0, MESSAGE_LIMIT);
  return withoutUndefined({ type, code, message, frames, cause });
}
