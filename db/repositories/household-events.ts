import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface NewHouseholdEvent {
  householdId: string;
  eventKey: string;
  kind: string;
  actorUserId: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export function householdEventsRepo(db: Kysely<Database>) {
  return {
    /** Appends once: a second call with the same event key changes nothing. Returns whether it wrote. */
    async append(event: NewHouseholdEvent): Promise<boolean> {
      const result = await db
        .insertInto('household_events')
        .values({
          household_id: event.householdId,
          event_key: event.eventKey,
          kind: event.kind,
          actor_user_id: event.actorUserId,
          occurred_at: event.occurredAt,
          payload: JSON.stringify(event.payload),
        })
        .onConflict((oc) => oc.column('event_key').doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    findByKey(eventKey: string) {
      return db.selectFrom('household_events').select(['kind', 'payload']).where('event_key', '=', eventKey).executeTakeFirst();
    },

    /** A registration entry with who made it, for starting a household's workflow late. */
    findRegistration(eventKey: string) {
      return db.selectFrom('household_events').select(['kind', 'payload', 'actor_user_id', 'occurred_at']).where('event_key', '=', eventKey).where('kind', '=', 'household.registered').executeTakeFirst();
    },

    listForHousehold(householdId: string) {
      return db
        .selectFrom('household_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_user_id')
        .select(['e.id', 'e.kind', 'e.occurred_at', 'e.recorded_at', 'e.payload', 'e.actor_user_id', 'u.display_name as actor_name', 'u.role as actor_role'])
        .where('e.household_id', '=', householdId)
        .orderBy('e.occurred_at')
        .orderBy('e.id')
        .execute();
    },
  };
}
