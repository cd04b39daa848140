import type { Kysely } from 'kysely';
import { periodOf } from '../domain/calendar/dates.js';
import { continuingMeasures } from '../domain/identification/elimination-conditions.js';
import type { Database } from '../db/database.js';
import { profileInForceIfAny } from './profiles.js';

/** The measure codes of the household's county that go on after elimination, each with until when (none without a profile). */
export async function continuingMeasuresOf(db: Kysely<Database>, householdId: string, at: number): Promise<ReadonlyMap<string, string>> {
  const household = await db.selectFrom('households').select('county_id').where('id', '=', householdId).executeTakeFirst();
  if (!household) return new Map();
  const profile = await profileInForceIfAny(db, household.county_id, periodOf(at));
  return continuingMeasures(profile?.standingPractice);
}
