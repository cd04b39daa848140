import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

export interface NewAssistancePlan {
  readonly key: string;
  readonly householdId: string;
  readonly planNo: number;
  readonly drawnBy: string;
  readonly confirmedAt: Date;
  readonly note: string | null;
  readonly measures: readonly unknown[];
}

/** Assistance plans 帮扶措施表, one row per confirmed plan, never changed. */
export function assistancePlansRepo(db: Kysely<Database>) {
  return {
    findByKey(key: string) {
      return db.selectFrom('assistance_plans').selectAll().where('plan_key', '=', key).executeTakeFirst();
    },

    /** The next plan number of a household; run it in a transaction after locking the household row. */
    async nextPlanNo(householdId: string): Promise<number> {
      const row = await db
        .selectFrom('assistance_plans')
        .select((eb) => eb.fn.max('plan_no').as('last'))
        .where('household_id', '=', householdId)
        .executeTakeFirst();
      return (row?.last ?? 0) + 1;
    },

    async insert(plan: NewAssistancePlan): Promise<void> {
      await db
        .insertInto('assistance_plans')
        .values({
          plan_key: plan.key,
          household_id: plan.householdId,
          plan_no: plan.planNo,
          drawn_by: plan.drawnBy,
          confirmed_at: plan.confirmedAt,
          note: plan.note,
          measures: JSON.stringify(plan.measures),
        })
        .execute();
    },

    listForHousehold(householdId: string) {
      return db.selectFrom('assistance_plans').selectAll().where('household_id', '=', householdId).orderBy('plan_no').execute();
    },
  };
}
