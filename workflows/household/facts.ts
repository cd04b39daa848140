/**
 * The facts a submission brings (housing, water, medical cost, schooling,
 * employment, microcredit): refused by the validator when malformed, recorded
 * by one activity before anything else of the submission, so that a refusal
 * (a member who is not in the household) leaves nothing half-written.
 * Introduced behind a patch: histories from before it have no facts.
 */
import { patched } from '@temporalio/workflow';
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { messages } from '../../domain/messages/catalogue.js';
import { factsRefusal, hasFacts, type FactSource, type HouseholdFacts } from '../../domain/measures/facts.js';
import { refusedByActivity } from '../shared/refused-by-activity.js';
import { records } from './activities.js';
import type { HouseholdState } from './state.js';

export const FACTS_PATCH = 'household-facts-2026-12';

/** Whether a submission brings facts: only then does the handler wait for anything more than before. */
export { hasFacts };

export function validateFacts(facts: HouseholdFacts | undefined): void {
  if (facts === undefined) return;
  if (typeof facts !== 'object' || facts === null) refuse(REFUSALS.invalidInput, messages.invalidInput);
  const refusal = factsRefusal(facts);
  if (refusal) refuse(REFUSALS.invalidInput, refusal);
}

export async function recordFacts(
  state: HouseholdState,
  facts: HouseholdFacts | undefined,
  what: { source: FactSource; sourceKey: string; asOf?: string; year?: number; actorUserId: string; at: number },
): Promise<void> {
  if (!hasFacts(facts) || !patched(FACTS_PATCH)) return;
  const day = toLocalDate(what.at);
  await refusedByActivity(
    records.recordHouseholdFacts({
      householdId: state.householdId,
      key: state.nextEventKey('facts.recorded'),
      source: what.source,
      sourceKey: what.sourceKey,
      asOf: what.asOf ?? formatLocalDate(day),
      year: what.year ?? day.year,
      actorUserId: what.actorUserId,
      occurredAt: what.at,
      facts,
    }),
  );
}
