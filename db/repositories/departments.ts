import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** A county's departments 行业部门, which measure tasks go to. */
export function departmentsRepo(db: Kysely<Database>) {
  return {
    /** The departments still working (a retired one gets no task, item or user). */
    ofCounty(countyId: string) {
      return db.selectFrom('departments').select(['id', 'code', 'name']).where('county_id', '=', countyId).where('retired_at', 'is', null).orderBy('code').execute();
    },

    /** The departments that served at some time since `from`: those still working and those retired after it (a past month's assessment ranks them). */
    servedSince(countyId: string, from: Date) {
      return db
        .selectFrom('departments')
        .select(['id', 'code', 'name'])
        .where('county_id', '=', countyId)
        .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', from)]))
        .orderBy('code')
        .execute();
    },

    findById(id: string) {
      return db.selectFrom('departments').select(['id', 'county_id', 'code', 'name', 'retired_at']).where('id', '=', id).executeTakeFirst();
    },
  };
}
