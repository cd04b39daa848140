import { isGrpcServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { FAILURE_STATUS, type FailureType } from '../domain/failures.js';
import { countyItemMessages, messages, screeningMessages } from '../domain/messages/catalogue.js';
import { validationMessages } from '../domain/messages/fields.js';
import { taskMessages } from '../domain/measures/task-messages.js';
import { townMessages } from '../domain/town/messages.js';
import { isDatabaseUnreachable } from '../db/unreachable.js';
import { errorSummary } from './error-summary.js';
import { fieldProblem, isValidationItem } from './validation.js';

/** An error whose message a clerk may read; thrown by routes and services. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code = 'REQUEST_REFUSED',
  ) {
    super(message);
  }
}

/**
 * What a missing workflow means, by the kind its id names (`household-…`,
 * `town-…`): the thing it stands for is not there, or has not started.
 */
const NOT_FOUND_BY_WORKFLOW: readonly (readonly [prefix: string, message: string])[] = [
  ['household-', messages.householdNotFound],
  ['town-', townMessages.cadenceNotStarted],
  ['county-', countyItemMessages.cadenceNotStarted],
  ['task-', taskMessages.taskNotFound],
  ['screening-', screeningMessages.notFound],
];

export const notFoundMessage = (workflowId: string): string =>
  NOT_FOUND_BY_WORKFLOW.find(([prefix]) => workflowId.startsWith(prefix))?.[1] ?? messages.notFound;

/** The first ApplicationFailure in the cause chain (an update refused, or failed in an activity). */
function applicationFailureIn(error: Error): ApplicationFailure | undefined {
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure) return cause;
  }
  return undefined;
}

/** gRPC's UNAVAILABLE and DEADLINE_EXCEEDED: Temporal could not be reached (after the client's own retries). */
const UNREACHABLE_CODES: readonly number[] = [14, 4];

const temporalUnreachable = (error: Error): boolean => {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (isGrpcServiceError(cause) && UNREACHABLE_CODES.includes(cause.code)) return true;
  }
  return false;
};

/** An address under the API prefix that no route serves. */
export function notFoundHandler(_request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({ error: 'NOT_FOUND', message: messages.requestRefused(404) });
}

/** The one error handler: messages are shown only below 500. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const items: readonly unknown[] = error.validation ?? [];
  if (items.length > 0 && items.every(isValidationItem)) {
    const details = items.map((item) => fieldProblem(item, error.validationContext));
    return reply.status(400).send({ error: 'INVALID_INPUT', message: validationMessages.summary(details.map((d) => d.message)), details });
  }
  if (error instanceof HttpError) {
    return reply.status(error.statusCode).send({ error: error.code, message: error.message });
  }
  if (error instanceof WorkflowNotFoundError) {
    return reply.status(404).send({ error: 'NOT_FOUND', message: notFoundMessage(error.workflowId) });
  }
  if (error instanceof WorkflowUpdateFailedError) {
    const failure = applicationFailureIn(error);
    const status = failure ? FAILURE_STATUS[(failure.type ?? '') as FailureType] : undefined;
    if (failure && status) return reply.status(status).send({ error: failure.type, message: failure.message });
  }
  const status = error.statusCode ?? 500;
  if (status < 500) {
    // Fastify's own refusals (a body that is not JSON, too large …) speak English: the clerk reads the catalogue's words.
    return reply.status(status).send({ error: error.code ?? 'BAD_REQUEST', message: messages.requestRefused(status) });
  }
  if (temporalUnreachable(error)) {
    request.log.error({ error: errorSummary(error) }, 'Temporal unreachable');
    return reply.status(503).send({ error: 'TEMPORAL_UNAVAILABLE', message: messages.temporalUnavailable });
  }
  if (isDatabaseUnreachable(error)) {
    request.log.error({ error: errorSummary(error) }, 'PostgreSQL unreachable');
    return reply.status(503).send({ error: 'DATABASE_UNAVAILABLE', message: messages.systemBusy });
  }
  // A safe summary, never the error itself: a database error quotes the row it refused.
  request.log.error({ error: errorSummary(error) }, 'request failed');
  return reply.status(500).send({ error: 'INTERNAL', message: messages.internalError });
}

/**
 * What a clerk reads about one refused item of a batch (bulk accept): the
 * message the error handler would send for it alone, or the internal error's.
 */
export function clerkMessageOf(error: unknown): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.statusCode, message: error.message };
  if (error instanceof WorkflowNotFoundError) return { status: 404, message: notFoundMessage(error.workflowId) };
  if (error instanceof WorkflowUpdateFailedError) {
    const failure = applicationFailureIn(error);
    const status = failure ? FAILURE_STATUS[(failure.type ?? '') as FailureType] : undefined;
    if (failure && status) return { status, message: failure.message };
  }
  if (error instanceof Error && temporalUnreachable(error)) return { status: 503, message: messages.temporalUnavailable };
  if (isDatabaseUnreachable(error)) return { status: 503, message: messages.systemBusy };
  return { status: 500, message: messages.internalError };
}
