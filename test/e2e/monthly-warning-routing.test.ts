import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, endOfLocalDay, toLocalDate } from '../../domain/calendar/dates.js';
import { DONGCHENG, DONGGANG, dueItemsOf, fileEvents, loginAll, monitoredHousehold, thisMonth, userId, type Tokens } from '../helpers/journeys.js';
import { demoCountyWithoutNotice } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';

const stack = useStack({ server: 'dev', api: true, beforeStart: (t) => demoCountyWithoutNotice(t.db, 'e2e-monthly-warning-routing') });
let tokens: Tokens;
beforeAll(async () => {
  tokens = await loginAll(stack.api);
}, 120_000);

/**
 * The monthly re-assessment's own warning 预警 → 因户施策 (Xinfeng [003]) goes
 * the way a department feed's does: exactly one follow-up item with the
 * profile's clock (the demo county's 15 days), its 帮扶责任人 responsible, the
 * town and the village told, listed on the comparison screen's warnings, open
 * until the town records what was done.
 */
describe('a monitored household’s monthly update that raises a warning', () => {
  it('opens one follow-up item with its clock, tells the responsible person and the town, and closes when what was done is recorded', async () => {
    const { api, t } = stack;
    const month = thisMonth();
    const id = await monitoredHousehold(api, tokens, '预警一');
    const cadre = await userId(api, tokens.cadre);
    expect((await api.call('PUT', `/households/${id}/responsible`, { token: tokens.town, body: { userId: cadre } })).status).toBe(200);
    const update = (yuan: number) =>
      api.call('POST', `/households/${id}/monthly-updates`, { token: tokens.cadre, body: { period: month, income: [{ period: month, kind: 'wages', yuan }], memberCount: 1 } });

    // Income above the line first: no warning, nothing routed.
    expect((await update(30_000)).body).toMatchObject({ signal: 'elimination_suggested' });
    const warnings = () => t.owner.selectFrom('comparison_warnings').selectAll().where('household_id', '=', id).execute();
    expect(await warnings()).toEqual([]);

    // Then income falls under the monitoring line: the re-assessment warns, and the warning is routed.
    expect((await update(1_000)).body).toMatchObject({ signal: 'warning' });
    const [warning, ...more] = await warnings();
    expect(more).toEqual([]);
    expect(warning).toMatchObject({ source: 'monthly_update', batch_id: null, row_no: null, member_id: null, month, routed: 'follow_up', discovery: null, follow_up_days: 15, town_id: DONGCHENG, village_id: DONGGANG });
    const [raised] = (await fileEvents(api, tokens.cadre, id)).filter((e) => e.kind === 'monitoring.warning_raised');
    expect(warning!.rule_name).toBe(raised.details.reasons.join('；'));

    const items = (await t.owner.selectFrom('due_items').selectAll().where('household_id', '=', id).where('kind', '=', 'comparison_follow_up').execute());
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ item_key: warning!.due_item_key, status: 'open', responsible_user_id: cadre, period: month, town_id: DONGCHENG, village_id: DONGGANG });
    const expectedDue = endOfLocalDay(addDays(toLocalDate(warning!.raised_at.getTime()), 15));
    expect(items[0]!.due_at.getTime()).toBe(expectedDue);
    expect((await dueItemsOf(api, tokens.cadre, id)).filter((i) => i.kind === 'comparison_follow_up')).toHaveLength(1);

    const notices = (await sql<{ recipient_jurisdiction_id: string; recipient_role: string; body: string; due_item_key: string }>`
      select recipient_jurisdiction_id, recipient_role, body, due_item_key from notifications where household_id = ${id} and kind = 'monitoring.warning' order by recipient_role`.execute(t.owner)).rows;
    expect(notices.map((n) => [n.recipient_jurisdiction_id, n.recipient_role, n.due_item_key])).toEqual([
      [DONGCHENG, 'town_officer', warning!.due_item_key],
      [DONGGANG, 'village_cadre', warning!.due_item_key],
    ]);
    expect(notices[0]!.body).toBe(`${month}月度信息更新研判发现：预警一户${warning!.rule_name}。请在15天内入户核实、因户施策并记录跟进情况。`);
    // The responsible person (a cadre of the village) and the town's officer each find it in their inbox.
    for (const token of [tokens.cadre, tokens.town]) {
      const inbox = await api.call('GET', '/notifications?limit=50', { token });
      expect(inbox.body.items.filter((n: { householdId: string; kind: string }) => n.householdId === id && n.kind === 'monitoring.warning')).toHaveLength(1);
    }

    // The comparison screen's list shows it with its source and clock, to the town; another town does not see it.
    const report = await api.call('GET', `/comparison/${month}`, { token: tokens.town });
    const listed = report.body.warnings.filter((w: { householdId: string }) => w.householdId === id);
    expect(listed).toEqual([
      expect.objectContaining({ source: 'monthly_update', feedName: '月度信息更新研判', rowNo: null, routed: 'follow_up', dueAt: new Date(expectedDue).toISOString(), followedUpAt: null }),
    ]);
    expect((await api.call('GET', `/comparison/${month}`, { token: tokens.otherTown })).body.warnings.filter((w: { householdId: string }) => w.householdId === id)).toEqual([]);

    // A second update of the month that shows no new risk routes nothing more.
    expect((await update(900)).body).toMatchObject({ signal: 'none' });
    expect(await warnings()).toHaveLength(1);

    // Recorded once, the follow-up closes; its item is done.
    const done = await api.call('POST', `/comparison/warnings/${warning!.id}/follow-up`, { token: tokens.town, body: { note: '已入户核实，落实公益岗位' } });
    expect(done.status).toBe(200);
    expect((await api.call('POST', `/comparison/warnings/${warning!.id}/follow-up`, { token: tokens.town, body: { note: '再次' } })).status).toBe(409);
    const closed = await t.owner.selectFrom('due_items').select(['status', 'done_by']).where('item_key', '=', warning!.due_item_key!).executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: 'done', done_by: await userId(api, tokens.town) });
    const after = (await api.call('GET', `/comparison/${month}`, { token: tokens.town })).body.warnings.find((w: { id: string }) => w.id === warning!.id);
    expect(after).toMatchObject({ followUpNote: '已入户核实，落实公益岗位' });
    expect((await fileEvents(api, tokens.cadre, id)).filter((e) => e.kind === 'comparison.followed_up')).toHaveLength(1);
  });
});
