import type { Kysely } from 'kysely';
import type { Period } from '../domain/calendar/dates.js';
import { FAILURES, permanentFailure } from '../domain/failures.js';
import { messages } from '../domain/messages/catalogue.js';
import { parseProfile } from '../domain/policy/parse.js';
import type { PolicyProfile } from '../domain/policy/profile.js';
import type { Database } from '../db/database.js';
import { policyProfilesRepo } from '../db/repositories/policy-profiles.js';

/**
 * The county's profile in force for the month, parsed. No profile, or one that
 * does not parse, fails for good (retrying cannot mend it) with words for the
 * county bureau; the problems travel in the failure's details for whoever maintains the data.
 */
export async function profileInForce(db: Kysely<Database>, countyId: string, period: Period | string): Promise<PolicyProfile> {
  const profile = await profileInForceIfAny(db, countyId, period);
  if (!profile) throw permanentFailure(FAILURES.noPolicyProfile, messages.noPolicyProfile(period));
  return profile;
}

/** The same, for a cadence that simply has nothing to open while the county has no profile yet. */
export async function profileInForceIfAny(db: Kysely<Database>, countyId: string, period: Period | string): Promise<PolicyProfile | undefined> {
  const row = await policyProfilesRepo(db).inForceForCounty(countyId, period);
  if (!row) return undefined;
  const parsed = parseProfile(row.body);
  if (!parsed.ok) throw permanentFailure(FAILURES.malformedPolicyProfile, messages.malformedPolicyProfile(row.id, row.version), parsed.problems);
  return parsed.profile;
}
