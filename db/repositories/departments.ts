import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** A county's departments 行业部门, which measure tasks go to. */
export function departmentsRepo(db: Kysely<Database>) {
  return {
    ofCounty(countyId: string) {
      return db.selectFrom('departments').select(['id', 'code', 'name']).where('county_id', '=', countyId).orderBy('code').execute();
    },

    findById(id: string) {
      return db.selectFrom('departments').select(['id', 'county_id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
    },
  };
}
