/**
 * The public routes' limits, counted in PostgreSQL so that every API process
 * of a county counts the same hits: per address (hashed, never stored as
 * typed), and per phone for reports. Past the free uses a small sum must be
 * solved; past the maximum the request is refused (429) and writes nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { publicLimitsRepo } from '../../db/repositories/public-limits.js';
import { selfReportMessages as m } from '../../domain/self-report/messages.js';
import { challengeFrom, PUBLIC_LIMITS, windowStart } from '../../domain/self-report/rules.js';
import { HttpError } from '../errors.js';

const hashed = (value: string) => createHash('sha256').update(value).digest('base64url');

export interface ChallengeNeeded {
  readonly error: 'CHALLENGE_REQUIRED';
  readonly message: string;
  readonly challengeId: string;
  readonly question: string;
}

/** Counts a use of the public route `kind` from `address`; answers a challenge to solve first, or nothing when the request may go on. */
export async function guardPublic(
  app: FastifyInstance,
  kind: 'report' | 'status',
  address: string,
  answered: { challengeId?: string | undefined; challengeAnswer?: number | undefined },
  phone?: string,
): Promise<ChallengeNeeded | null> {
  const limits = PUBLIC_LIMITS[kind];
  const now = Date.now();
  const window = new Date(windowStart(now));
  const repo = publicLimitsRepo(app.db);
  const hits = await repo.hit(`${kind}:address:${hashed(address)}`, window);
  if (hits > limits.maxPerAddress) throw new HttpError(429, m.tooManyFromAddress, 'TOO_MANY_REQUESTS');
  if (kind === 'report' && phone !== undefined && (await repo.hit(`report:phone:${hashed(phone)}`, window)) > PUBLIC_LIMITS.report.maxPerPhone) {
    throw new HttpError(429, m.tooManyFromPhone, 'TOO_MANY_REQUESTS');
  }
  if (hits <= limits.freePerAddress) return null;
  if (answered.challengeId !== undefined && answered.challengeAnswer !== undefined) {
    if (await repo.solve(answered.challengeId, answered.challengeAnswer, new Date(now))) return null;
  }
  const { a, b, answer } = challengeFrom(randomBytes(2));
  const challengeId = await repo.newChallenge(answer, new Date(now + PUBLIC_LIMITS.challengeMinutes * 60_000));
  const wrong = answered.challengeId !== undefined;
  return { error: 'CHALLENGE_REQUIRED', message: wrong ? m.challengeWrong : m.challengeRequired, challengeId, question: `${a} + ${b} = ?` };
}
