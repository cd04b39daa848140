import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { formatLocalDate, periodOf, toLocalDate } from '../../domain/calendar/dates.js';
import { recordVisit } from '../../workflows/household/definitions.js';
import { householdsRepo } from '../../db/repositories/households.js';
import { screeningWorkflowId } from '../../workflows/screening/definitions.js';
import { eventsOf } from '../helpers/fixtures.js';
import { keepHistory } from '../helpers/histories.js';
import { demoActors, startHouseholdWorkflow } from '../helpers/household.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping', api: true });
const DAY = 24 * 60 * 60 * 1000;

describe('an immediate screening of an area after a disaster 及早介入', () => {
  it('gives every household of the village a visit due in the days given; a visit answers it, the rest are overdue at the date', async () => {
    const { t, env, api } = stack;
    const actors = await demoActors(t.db);
    const visited = await startHouseholdWorkflow(env.client, t.db, stack.taskQueue);
    const missed = await startHouseholdWorkflow(env.client, t.db, stack.taskQueue);
    // A household of the town's other village (河口村) is outside the area.
    const elsewhere = await householdsRepo(t.db).insert({ county_id: '990101', town_id: '990101001', village_id: '990101001202', address: '河口村3号', head_name: '周九', category: 'marginal' });

    const cadre = await api.login('cun.donggang');
    const refused = await api.call('POST', '/screenings', { token: cadre, body: { areaId: '990101001201', reason: '台风灾害', dueDays: 3 } });
    expect(refused).toMatchObject({ status: 403, body: { message: '“村干部”不能办理“部署突发情况排查”' } });
    const county = await api.login('xian.xczx');
    const invalid = await api.call('POST', '/screenings', { token: county, body: { areaId: '990101001201', reason: ' ', dueDays: 0 } });
    expect(invalid.status).toBe(400);
    const ordered = await api.call('POST', '/screenings', { token: county, body: { areaId: '990101001201', reason: '台风灾害', dueDays: 3 } });
    expect(ordered.status).toBe(202);
    const campaignId = ordered.body.id as string;

    await eventually(async () => {
      const items = await t.db.selectFrom('due_items').select(['household_id', 'status']).where('campaign_id', '=', campaignId).execute();
      expect(items.map((i) => i.household_id).sort()).toEqual(expect.arrayContaining([visited.householdId, missed.householdId]));
    });
    expect(await t.db.selectFrom('due_items').select('id').where('campaign_id', '=', campaignId).where('household_id', '=', elsewhere.id).execute()).toEqual([]);
    const inbox = await api.call('GET', '/notifications', { token: cadre });
    expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toContain('screening.ordered');

    const now = await env.currentTimeMs();
    const result = await applyUpdate(visited.handle, recordVisit, {
      args: [{ actor: actors.cadre, period: periodOf(now), visitedOn: formatLocalDate(toLocalDate(now)), findings: '房屋受损轻微，生活正常' }],
    });
    expect(result.signal).toBe('none');
    const [visit] = await eventsOf(t.db, visited.householdId, 'monitoring.visited');
    expect(visit!.payload).toMatchObject({ screeningsAnswered: 1 });

    await env.sleep(3 * DAY + 60_000);
    const outcome = await env.client.workflow.getHandle(screeningWorkflowId(campaignId)).result();
    await keepHistory(env.client, 'screening-campaign', screeningWorkflowId(campaignId));
    expect(outcome.overdue).toBe(outcome.households - 1);
    const items = await t.db.selectFrom('due_items').select(['household_id', 'status', 'overdue_at']).where('campaign_id', '=', campaignId).execute();
    expect(items.find((i) => i.household_id === visited.householdId)).toMatchObject({ status: 'done', overdue_at: null });
    expect(items.find((i) => i.household_id === missed.householdId)).toMatchObject({ status: 'open', overdue_at: expect.any(Date) });

    const progress = await api.call('GET', `/screenings/${campaignId}`, { token: await api.login('zhen.dongcheng') });
    expect(progress).toMatchObject({ status: 200, body: { reason: '台风灾害', visited: 1, open: outcome.overdue, overdue: outcome.overdue } });
    const townInbox = await api.call('GET', '/notifications', { token: await api.login('zhen.dongcheng') });
    expect(townInbox.body.items.find((n: { kind: string }) => n.kind === 'screening.overdue')?.body).toContain('本镇尚有');
    const overdueList = await api.call('GET', '/due-items?state=overdue&kind=screening_visit', { token: county });
    expect(overdueList.body.items.map((i: { household: { id: string } }) => i.household.id)).toContain(missed.householdId);
  });
});
