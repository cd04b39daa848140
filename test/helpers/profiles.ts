import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { shifanV2 } from '../../domain/policy/counties/shifan.js';

/** The demo county 示范县. */
export const DEMO_COUNTY = '990101';

/**
 * Points the demo county at the stored profile `id`: a profile is data, so the
 * county switches by a row, not by code. A case keeps the policy it opened
 * with, so a switch reaches only the cases opened after it.
 */
export async function pointDemoCountyAt(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable('jurisdictions').set({ policy_profile_id: id }).where('id', '=', DEMO_COUNTY).execute();
}

/**
 * Points the demo county at a version of its profile that decides without a
 * public notice (like seed 002's procedure): the dev server runs in real time,
 * and a 7-day notice is the workflow tests' business.
 */
export async function demoCountyWithoutNotice(db: Kysely<Database>, id: string): Promise<void> {
  await policyProfilesRepo(db).addMissing([
    {
      id,
      version: 1,
      effectiveFrom: '2020-01',
      countyName: '示范县',
      body: { ...shifanV2, id, version: 1, effectiveFrom: '2020-01', identificationSteps: ['application', 'village_review', 'town_audit', 'county_decision'], publicNoticeDays: undefined },
    },
  ]);
  await pointDemoCountyAt(db, id);
}
