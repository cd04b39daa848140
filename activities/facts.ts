import type { Kysely } from 'kysely';
import { REFUSALS, refuse } from '../domain/failures.js';
import { factMemberIds, factRows, type FactSource, type HouseholdFacts } from '../domain/measures/facts.js';
import { describeFacts } from '../domain/measures/fact-summary.js';
import { memberChangeMessages } from '../domain/people/messages.js';
import type { Database } from '../db/database.js';
import { householdEventsRepo } from '../db/repositories/household-events.js';
import { householdFactsRepo } from '../db/repositories/household-facts.js';
import { householdMembersRepo } from '../db/repositories/household-members.js';

export interface RecordFactsInput {
  readonly householdId: string;
  /** Deterministic key from the workflow: the file's entry takes it, each fact a key derived from it. */
  readonly key: string;
  readonly source: FactSource;
  readonly sourceKey: string;
  /** The day the facts held, YYYY-MM-DD. */
  readonly asOf: string;
  /** The year a yearly fact (the medical out-of-pocket cost) is about. */
  readonly year: number;
  readonly actorUserId: string | null;
  readonly occurredAt: number;
  readonly facts: HouseholdFacts;
}

export function createFactActivities(deps: { db: Kysely<Database> }) {
  return {
    /**
     * Stores the facts a submission brought, dated and with their source, and
     * an entry in the household file that lists them, in one transaction.
     * Refused (not retried) when a fact names someone who is not a present
     * member of the household. A retry writes nothing twice.
     */
    async recordHouseholdFacts(input: RecordFactsInput): Promise<{ recorded: number }> {
      return deps.db.transaction().execute(async (trx) => {
        const events = householdEventsRepo(trx);
        const written = await events.findByKey(input.key);
        if (written) return { recorded: Number((written.payload as { recorded?: number }).recorded ?? 0) };

        const members = await householdMembersRepo(trx).listCurrent(input.householdId);
        const present = new Map(members.map((m) => [m.id, m.name]));
        const named = factMemberIds(input.facts);
        if (named.some((id) => !present.has(id))) refuse(REFUSALS.invalidInput, memberChangeMessages.memberNotInHousehold);

        const rows = factRows(input.facts, input.year);
        const recordedAt = new Date(input.occurredAt);
        const recorded = await householdFactsRepo(trx).append({
          householdId: input.householdId,
          key: input.key,
          source: input.source,
          sourceKey: input.sourceKey,
          asOf: input.asOf,
          recordedBy: input.actorUserId,
          recordedAt,
          rows,
        });
        await events.append({
          householdId: input.householdId,
          eventKey: input.key,
          kind: 'facts.recorded',
          actorUserId: input.actorUserId,
          occurredAt: recordedAt,
          payload: {
            source: input.source,
            sourceKey: input.sourceKey,
            asOf: input.asOf,
            year: input.year,
            recorded,
            facts: input.facts,
            summary: describeFacts(input.facts, input.year, (id) => present.get(id) ?? ''),
          },
        });
        return { recorded };
      });
    },
  };
}
