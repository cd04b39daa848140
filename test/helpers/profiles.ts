import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';

/**
 * Points the demo county at a version of its profile that decides without a
 * public notice (like seed 002's procedure): the dev server runs in real time,
 * and a 7-day notice is the workflow tests' business. A profile is data, so
 * the county switches by a row, not by code.
 */
export async function demoCountyWithoutNotice(db: Kysely<Database>, id: string): Promise<void> {
  await policyProfilesRepo(db).addMissing([
    {
      id,
      version: 1,
      effectiveFrom: '2020-01',
      countyName: '示范县',
      body: { ...shifanV1, id, identificationSteps: ['application', 'village_review', 'town_audit', 'county_decision'], publicNoticeDays: undefined },
    },
  ]);
  await db.updateTable('jurisdictions').set({ policy_profile_id: id }).where('id', '=', '990101').execute();
}
