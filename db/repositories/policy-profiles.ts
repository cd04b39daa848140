import type { Kysely } from 'kysely';
import { parseProfile } from '../../domain/policy/parse.js';
import type { Database } from '../database.js';

export interface StoredProfile {
  id: string;
  version: number;
  effectiveFrom: string;
  countyName: string;
  body: unknown;
}

export function policyProfilesRepo(db: Kysely<Database>) {
  return {
    /**
     * Adds the versions not stored yet; a stored version is never changed. A body
     * that does not parse is never stored (RangeError). Returns how many were added.
     */
    async addMissing(profiles: readonly StoredProfile[]): Promise<number> {
      if (profiles.length === 0) return 0;
      for (const p of profiles) {
        const parsed = parseProfile(p.body);
        if (!parsed.ok) throw new RangeError(`policy profile ${p.id} v${p.version} does not parse: ${parsed.problems.join('; ')}`);
      }
      const result = await db
        .insertInto('policy_profiles')
        .values(profiles.map((p) => ({ id: p.id, version: p.version, effective_from: p.effectiveFrom, county_name: p.countyName, body: JSON.stringify(p.body) })))
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n);
    },

    /** The version of the county's profile in force for the period (YYYY-MM), or undefined. */
    inForceForCounty(countyId: string, period: string) {
      return db
        .selectFrom('policy_profiles as p')
        .innerJoin('jurisdictions as j', 'j.policy_profile_id', 'p.id')
        .select(['p.id', 'p.version', 'p.effective_from', 'p.county_name', 'p.body'])
        .where('j.id', '=', countyId)
        .where('p.effective_from', '<=', period)
        .orderBy('p.effective_from', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    /** The latest version of every stored profile, by id. */
    latestVersions() {
      return db
        .selectFrom('policy_profiles')
        .select(['id', 'version', 'effective_from', 'county_name', 'body'])
        .distinctOn('id')
        .orderBy('id')
        .orderBy('version', 'desc')
        .execute();
    },
  };
}
