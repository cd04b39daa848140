import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ScreeningCampaignsTable } from '../database.js';

export type ScreeningCampaign = Selectable<ScreeningCampaignsTable>;

/** How far a screening's visits have come. */
export interface ScreeningProgress {
  readonly visited: number;
  readonly open: number;
  readonly overdue: number;
}

/** Immediate screenings 突发情况排查: the campaign as ordered and its visits in the register. */
export function screeningsRepo(db: Kysely<Database>) {
  return {
    insert(campaign: { countyId: string; areaId: string; reason: string; orderedBy: string; orderedAt: Date; dueAt: Date }) {
      return db
        .insertInto('screening_campaigns')
        .values({
          county_id: campaign.countyId,
          area_id: campaign.areaId,
          reason: campaign.reason,
          ordered_by: campaign.orderedBy,
          ordered_at: campaign.orderedAt,
          due_at: campaign.dueAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    findById(id: string) {
      return db.selectFrom('screening_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** A screening campaign's checks: visited, still open, open and marked overdue by its workflow at the deadline. */
    async campaignProgress(campaignId: string): Promise<ScreeningProgress> {
      const counts = await db
        .selectFrom('campaign_households as ch')
        .leftJoin('due_items as d', (join) => join.onRef('d.household_id', '=', 'ch.household_id').on('d.item_key', '=', sql<string>`'campaign:' || ch.campaign_id || ':check:' || ch.household_id`))
        .select([
          sql<string>`count(*) filter (where ch.checked_at is not null)`.as('visited'),
          sql<string>`count(*) filter (where ch.checked_at is null)`.as('open'),
          sql<string>`count(*) filter (where ch.checked_at is null and d.overdue_at is not null)`.as('overdue'),
        ])
        .where('ch.campaign_id', '=', campaignId)
        .executeTakeFirstOrThrow();
      return { visited: Number(counts.visited), open: Number(counts.open), overdue: Number(counts.overdue) };
    },

    /** The campaign's visits: done, still open, open past their deadline. */
    async progress(campaignId: string): Promise<ScreeningProgress> {
      const counts = await db
        .selectFrom('due_items')
        .select([
          sql<string>`count(*) filter (where status = 'done')`.as('visited'),
          sql<string>`count(*) filter (where status = 'open')`.as('open'),
          sql<string>`count(*) filter (where status = 'open' and overdue_at is not null)`.as('overdue'),
        ])
        .where('campaign_id', '=', campaignId)
        .executeTakeFirstOrThrow();
      return { visited: Number(counts.visited), open: Number(counts.open), overdue: Number(counts.overdue) };
    },
  };
}
