import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface NewTaskView {
  readonly userId: string;
  readonly name: string;
  readonly filters: Record<string, unknown>;
}

/** Saved inbox filters 保存的筛选, one user's each; created and deleted, never changed. */
export function taskViewsRepo(db: Kysely<Database>) {
  return {
    /** A user's views, by name. */
    listOfUser: (userId: string) =>
      db.selectFrom('task_views').select(['id', 'name', 'filters', 'created_at']).where('user_id', '=', userId).orderBy('name').execute(),

    async countOfUser(userId: string): Promise<number> {
      const row = await db.selectFrom('task_views').select((eb) => eb.fn.countAll<string>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** The new view, or undefined when the user has one of that name already. */
    add: (view: NewTaskView) =>
      db
        .insertInto('task_views')
        .values({ user_id: view.userId, name: view.name, filters: JSON.stringify(view.filters) })
        .onConflict((oc) => oc.constraint('task_views_user_name_key').doNothing())
        .returning(['id', 'name', 'filters', 'created_at'])
        .executeTakeFirst(),

    /** Deletes the user's view; false when the user has no view of that id. */
    async remove(userId: string, id: string): Promise<boolean> {
      const result = await db.deleteFrom('task_views').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
