import { AsyncLocalStorage } from 'node:async_hooks';
import { WorkflowUpdateStage, type WorkflowHandle, type WorkflowUpdateOptions } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { messages } from '../domain/messages/catalogue.js';
import { HttpError } from './errors.js';

/** How long a request waits for a worker to accept its update before the clerk is told to try again (default). */
export const UPDATE_ACCEPT_DEADLINE_MS = 15_000;

/** What a request carries to the updates it makes: the client's idempotency key, and how long to wait for a worker. */
interface UpdateContext {
  readonly key: string | undefined;
  readonly acceptDeadlineMs: number;
}

const context = new AsyncLocalStorage<UpdateContext>();

/** `Idempotency-Key`: one per action the person takes, sent again unchanged when the action is resent. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_SHAPE = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * Runs the rest of the request with its update context: the `Idempotency-Key`
 * header (refused unless 8–128 letters, digits or `_.:-`) and the deadline.
 * Register as an onRequest hook (callback style, so the context wraps the
 * request's whole life).
 */
export function withUpdateContext(acceptDeadlineMs: number) {
  return (request: { headers: Record<string, string | string[] | undefined> }, _reply: unknown, done: (error?: Error) => void): void => {
    const header = request.headers[IDEMPOTENCY_HEADER];
    const key = Array.isArray(header) ? header[0] : header;
    if (key !== undefined && !KEY_SHAPE.test(key)) {
      done(new HttpError(400, messages.idempotencyKeyMalformed, 'INVALID_INPUT'));
      return;
    }
    context.run({ key, acceptDeadlineMs }, () => done());
  };
}

/** The request's idempotency key (the header), for what a request keys outside a workflow update (a registration). */
export const requestIdempotencyKey = (): string | undefined => context.getStore()?.key;

/**
 * The update's id from the client's idempotency key: the same action resent
 * (the clerk was told it timed out, the network dropped the answer) reaches the
 * workflow with the same id, and Temporal answers it once — the second request
 * gets the first one's result, nothing is recorded twice. The id names the
 * update and the user so that one key cannot reach another user's or another
 * kind of action's answer.
 */
function updateIdOf(def: UpdateDefinition<unknown, [unknown, ...unknown[]]>, args: readonly unknown[], key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const first = args[0] as { actor?: { userId?: string } } | undefined;
  return `${def.name}:${first?.actor?.userId ?? 'anyone'}:${key}`;
}

/**
 * Runs an update to completion and answers its result — also when the workflow
 * continues as new before the caller has the answer (a household hands over at
 * the year's end, or when Temporal suggests it). Use it instead of the handle's
 * `executeUpdate`: the SDK's (1.24) waits for the outcome without the run id, so
 * the server looks in the newest run and answers "update not found" once the run
 * that accepted the update has handed over. Waiting for acceptance first gives
 * the update handle the accepting run's id, and the outcome is read from there.
 * An update the server received while a run was closing (never accepted by it)
 * is retried by the client on the new run.
 *
 * In a request, no worker accepting it within the request's deadline (the
 * worker is down or swamped) answers 503 "系统繁忙，请稍后重试" instead of hanging;
 * resent with the same idempotency key, the update is applied once.
 */
export async function applyUpdate<Ret, Args extends [any, ...any[]]>(
  handle: WorkflowHandle,
  def: UpdateDefinition<Ret, Args>,
  options: WorkflowUpdateOptions & { args: Args },
): Promise<Ret> {
  const request = context.getStore();
  const updateId = options.updateId ?? updateIdOf(def as UpdateDefinition<unknown, [unknown, ...unknown[]]>, options.args, request?.key);
  const accepted = handle.startUpdate(def, { ...options, ...(updateId ? { updateId } : {}), waitForStage: WorkflowUpdateStage.ACCEPTED });
  // A person waiting on a request gets an answer within its deadline; a program calling outside a request waits as long as it takes.
  const update = request ? await withinDeadline(accepted, request.acceptDeadlineMs) : await accepted;
  return update.result();
}

async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HttpError(503, messages.systemBusy, 'BUSY')), ms);
  });
  // The update may still be accepted after the answer went out: its outcome is the resend's to read.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
