import { sql, type Kysely } from 'kysely';
import { formatLocalDate, toLocalDate } from '../domain/calendar/dates.js';
import { screeningMessages } from '../domain/messages/catalogue.js';
import type { Database } from '../db/database.js';
import { inPlace, jurisdictionsRepo } from '../db/repositories/jurisdictions.js';
import { notificationsRepo, type NewNotification } from '../db/repositories/notifications.js';
import { isLate } from '../domain/deadlines/lateness.js';
import { campaignsRepo, checkItemKey } from '../db/repositories/campaigns.js';

interface VillageCount {
  village_id: string;
  town_id: string;
  village_name: string;
  n: string;
}

export function createScreeningActivities(deps: { db: Kysely<Database> }) {
  const { db } = deps;

  /** One message per village of the campaign (to its cadres) and per town (to its officers). */
  async function notifyArea(
    trx: Kysely<Database>,
    campaign: { id: string; county_id: string; reason: string; due_at: Date },
    counts: readonly VillageCount[],
    kind: 'screening.ordered' | 'screening.overdue',
    at: Date,
  ): Promise<void> {
    const due = formatLocalDate(toLocalDate(campaign.due_at.getTime() - 1));
    const messages: NewNotification[] = [];
    const byTown = new Map<string, number>();
    for (const v of counts) {
      const n = Number(v.n);
      byTown.set(v.town_id, (byTown.get(v.town_id) ?? 0) + n);
      messages.push({
        key: `screening:${campaign.id}:${kind}:${v.village_id}`,
        countyId: campaign.county_id,
        recipient: { jurisdictionId: v.village_id, role: 'village_cadre' },
        kind,
        title: kind === 'screening.ordered' ? screeningMessages.orderedTitle : screeningMessages.overdueTitle,
        body: kind === 'screening.ordered' ? screeningMessages.ordered(campaign.reason, v.village_name, n, due) : screeningMessages.overdue(campaign.reason, v.village_name, n, due),
        createdAt: at,
      });
    }
    for (const [townId, n] of byTown) {
      messages.push({
        key: `screening:${campaign.id}:${kind}:${townId}`,
        countyId: campaign.county_id,
        recipient: { jurisdictionId: townId, role: 'town_officer' },
        kind,
        title: kind === 'screening.ordered' ? screeningMessages.orderedTitle : screeningMessages.overdueTitle,
        body: kind === 'screening.ordered' ? screeningMessages.orderedTown(campaign.reason, n, due) : screeningMessages.overdueTown(campaign.reason, n, due),
        createdAt: at,
      });
    }
    await notificationsRepo(trx).add(messages);
  }

  async function campaignOf(trx: Kysely<Database>, campaignId: string) {
    return trx.selectFrom('screening_campaigns').select(['id', 'county_id', 'area_id', 'reason', 'due_at', 'ordered_at']).where('id', '=', campaignId).executeTakeFirstOrThrow();
  }

  return {
    /**
     * Gives every household of the campaign's area (all but those rejected at
     * identification) a screening visit due by the campaign's date: one
     * statement, however many households; a retry opens nothing twice.
     */
    async openScreeningItems(input: { campaignId: string; at: number }): Promise<{ households: number }> {
      return db.transaction().execute(async (trx) => {
        const campaign = await campaignOf(trx, input.campaignId);
        const at = new Date(input.at);
        const level = await jurisdictionsRepo(trx).placeLevel(campaign.area_id);
        const inArea = inPlace(campaign.area_id, level, { county: 'h.county_id', town: 'h.town_id', village: 'h.village_id', group: { column: 'h.group_id' } });
        await sql`
          insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, responsible_user_id, period, due_at, opened_at, campaign_id)
          select 'screening:' || ${campaign.id} || ':' || h.id, 'screening_visit', h.county_id, h.town_id, h.village_id, h.id, h.responsible_user_id, null, ${campaign.due_at}, ${at}, ${campaign.id}::uuid
          from households h
          where ${inArea} and h.stage <> 'not_included'
          on conflict (item_key) do nothing`.execute(trx);
        const counts = await countsByVillage(trx, campaign.id, false);
        const households = counts.reduce((sum, v) => sum + Number(v.n), 0);
        await trx.updateTable('screening_campaigns').set({ household_count: households }).where('id', '=', campaign.id).execute();
        await notifyArea(trx, campaign, counts, 'screening.ordered', at);
        return { households };
      });
    },

    /** At the campaign's deadline: every visit still open is overdue; the villages and towns concerned are told. */
    async markScreeningOverdue(input: { campaignId: string }): Promise<{ overdue: number }> {
      return db.transaction().execute(async (trx) => {
        const campaign = await campaignOf(trx, input.campaignId);
        await trx
          .updateTable('due_items')
          .set({ overdue_at: campaign.due_at })
          .where('campaign_id', '=', campaign.id)
          .where('status', '=', 'open')
          .where('overdue_at', 'is', null)
          .execute();
        const counts = await countsByVillage(trx, campaign.id, true);
        await notifyArea(trx, campaign, counts, 'screening.overdue', campaign.due_at);
        return { overdue: counts.reduce((sum, v) => sum + Number(v.n), 0) };
      });
    },

    /**
     * A visit to the household closes its open screening items — those of the
     * screenings ordered before they were campaigns, and the checks of the
     * screening campaigns its area is under, recorded with no problem found. A
     * visit that found a risk (`found`) leaves a campaign's check open: the
     * cadre records the problem found, with its rectification date, on the
     * campaign's check. Answers how many, and whether any was late.
     */
    async completeScreeningVisits(input: { householdId: string; at: number; byUserId: string; found?: boolean }): Promise<{ completed: number; late: boolean }> {
      return db.transaction().execute(async (trx) => {
        const answered = input.found ? [] : await campaignsRepo(trx).checkByVisit({ householdId: input.householdId, at: new Date(input.at), byUserId: input.byUserId });
        const keys = answered.map((c) => checkItemKey(c.campaignId, input.householdId));
        const rows = await trx
          .updateTable('due_items')
          .set({ status: 'done', done_at: new Date(input.at), done_by: input.byUserId })
          .where('household_id', '=', input.householdId)
          .where('kind', '=', 'screening_visit')
          .where('status', '=', 'open')
          .where((eb) => (keys.length > 0 ? eb.or([eb('campaign_id', 'is not', null), eb('item_key', 'in', keys)]) : eb('campaign_id', 'is not', null)))
          .returning(['item_key', 'due_at'])
          .execute();
        const completed = new Set([...rows.map((r) => r.item_key), ...keys]).size;
        const dues = [...rows.map((r) => r.due_at.getTime()), ...answered.map((c) => c.dueAt.getTime())];
        return { completed, late: dues.some((due) => isLate(input.at, due)) };
      });
    },
  };
}

function countsByVillage(db: Kysely<Database>, campaignId: string, openOnly: boolean): Promise<VillageCount[]> {
  let query = db
    .selectFrom('due_items as d')
    .innerJoin('jurisdictions as v', 'v.id', 'd.village_id')
    .select(['d.village_id as village_id', 'd.town_id as town_id', 'v.name as village_name', sql<string>`count(*)`.as('n')])
    .where('d.campaign_id', '=', campaignId);
  if (openOnly) query = query.where('d.status', '=', 'open');
  return query.groupBy(['d.village_id', 'd.town_id', 'v.name']).orderBy('d.village_id').execute() as Promise<VillageCount[]>;
}
