/**
 * PostgreSQL could not be reached or dropped the connection: it is down, restarting or in recovery. The request
 * did not fail for what it asked; the same request later may well succeed (the API answers 503 系统繁忙, and the
 * console resends it with its idempotency key, instead of 500, which it would not resend).
 */
const CONNECTION_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);
const CONNECTION_LOST = /^Connection terminated|^connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/;

export function isDatabaseUnreachable(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    // SQLSTATE class 08: connection exception.
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (CONNECTION_LOST.test(cause.message)) return true;
    if (cause instanceof AggregateError && cause.errors.some(isDatabaseUnreachable)) return true;
  }
  return false;
}
