import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaignActivities } from '../../activities/campaign.js';
import { DAY_MS } from '../../domain/calendar/dates.js';
import { campaignProblemsRepo } from '../../db/repositories/campaign-problems.js';
import { campaignsRepo } from '../../db/repositories/campaigns.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const COUNTY = '990101';
/** More problems than one insert of their messages could carry (PostgreSQL takes 65,535 parameters: ~5,957 messages). */
const PROBLEMS = 2500;

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

describe('a campaign’s watch over thousands of open rectifications', () => {
  it('sends every reminder, overdue notice and escalation of 2,500 problems past their dates at once, raises each once, and reads none of the escalated again', async () => {
    const lead = await t.db.selectFrom('users').select('id').where('username', '=', 'lingdao').executeTakeFirstOrThrow();
    await sql`
      insert into households (county_id, town_id, village_id, address, head_name, category)
      select ${COUNTY}, '990101001', '990101001201', '东岗村' || g || '号', '整改户' || g, 'lifted_out' from generate_series(1, ${PROBLEMS}) g`.execute(t.owner);
    const launchedAt = new Date(Date.now() - 20 * DAY_MS);
    const campaign = await campaignsRepo(t.db).launch({
      countyId: COUNTY,
      area: { id: COUNTY, level: 'county' },
      name: '整改督办',
      reason: '测试',
      criteria: { categories: ['lifted_out'] },
      checklist: ['visit'],
      responsible: 'village',
      departmentId: null,
      definedBy: lead.id,
      launchedAt,
      dueAt: new Date(launchedAt.getTime() + 5 * DAY_MS),
    });
    expect(campaign.cohort_count).toBe(PROBLEMS);
    // Each household checked with one problem, its rectification due 5 days after it was found; none rectified.
    const found = new Date(launchedAt.getTime() + DAY_MS);
    await sql`
      with p as (
        insert into campaign_problems (campaign_id, household_id, kind, description, town_id, village_id, found_at, found_by, due_at)
        select ch.campaign_id, ch.household_id, 'income_drop', '收入下降', ch.town_id, ch.village_id, ${found}, ${lead.id}, ${new Date(found.getTime() + 5 * DAY_MS)}
        from campaign_households ch where ch.campaign_id = ${campaign.id}
        returning id, household_id, town_id, village_id, due_at)
      insert into due_items (item_key, kind, county_id, town_id, village_id, household_id, due_at, opened_at)
      select 'campaign:' || ${campaign.id} || ':rectify:' || p.id, 'campaign_rectification', ${COUNTY}, p.town_id, p.village_id, p.household_id, p.due_at, ${found} from p`.execute(t.owner);

    const { sweepCampaign } = createCampaignActivities({ db: t.db });
    const answer = await sweepCampaign({ campaignId: campaign.id, at: Date.now() });
    expect(answer.nextAt).toBeNull();

    const byKind = await t.db
      .selectFrom('notifications')
      .select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
      .where('notification_key', 'like', `campaign:${campaign.id}:rectify:%`)
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    // The county's default policy: one reminder 3 days before, overdue at the date, the supervisors 7 days later.
    expect(byKind.map((r) => [r.kind, Number(r.n)])).toEqual([
      ['campaign.rectify_escalated', PROBLEMS],
      ['campaign.rectify_overdue', PROBLEMS],
      ['campaign.rectify_reminder', PROBLEMS],
    ]);
    const levels = await t.db.selectFrom('campaign_problems').select(['escalation_level', (eb) => eb.fn.countAll<string>().as('n')]).where('campaign_id', '=', campaign.id).groupBy('escalation_level').execute();
    expect(levels.map((l) => [l.escalation_level, Number(l.n)])).toEqual([[2, PROBLEMS]]);
    const overdueItems = await t.db.selectFrom('due_items').select((eb) => eb.fn.countAll<string>().as('n')).where('kind', '=', 'campaign_rectification').where('overdue_at', 'is not', null).executeTakeFirstOrThrow();
    expect(Number(overdueItems.n)).toBe(PROBLEMS);

    // Escalated, nothing more falls due: the next sweep (after any check) reads none of them and sends nothing.
    expect(await campaignProblemsRepo(t.db).watchedProblems(campaign.id)).toEqual([]);
    await sweepCampaign({ campaignId: campaign.id, at: Date.now() });
    const all = await t.db.selectFrom('notifications').select((eb) => eb.fn.countAll<string>().as('n')).where('notification_key', 'like', `campaign:${campaign.id}:rectify:%`).executeTakeFirstOrThrow();
    expect(Number(all.n)).toBe(3 * PROBLEMS);
  }, 120_000);
});
