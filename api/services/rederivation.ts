import type { FastifyInstance } from 'fastify';
import { householdEventsRepo } from '../../db/repositories/household-events.js';
import { profileBodiesRepo } from '../../db/repositories/profile-bodies.js';
import { rederiveFile, versionsUsed, type RecordedEvent } from '../../domain/fidelity/rederive.js';
import { eventKindNames } from '../../domain/messages/catalogue.js';
import type { LoggedInUser } from '../plugins/auth.js';
import { householdInScope } from './households.js';

/** Every assessment and decision in a household's file, re-run from its stored inputs and the policy version it used. */
export async function rederiveHousehold(app: FastifyInstance, householdId: string, user: LoggedInUser) {
  await householdInScope(app, householdId, user);
  const rows = await householdEventsRepo(app.db).listForHousehold(householdId);
  const events: RecordedEvent[] = rows.map((r) => ({ kind: r.kind, occurredAt: r.occurred_at.toISOString(), payload: r.payload as Record<string, unknown> }));
  const bodies = await profileBodiesRepo(app.db).bodies(versionsUsed(events));
  const items = rederiveFile(events, (id, version) => bodies.get(`${id}@${version}`));
  return { items: items.map((i) => ({ ...i, differences: [...i.differences], kindName: eventKindNames[i.kind] ?? i.kind })) };
}
