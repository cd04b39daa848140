import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';

/** A campaign's open rectifications as its watch reads and raises them (activities/campaign.ts sweepCampaign). */
export function campaignProblemsRepo(db: Kysely<Database>) {
  return {
    /**
     * The campaign's open rectifications not yet escalated to the supervisors
     * (an escalated one has nothing more to fall due), soonest first, with the
     * household's head and the village's name: one statement however many.
     */
    watchedProblems(campaignId: string) {
      return db
        .selectFrom('campaign_problems as p')
        .innerJoin('households as h', 'h.id', 'p.household_id')
        .innerJoin('jurisdictions as v', 'v.id', 'p.village_id')
        .selectAll('p')
        .select(['h.head_name', 'v.name as village_name'])
        .where('p.campaign_id', '=', campaignId)
        .where('p.status', '=', 'open')
        .where('p.escalation_level', '<', 2)
        .orderBy('p.due_at')
        .execute();
    },

    /**
     * Raises the problems to `level` (1: overdue, its register item marked
     * overdue at its date; 2: escalated), each once, in two statements however many.
     */
    async escalate(campaignId: string, problemIds: readonly string[], level: 1 | 2): Promise<void> {
      if (problemIds.length === 0) return;
      const ids = sql`${[...problemIds]}::uuid[]`;
      await db.transaction().execute(async (trx) => {
        await sql`update campaign_problems set escalation_level = ${level} where campaign_id = ${campaignId} and id = any(${ids}) and escalation_level < ${level}`.execute(trx);
        if (level === 1) {
          await sql`
            update due_items d set overdue_at = p.due_at
            from campaign_problems p
            where p.campaign_id = ${campaignId} and p.id = any(${ids})
              and d.item_key = 'campaign:' || p.campaign_id || ':rectify:' || p.id and d.overdue_at is null`.execute(trx);
        }
      });
    },
  };
}
