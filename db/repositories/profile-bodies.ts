import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** Stored policy versions by id and version (policy_profiles is append-only), for re-derivation and the what-if. */
export function profileBodiesRepo(db: Kysely<Database>) {
  return {
    /** The bodies of the given versions, keyed `id@version`; a version not stored is absent. */
    async bodies(versions: readonly { id: string; version: number }[]): Promise<Map<string, unknown>> {
      const wanted = [...new Map(versions.map((v) => [`${v.id}@${v.version}`, v])).values()];
      if (wanted.length === 0) return new Map();
      const rows = await db
        .selectFrom('policy_profiles')
        .select(['id', 'version', 'body'])
        .where((eb) => eb.or(wanted.map((v) => eb.and([eb('id', '=', v.id), eb('version', '=', v.version)]))))
        .execute();
      return new Map(rows.map((r) => [`${r.id}@${r.version}`, r.body]));
    },
  };
}
