import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { formatLocalDate, periodOf, toLocalDate } from '../../domain/calendar/dates.js';
import { recordVisit } from '../../workflows/household/definitions.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { screeningsRepo } from '../../db/repositories/screenings.js';
import { campaignWorkflowId } from '../../workflows/campaign/definitions.js';
import { screeningWorkflowId, type ScreeningCampaignInput } from '../../workflows/screening/definitions.js';
import { eventsOf } from '../helpers/fixtures.js';
import { keepHistory } from '../helpers/histories.js';
import { demoActors, startHouseholdWorkflow } from '../helpers/household.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping', api: true });
const DAY = 24 * 60 * 60 * 1000;
const DONGGANG = '990101001201';
const HEKOU = '990101001202';

describe('an immediate screening of an area after a disaster 及早介入, as a campaign', () => {
  it('gives every household of the village a visit due in the days given; a visit answers its check, the rest are overdue at the date', async () => {
    const { t, env, api } = stack;
    const actors = await demoActors(t.db);
    const visited = await startHouseholdWorkflow(env.client, t.db, stack.taskQueue);
    const missed = await startHouseholdWorkflow(env.client, t.db, stack.taskQueue);
    // A household of the town's other village (河口村) is outside the area.
    const elsewhere = await householdsRepo(t.db).insert({ county_id: '990101', town_id: '990101001', village_id: HEKOU, address: '河口村3号', head_name: '周九', category: 'marginal' });

    const cadre = await api.login('cun.donggang');
    const refused = await api.call('POST', '/screenings', { token: cadre, body: { areaId: DONGGANG, reason: '台风灾害', dueDays: 3 } });
    expect(refused).toMatchObject({ status: 403, body: { message: '“村干部”不能办理“部署突发情况排查”' } });
    const county = await api.login('xian.xczx');
    const invalid = await api.call('POST', '/screenings', { token: county, body: { areaId: DONGGANG, reason: ' ', dueDays: 0 } });
    expect(invalid.status).toBe(400);
    const ordered = await api.call('POST', '/screenings', { token: county, body: { areaId: DONGGANG, reason: '台风灾害', dueDays: 3 } });
    expect(ordered.status).toBe(202);
    const campaignId = ordered.body.id as string;
    expect(ordered.headers.get('location')).toBe(`/campaigns/${campaignId}`);

    // The screening is a campaign: its cohort the village's households, its check a visit.
    const campaign = await api.call('GET', `/campaigns/${campaignId}`, { token: county });
    expect(campaign.body).toMatchObject({ kind: 'screening', name: '突发情况排查（台风灾害）', areaId: DONGGANG, checklist: ['visit'], responsible: 'village', cohort: ordered.body.households });
    await eventually(async () => {
      const items = await t.db.selectFrom('due_items').select(['household_id', 'kind']).where('item_key', 'like', `campaign:${campaignId}:check:%`).execute();
      expect(items.map((i) => i.household_id)).toEqual(expect.arrayContaining([visited.householdId, missed.householdId]));
      expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['screening_visit']));
    });
    expect(await t.db.selectFrom('campaign_households').select('household_id').where('campaign_id', '=', campaignId).where('household_id', '=', elsewhere.id).execute()).toEqual([]);
    await eventually(async () => {
      const inbox = await api.call('GET', '/notifications', { token: cadre });
      expect(inbox.body.items.find((n: { kind: string }) => n.kind === 'campaign.launched')).toMatchObject({ title: '突发情况排查任务', body: expect.stringContaining('因台风灾害，本单位有') });
    });

    const now = await env.currentTimeMs();
    const result = await applyUpdate(visited.handle, recordVisit, {
      args: [{ actor: actors.cadre, period: periodOf(now), visitedOn: formatLocalDate(toLocalDate(now)), findings: '房屋受损轻微，生活正常' }],
    });
    expect(result.signal).toBe('none');
    const [visit] = await eventsOf(t.db, visited.householdId, 'monitoring.visited');
    expect(visit!.payload).toMatchObject({ screeningsAnswered: 1 });
    const check = await api.call('GET', `/campaigns/${campaignId}/checks/${visited.householdId}`, { token: cadre });
    expect(check.body).toMatchObject({ finding: 'no_problem', late: false, checkedAt: expect.any(String) });

    await env.sleep(3 * DAY + 60_000);
    await eventually(async () => {
      const item = await t.db.selectFrom('due_items').select(['status', 'overdue_at']).where('item_key', '=', `campaign:${campaignId}:check:${missed.householdId}`).executeTakeFirstOrThrow();
      expect(item).toMatchObject({ status: 'open', overdue_at: expect.any(Date) });
    });
    const answered = await t.db.selectFrom('due_items').select(['status', 'overdue_at']).where('item_key', '=', `campaign:${campaignId}:check:${visited.householdId}`).executeTakeFirstOrThrow();
    expect(answered).toEqual({ status: 'done', overdue_at: null });
    const households = ordered.body.households as number;

    const town = await api.login('zhen.dongcheng');
    const progress = await api.call('GET', `/screenings/${campaignId}`, { token: town });
    expect(progress).toMatchObject({ status: 200, body: { reason: '台风灾害', campaignId, households, visited: 1, open: households - 1, overdue: households - 1 } });
    expect((await api.call('GET', '/notifications', { token: cadre })).body.items.map((n: { kind: string }) => n.kind)).toContain('campaign.checks_overdue');
    const overdueList = await api.call('GET', '/due-items?state=overdue&kind=screening_visit', { token: county });
    expect(overdueList.body.items.map((i: { household: { id: string } }) => i.household.id)).toContain(missed.householdId);
  });

  it('a town orders one for its own area only; a visit that found a risk leaves the check to be recorded with its problem', async () => {
    const { t, env, api } = stack;
    const actors = await demoActors(t.db);
    const household = await startHouseholdWorkflow(env.client, t.db, stack.taskQueue);
    const town = await api.login('zhen.dongcheng');
    expect(await api.call('POST', '/screenings', { token: town, body: { areaId: '990101', reason: '山洪', dueDays: 2 } })).toMatchObject({ status: 403 });
    expect(await api.call('POST', '/screenings', { token: town, body: { areaId: '990101002', reason: '山洪', dueDays: 2 } })).toMatchObject({ status: 403 });
    const ordered = await api.call('POST', '/screenings', { token: town, body: { areaId: '990101001', reason: '山洪', dueDays: 2 } });
    expect(ordered.status).toBe(202);
    const id = ordered.body.id as string;
    await eventually(async () => expect((await api.call('GET', `/campaigns/${id}`, { token: town })).body).toMatchObject({ status: 'open', areaId: '990101001' }));
    // Another town does not see it; the county does.
    expect(await api.call('GET', `/screenings/${id}`, { token: await api.login('zhen.xiling') })).toMatchObject({ status: 403 });
    expect(await api.call('GET', `/screenings/${id}`, { token: await api.login('xian.xczx') })).toMatchObject({ status: 200 });

    const now = await env.currentTimeMs();
    await applyUpdate(household.handle, recordVisit, {
      args: [{ actor: actors.cadre, period: periodOf(now), visitedOn: formatLocalDate(toLocalDate(now)), findings: '房屋被冲毁', risksFound: ['disaster'] }],
    });
    const [visit] = await eventsOf(t.db, household.householdId, 'monitoring.visited');
    expect(visit!.payload).toMatchObject({ screeningsAnswered: 0 });
    const cadre = await api.login('cun.donggang');
    const open = await api.call('GET', `/campaigns/${id}/checks/${household.householdId}`, { token: cadre });
    expect(open.body).toMatchObject({ checkedAt: null, finding: null });
    const tomorrow = formatLocalDate(toLocalDate(now + 2 * DAY));
    const recorded = await api.call('POST', `/campaigns/${id}/checks/${household.householdId}`, {
      token: cadre,
      body: { checked: ['visit'], problems: [{ kind: 'unresolved_risk', description: '房屋被冲毁，需安置', rectifyBy: tomorrow }] },
    });
    expect(recorded).toMatchObject({ status: 200, body: { recorded: true, problems: 1 } });

    // The town publishes its own campaign's notice; the county's are not its to publish.
    const notice = await api.call('POST', `/campaigns/${id}/notice`, { token: town });
    expect(notice).toMatchObject({ status: 200, body: { report: { orderedBy: '东城镇', problems: 1 } } });
    expect(notice.body.body).toContain('东城镇组织开展');
    const countyWide = await api.call('POST', '/screenings', { token: await api.login('xian.xczx'), body: { areaId: '990101', reason: '寒潮', dueDays: 5 } });
    expect(countyWide.status).toBe(202);
    await eventually(async () => expect((await api.call('GET', `/campaigns/${countyWide.body.id}`, { token: town })).body).toMatchObject({ status: 'open' }));
    expect(await api.call('POST', `/campaigns/${countyWide.body.id}/notice`, { token: town })).toMatchObject({ status: 403, body: { message: '全县范围的专项督查由县领导小组或县乡村振兴局发布通报' } });
  });

  it('a town officer launches an inspection campaign of his town, not of the county, nor with a county department', async () => {
    const { api } = stack;
    const town = await api.login('zhen.dongcheng');
    const options = await api.call('GET', '/campaigns/options', { token: town });
    expect(options.body).toMatchObject({ areaId: '990101001', towns: [{ id: '990101001', name: '东城镇' }], departments: [] });
    const body = { name: '本镇收入下降户核查', reason: '镇党委部署', criteria: {}, checklist: ['visit', 'verify_income'], responsible: 'village', dueWorkingDays: 5 };
    expect(await api.call('POST', '/campaigns/preview', { token: town, body: { areaId: '990101', criteria: {} } })).toMatchObject({ status: 403 });
    expect(await api.call('POST', '/campaigns', { token: town, body: { ...body, areaId: '990101' } })).toMatchObject({ status: 403 });
    expect(await api.call('POST', '/campaigns', { token: town, body: { ...body, areaId: '990101001', criteria: { townId: '990101002' } } })).toMatchObject({ status: 400 });
    const department = await api.call('POST', '/campaigns', { token: town, body: { ...body, areaId: '990101001', responsible: 'department', departmentId: '00000000-0000-4000-8000-000000000001' } });
    expect(department).toMatchObject({ status: 400, body: { message: '乡镇部署的专项督查由本镇或各村核查，不能指派县直部门' } });
    const launched = await api.call('POST', '/campaigns', { token: town, body: { ...body, areaId: '990101001' } });
    expect(launched.status).toBe(202);
    expect((await api.call('GET', '/campaigns', { token: await api.login('cun.donggang') })).body.items.map((c: { id: string }) => c.id)).toContain(launched.body.id);
    expect((await api.call('GET', '/campaigns', { token: await api.login('zhen.xiling') })).body.items.map((c: { id: string }) => c.id)).not.toContain(launched.body.id);
  });

  it('a screening ordered before screenings were campaigns keeps its own workflow: it runs to its date and counts the overdue visits', async () => {
    const { t, env } = stack;
    const household = await startHouseholdWorkflow(env.client, t.db, stack.taskQueue);
    const actors = await demoActors(t.db);
    const orderedAt = new Date(await env.currentTimeMs());
    const legacy = await screeningsRepo(t.db).insert({ countyId: '990101', areaId: DONGGANG, reason: '旧排查', orderedBy: actors.county.userId, orderedAt, dueAt: new Date(orderedAt.getTime() + 2 * DAY) });
    const input: ScreeningCampaignInput = { version: 1, campaignId: legacy.id, dueAt: legacy.due_at.getTime() };
    const handle = await env.client.workflow.start('screeningCampaignWorkflow', { taskQueue: stack.taskQueue, workflowId: screeningWorkflowId(legacy.id), args: [input] });
    await eventually(async () => expect(await t.db.selectFrom('due_items').select('id').where('campaign_id', '=', legacy.id).where('household_id', '=', household.householdId).execute()).toHaveLength(1));
    await env.sleep(2 * DAY + 60_000);
    const outcome = await handle.result();
    await keepHistory(env.client, 'screening-campaign', screeningWorkflowId(legacy.id));
    expect(outcome.overdue).toBe(outcome.households);
    expect(outcome.households).toBeGreaterThan(0);
    // Not a campaign: its progress is read from its own row.
    expect(await t.db.selectFrom('inspection_campaigns').select('id').where('id', '=', legacy.id).execute()).toEqual([]);
    expect(campaignWorkflowId(legacy.id)).not.toBe(screeningWorkflowId(legacy.id));
  });
});
