import type { Kysely } from 'kysely';
import type { Database, HouseholdCategory, NewHousehold } from '../database.js';
import { jurisdictionsRepo } from './jurisdictions.js';

export function householdsRepo(db: Kysely<Database>) {
  return {
    insert(household: NewHousehold) {
      return db.insertInto('households').values(household).returningAll().executeTakeFirstOrThrow();
    },

    /**
     * One page of households in a jurisdiction (its county, town, village or
     * group), newest first; a name matches the head or any current member.
     */
    async search(filter: {
      withinJurisdiction: string;
      townId?: string | undefined;
      villageId?: string | undefined;
      category?: HouseholdCategory | undefined;
      stage?: string | undefined;
      name?: string | undefined;
      /** A member's national ID number, exact (current members only). */
      idNumber?: string | undefined;
      limit: number;
      offset: number;
    }) {
      const within = filter.withinJurisdiction;
      // One column of the jurisdiction's level, which an index serves newest first.
      const level = await jurisdictionsRepo(db).placeLevel(within);
      let query = db.selectFrom('households');
      if (level === 'county') query = query.where('county_id', '=', within);
      else if (level === 'town') query = query.where('town_id', '=', within);
      else if (level === 'village') query = query.where('village_id', '=', within);
      else if (level === 'group') query = query.where('group_id', '=', within);
      else {
        query = query.where((eb) =>
          eb.or([eb('county_id', '=', within), eb('town_id', '=', within), eb('village_id', '=', within), eb('group_id', '=', within)]),
        );
      }
      if (filter.townId) query = query.where('town_id', '=', filter.townId);
      if (filter.villageId) query = query.where('village_id', '=', filter.villageId);
      if (filter.category) query = query.where('category', '=', filter.category);
      if (filter.stage) query = query.where('stage', '=', filter.stage);
      if (filter.name) {
        const pattern = `%${filter.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or([
            eb('head_name', 'like', pattern),
            eb.exists(
              eb.selectFrom('household_members as m').select('m.id').whereRef('m.household_id', '=', 'households.id').where('m.name', 'like', pattern).where('m.left_at', 'is', null),
            ),
          ]),
        );
      }
      if (filter.idNumber) {
        const idNumber = filter.idNumber;
        query = query.where((eb) =>
          eb.exists(
            eb.selectFrom('household_members as m').select('m.id').whereRef('m.household_id', '=', 'households.id').where('m.id_number', '=', idNumber).where('m.left_at', 'is', null),
          ),
        );
      }
      const [items, count] = await Promise.all([
        query.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute(),
        query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    findById(id: string) {
      return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async setStageAndCategory(id: string, change: { stage?: string | undefined; category?: HouseholdCategory | undefined }, at: Date): Promise<void> {
      await db
        .updateTable('households')
        .set({ ...(change.stage ? { stage: change.stage } : {}), ...(change.category ? { category: change.category } : {}), updated_at: at })
        .where('id', '=', id)
        .execute();
    },
  };
}
