import type { Kysely } from 'kysely';
import type { MonitoringCategory } from '../domain/identification/steps.js';
import type { Database } from '../db/database.js';
import { householdEventsRepo } from '../db/repositories/household-events.js';
import { householdsRepo } from '../db/repositories/households.js';

export interface RecordEventInput {
  readonly householdId: string;
  /** Deterministic, from the workflow: the same step always has the same key. */
  readonly eventKey: string;
  readonly kind: string;
  readonly actorUserId: string | null;
  readonly occurredAt: number;
  readonly payload: Record<string, unknown>;
  /** The household's stage after this event, when it changes. */
  readonly stage?: string;
  /** The household's category after this event (the county decision sets it). */
  readonly category?: MonitoringCategory;
}

export function createRecordActivities(deps: { db: Kysely<Database> }) {
  return {
    /** Writes one entry of the household file, and the new stage, in one transaction; a retry writes nothing twice. */
    async recordHouseholdEvent(input: RecordEventInput): Promise<void> {
      await deps.db.transaction().execute((trx) => recordEventWithin(trx, input));
    },
  };
}

/** The entry and the new stage, within the caller's transaction (activities/monthly-steps.ts joins it to its step). */
export async function recordEventWithin(trx: Kysely<Database>, input: RecordEventInput): Promise<void> {
  const occurredAt = new Date(input.occurredAt);
  const wrote = await householdEventsRepo(trx).append({ ...input, occurredAt });
  if (wrote && (input.stage || input.category)) {
    await householdsRepo(trx).setStageAndCategory(input.householdId, { stage: input.stage, category: input.category }, occurredAt);
  }
}
