import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Every refusal and failure the API answers has this body (api/errors.ts): a code, the people's message, and each field's problem for a refused input. */
const refusal = z.object({
  error: z.string().describe('a code for programs; people read `message`'),
  message: z.string().describe('what went wrong, in Chinese words a clerk reads'),
  details: z
    .array(z.object({ field: z.string(), label: z.string(), message: z.string() }))
    .optional()
    .describe('for 400 INVALID_INPUT: each field refused, by its label'),
});
const refusalSchema = z.toJSONSchema(refusal, { target: 'openapi-3.0' });

/** The statuses any route may answer beside its own success, and when (the error handler in api/errors.ts). */
export const ERROR_RESPONSES: Readonly<Record<number, string>> = {
  400: 'Input refused: a field missing, malformed or out of range (`details` names each), or a request the workflow refuses as invalid',
  401: 'Not logged in, or the session expired',
  403: 'Outside the user’s jurisdiction, department or role',
  404: 'No such record, or an address no route serves',
  409: 'Not possible in the record’s present step, or the county’s policy profile missing or incomplete',
  413: 'The body is too large',
  415: 'The body is not JSON',
  500: 'An internal failure; the message says only that',
  503: 'Temporal or PostgreSQL unreachable, or no worker took the change within its deadline: resend it with the same Idempotency-Key',
};

/**
 * The zod transform of the OpenAPI document, with every operation's error
 * responses documented beside its success (before, each listed only its 200):
 * a client — or a fuzzer checking that every answer is documented — knows each
 * status and its body.
 */
export const documentedTransform: typeof jsonSchemaTransform = (input) => {
  const transformed = jsonSchemaTransform(input);
  const schema = transformed.schema as { response?: Record<string, unknown>; hide?: boolean } | undefined;
  // A route without a schema (not in the document) or hidden from it stays as it is.
  if (!schema || schema.hide) return transformed;
  const errors = Object.fromEntries(Object.entries(ERROR_RESPONSES).map(([status, description]) => [status, { ...refusalSchema, description }]));
  return { ...transformed, schema: { ...schema, response: { ...errors, ...schema.response } } };
};
