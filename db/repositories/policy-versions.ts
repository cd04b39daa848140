import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface PolicyVersionRow {
  readonly id: string;
  readonly version: number;
  readonly effective_from: string;
  readonly county_name: string;
  readonly created_at: Date;
  readonly published_by: string | null;
  readonly correction_reason: string | null;
}

/** The versions of a county's profile, and the publication of a new one (policy_profiles is append-only). */
export function policyVersionsRepo(db: Kysely<Database>) {
  return {
    /** The county's name and the id of its profile (null while it has none). */
    county(countyId: string) {
      return db.selectFrom('jurisdictions').select(['id', 'name', 'policy_profile_id']).where('id', '=', countyId).where('level', '=', 'county').executeTakeFirst();
    },

    /** Every version of profile `id`, oldest first (the primary key). */
    versionsOf(id: string): Promise<PolicyVersionRow[]> {
      return db
        .selectFrom('policy_profiles')
        .select(['id', 'version', 'effective_from', 'county_name', 'created_at', 'published_by', 'correction_reason'])
        .where('id', '=', id)
        .orderBy('version')
        .execute();
    },

    /** The latest version of a shipped profile, by id (none for a county's own id without versions). */
    latest(id: string) {
      return db.selectFrom('policy_profiles').select(['id', 'version', 'effective_from', 'county_name', 'body']).where('id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst();
    },

    async publish(row: { id: string; version: number; effectiveFrom: string; countyName: string; body: unknown; publishedBy: string; correctionReason: string | null }): Promise<void> {
      await db
        .insertInto('policy_profiles')
        .values({
          id: row.id,
          version: row.version,
          effective_from: row.effectiveFrom,
          county_name: row.countyName,
          body: JSON.stringify(row.body),
          published_by: row.publishedBy,
          correction_reason: row.correctionReason,
        })
        .execute();
    },
  };
}
