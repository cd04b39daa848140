import type { Kysely } from 'kysely';
import type { Database, Jurisdiction } from '../database.js';

export function jurisdictionsRepo(db: Kysely<Database>) {
  return {
    findById(id: string) {
      return db.selectFrom('jurisdictions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The jurisdiction and all its ancestors, nearest first. */
    async lineage(id: string): Promise<Jurisdiction[]> {
      const rows = await db
        .withRecursive('chain(id, parent_id, level, name, created_at, depth)', (qb) =>
          qb
            .selectFrom('jurisdictions')
            .select(['id', 'parent_id', 'level', 'name', 'created_at'])
            .select((eb) => eb.lit(0).as('depth'))
            .where('id', '=', id)
            .unionAll((u) =>
              u
                .selectFrom('jurisdictions as j')
                .innerJoin('chain as c', 'c.parent_id', 'j.id')
                .select(['j.id', 'j.parent_id', 'j.level', 'j.name', 'j.created_at'])
                .select((eb) => eb(eb.ref('c.depth'), '+', 1).as('depth')),
            ),
        )
        .selectFrom('chain')
        .select(['id', 'parent_id', 'level', 'name', 'created_at'])
        .orderBy('depth')
        .execute();
      return rows as Jurisdiction[];
    },

    children(parentId: string) {
      return db.selectFrom('jurisdictions').selectAll().where('parent_id', '=', parentId).orderBy('id').execute();
    },
  };
}
