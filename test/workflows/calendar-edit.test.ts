import { beforeAll, describe, expect, it } from 'vitest';
import { addMonths, endOfLocalDay, parseLocalDate, periodOf, startOfPeriod, type Period } from '../../domain/calendar/dates.js';
import { calendarFromRows } from '../../domain/calendar/stored.js';
import { resolveDue } from '../../domain/deadlines/rules.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';
import { cadenceOf, profileProblems } from '../../domain/policy/profile.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { workCalendarRepo } from '../../db/repositories/work-calendar.js';
import { demoActors, makeMonitoringObject, startHouseholdWorkflow } from '../helpers/household.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

/**
 * The calendar is data the deadline activities read when they compute: a
 * holiday the county bureau adds moves the deadlines computed after it, and no
 * deadline already recorded (in the register and in the workflow's history).
 * The demo county with its monthly update moved off non-working days and a
 * 40-working-day clock on the whole identification, so that a clock opened in
 * December reaches into January.
 */
const stack = useStack({
  server: 'time-skipping',
  api: true,
  beforeStart: async (t) => {
    const cadence = cadenceOf(shifanV1).map((item) => (item.kind === 'monthly_update' ? { ...item, rule: { ...item.rule, shift: 'next_working_day' as const } } : item));
    const profile = { ...shifanV1, id: 'shifan-calendar', cadence, identificationClocks: { steps: { town_audit: 2 }, wholeCase: 40 } };
    expect(profileProblems(profile)).toEqual([]);
    await policyProfilesRepo(t.db).addMissing([{ id: profile.id, version: 1, effectiveFrom: '2021-01', countyName: '示范县', body: profile }]);
    await t.db.updateTable('jurisdictions').set({ policy_profile_id: profile.id }).where('id', '=', '990101').execute();
  },
});
let actors: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  actors = await demoActors(stack.t.db);
});

const items = (householdId: string) => stack.t.db.selectFrom('due_items').select(['item_key', 'kind', 'period', 'due_at']).where('household_id', '=', householdId).orderBy('item_key').execute();

describe('a holiday added to the calendar', () => {
  it('moves a deadline computed after it, and leaves those recorded before it as they were', async () => {
    const { t, env, taskQueue, api } = stack;
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await makeMonitoringObject(env, handle, actors);
    const recorded = await items(householdId);
    const clock = recorded.find((i) => i.kind === 'identification_case')!;
    const openedAt = (await t.db.selectFrom('household_events').select('occurred_at').where('household_id', '=', householdId).where('kind', '=', 'identification.opened').executeTakeFirstOrThrow()).occurred_at.getTime();

    // The year of the deadline that follows, with no notice yet: its January deadline would be the 20th itself.
    const january = addMonths(periodOf(await env.currentTimeMs()), 1) as Period;
    const year = Number(january.slice(0, 4));
    const twentieth = `${january}-20`;
    expect(parseLocalDate(twentieth).day).toBe(20);
    const token = await api.login('xian.xczx');
    const entered = await api.call('POST', '/calendar/years', {
      token,
      body: { year, notice: `国务院办公厅关于${year}年部分节假日安排的通知（测试数据）`, days: [{ day: twentieth, kind: 'rest', name: '测试假日' }] },
    });
    expect(entered.status).toBe(201);

    // Recomputed on the edited calendar, the clock would end later; recorded, it stays.
    const edited = calendarFromRows(await workCalendarRepo(t.db).years(), await workCalendarRepo(t.db).days());
    const recomputed = resolveDue({ kind: 'working_days_after', days: 40 }, openedAt, edited).at;
    const weekdayOfTwentieth = new Date(`${twentieth}T12:00:00+08:00`).getUTCDay();
    if (weekdayOfTwentieth !== 0 && weekdayOfTwentieth !== 6 && clock.due_at.getTime() > endOfLocalDay(parseLocalDate(twentieth))) {
      expect(recomputed).toBeGreaterThan(clock.due_at.getTime());
    }

    // January's items are planned after the edit: the monthly update moves off the new holiday.
    await env.sleep(startOfPeriod(january) + 5 * 86_400_000 - (await env.currentTimeMs()));
    await eventually(async () => expect((await items(householdId)).some((i) => i.period === january && i.kind === 'monthly_update')).toBe(true));
    const now = await items(householdId);
    const update = now.find((i) => i.period === january && i.kind === 'monthly_update')!;
    const expected = resolveDue({ kind: 'day_of_month', day: 20, shift: 'next_working_day' }, january, edited);
    expect(expected.date).not.toEqual(parseLocalDate(twentieth));
    expect(update.due_at.getTime()).toBe(expected.at);
    expect(expected.provisional).toBe(false);
    for (const before of recorded) expect(now.find((i) => i.item_key === before.item_key)).toEqual(before);
    await handle.terminate('test over');
  });
});
