import type { FastifyInstance } from 'fastify';
import { factMemberIds, type HouseholdFacts } from '../../domain/measures/facts.js';
import { memberChangeMessages } from '../../domain/people/messages.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { HttpError } from '../errors.js';

/** Refuses facts that name someone who is not a present member of the household (the worker checks again when it stores them). */
export async function checkFactMembers(app: FastifyInstance, householdId: string, facts: HouseholdFacts | undefined): Promise<void> {
  const named = facts ? factMemberIds(facts) : [];
  if (named.length === 0) return;
  const present = new Set((await householdMembersRepo(app.db).listCurrent(householdId)).map((m) => m.id));
  if (named.some((id) => !present.has(id))) throw new HttpError(400, memberChangeMessages.memberNotInHousehold, 'INVALID_INPUT');
}
