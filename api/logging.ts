import type { FastifyServerOptions } from 'fastify';
import { maskIdNumbersIn } from '../domain/people/id-number.js';

/** What the log keeps of a request: never the token or a password; an ID number in the query string masked; the client's address. */
interface LoggedRequest {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  /** The client's address: the connection's, or behind a trusted proxy (SHOUDI_TRUST_PROXY) the one it forwarded. */
  readonly ip?: string;
}

/** The API's logger options: the level, the redactions and the request's serializer. */
export function apiLogger(level: string, stream?: NodeJS.WritableStream): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    redact: ['req.headers.authorization', 'req.body.password'],
    // A search by ID number carries it in the query string: logged masked.
    serializers: { req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: maskIdNumbersIn(req.url), remoteAddress: req.ip }) },
    ...(stream ? { stream } : {}),
  };
}
