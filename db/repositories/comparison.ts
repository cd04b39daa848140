import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** The month's comparison as the report and the console read it; follow-ups recorded. */
export function comparisonRepo(db: Kysely<Database>) {
  return {
    batch(id: string) {
      return db.selectFrom('comparison_batches').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The month's batches of a county, in the order received. */
    batches(countyId: string, month: string) {
      return db.selectFrom('comparison_batches').selectAll().where('county_id', '=', countyId).where('month', '=', month).orderBy('received_at').execute();
    },

    /** The month's warnings within a place (a town sees its own), newest first. */
    warnings(countyId: string, month: string, within: { townId?: string; villageId?: string }) {
      let q = db
        .selectFrom('comparison_warnings as w')
        .innerJoin('households as h', 'h.id', 'w.household_id')
        .innerJoin('jurisdictions as t', 't.id', 'w.town_id')
        .innerJoin('jurisdictions as v', 'v.id', 'w.village_id')
        .leftJoin('due_items as d', 'd.item_key', 'w.due_item_key')
        .select([
          'w.id', 'w.source', 'w.feed', 'w.month', 'w.row_no', 'w.rule', 'w.rule_name', 'w.fact_value', 'w.routed', 'w.discovery', 'w.follow_up_days', 'w.raised_at',
          'w.followed_up_at', 'w.follow_up_note', 'w.household_id', 'w.batch_id', 'h.head_name', 't.name as town_name', 'v.name as village_name', 'd.due_at', 'd.status as due_status',
        ])
        .where('w.county_id', '=', countyId)
        .where('w.month', '=', month);
      if (within.townId) q = q.where('w.town_id', '=', within.townId);
      if (within.villageId) q = q.where('w.village_id', '=', within.villageId);
      return q.orderBy('w.raised_at', 'desc').orderBy('w.id', 'desc').limit(500).execute();
    },

    warning(id: string) {
      return db.selectFrom('comparison_warnings').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /**
     * Rows of the month by outcome (the households skipped for want of consent, the unknown persons). Within a town:
     * a skipped household of the town, an unknown person whose row names the town.
     */
    rowsWithOutcome(countyId: string, month: string, outcome: 'no_consent' | 'unknown', town?: { id: string; name: string }, limit = 1000) {
      let q = db
        .selectFrom('comparison_rows as r')
        .innerJoin('comparison_batches as b', 'b.id', 'r.batch_id')
        .select(['b.feed', 'r.row_no', 'r.name', 'r.id_number', 'r.town', 'r.household_id'])
        .where('b.county_id', '=', countyId)
        .where('b.month', '=', month)
        .where('r.outcome', '=', outcome);
      if (town && outcome === 'unknown') q = q.where('r.town', '=', town.name);
      if (town && outcome === 'no_consent') q = q.where('r.household_id', 'in', db.selectFrom('households').select('id').where('town_id', '=', town.id));
      return q.orderBy('b.received_at').orderBy('r.row_no').limit(limit).execute();
    },

    /** Records what was done, once, and closes the follow-up's item; answers false when it was already recorded. */
    async recordFollowUp(id: string, userId: string, note: string, at: Date): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('comparison_warnings')
          .set({ followed_up_at: at, followed_up_by: userId, follow_up_note: note })
          .where('id', '=', id)
          .where('followed_up_at', 'is', null)
          .returning(['due_item_key', 'household_id'])
          .executeTakeFirst();
        if (!updated) return false;
        if (updated.due_item_key) {
          await trx.updateTable('due_items').set({ status: 'done', done_at: at, done_by: userId }).where('item_key', '=', updated.due_item_key).where('status', '=', 'open').execute();
        }
        await trx
          .insertInto('household_events')
          .values({ household_id: updated.household_id, event_key: `comparison-follow-up:${id}`, kind: 'comparison.followed_up', actor_user_id: userId, occurred_at: at, payload: JSON.stringify({ warningId: id, note }) })
          .execute();
        return true;
      });
    },

    setDiscovery(id: string, discovery: 'opened' | 'joined' | 'not_opened') {
      return db.updateTable('comparison_warnings').set({ discovery }).where('id', '=', id).execute();
    },

    /** Discoveries not yet handed to their household's workflow, with their uploader (in whose name the sweep hands them over). */
    pendingDiscoveries(limit: number) {
      return db
        .selectFrom('comparison_warnings as w')
        .innerJoin('comparison_batches as b', 'b.id', 'w.batch_id')
        .innerJoin('users as u', 'u.id', 'b.uploaded_by')
        .select(['w.id', 'w.household_id', 'w.county_id', 'w.feed', 'w.month', 'w.rule_name', 'w.row_no', 'b.uploaded_by', 'u.role', 'u.jurisdiction_id', 'u.department_id'])
        .where('w.discovery', '=', 'pending')
        .where('w.source', '=', 'comparison')
        .$narrowType<{ row_no: number }>()
        .orderBy('w.raised_at')
        .limit(limit)
        .execute();
    },

    consents(householdId: string) {
      return db.selectFrom('data_consents').selectAll().where('household_id', '=', householdId).orderBy('signed_at').execute();
    },

    withdrawConsent(id: string, householdId: string, at: Date, note: string) {
      return db.updateTable('data_consents').set({ withdrawn_at: at, withdrawal_note: note }).where('id', '=', id).where('household_id', '=', householdId).where('withdrawn_at', 'is', null).executeTakeFirst();
    },
  };
}
