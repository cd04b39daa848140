import type { Kysely } from 'kysely';
import type { Database, HouseholdCategory, NewHousehold } from '../database.js';

export function householdsRepo(db: Kysely<Database>) {
  return {
    insert(household: NewHousehold) {
      return db.insertInto('households').values(household).returningAll().executeTakeFirstOrThrow();
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
