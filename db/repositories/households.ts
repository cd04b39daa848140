import type { Kysely } from 'kysely';
import type { Database, NewHousehold } from '../database.js';

export function householdsRepo(db: Kysely<Database>) {
  return {
    insert(household: NewHousehold) {
      return db.insertInto('households').values(household).returningAll().executeTakeFirstOrThrow();
    },

    findById(id: string) {
      return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async setStage(id: string, stage: string, at: Date): Promise<void> {
      await db.updateTable('households').set({ stage, updated_at: at }).where('id', '=', id).execute();
    },
  };
}
