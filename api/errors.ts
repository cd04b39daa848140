import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { messages } from '../domain/messages/catalogue.js';
import { FAILURE_STATUS, type FailureType } from '../domain/failures.js';

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

/** The first ApplicationFailure in the cause chain (an update refused, or failed in an activity). */
function applicationFailureIn(error: Error): ApplicationFailure | undefined {
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure) return cause;
  }
  return undefined;
}

/** The one error handler: messages are shown only below 500. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      field: `${error.validationContext ?? ''}${v.instancePath.replaceAll('/', '.')}`,
      message: v.message ?? messages.invalidInput,
    }));
    const summary = details.map((d) => `${d.field}：${d.message}`).join('；');
    return reply.status(400).send({ error: 'INVALID_INPUT', message: `${messages.invalidInput}：${summary}`, details });
  }
  if (error instanceof HttpError) {
    return reply.status(error.statusCode).send({ error: error.code, message: error.message });
  }
  if (error instanceof WorkflowNotFoundError) {
    return reply.status(404).send({ error: 'NOT_FOUND', message: messages.householdNotFound });
  }
  if (error instanceof WorkflowUpdateFailedError) {
    const failure = applicationFailureIn(error);
    const status = failure ? FAILURE_STATUS[(failure.type ?? '') as FailureType] : undefined;
    if (failure && status) return reply.status(status).send({ error: failure.type, message: failure.message });
  }
  const status = error.statusCode ?? 500;
  if (status < 500) {
    return reply.status(status).send({ error: error.code ?? 'BAD_REQUEST', message: error.message });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.status(500).send({ error: 'INTERNAL', message: messages.internalError });
}
