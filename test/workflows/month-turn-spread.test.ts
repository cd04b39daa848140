import { describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { addMonths, endOfDayInPeriod, HOUR_MS, periodOf, startOfPeriod, type Period } from '../../domain/calendar/dates.js';
import { MONTH_TURN_SPREAD_MS, monthTurnDelayMs } from '../../domain/monitoring/month-turn.js';
import { householdWorkflowId, submitMonthlyUpdate } from '../../workflows/household/definitions.js';
import { eventsOf } from '../helpers/fixtures.js';
import { keepHistory } from '../helpers/histories.js';
import { demoActors, startHouseholdWorkflow } from '../helpers/household.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping' });
const MINUTE = 60_000;

async function sleepUntil(at: number) {
  const now = await stack.env.currentTimeMs();
  if (at > now) await stack.env.sleep(at - now);
}

const itemsOf = (householdId: string, period: Period) =>
  stack.t.db.selectFrom('due_items').selectAll().where('household_id', '=', householdId).where('period', '=', period).orderBy('kind').execute();

describe('the month turn spread over the first hours of the month (issue 19)', () => {
  it('opens each household’s month at its own moment, the deadlines the plan’s; an update before that moment opens the month first', async () => {
    const { t, env, taskQueue } = stack;
    const actors = await demoActors(t.db);
    const started = await Promise.all(Array.from({ length: 6 }, () => startHouseholdWorkflow(env.client, t.db, taskQueue)));
    const households = started.map((h) => ({ ...h, delay: monthTurnDelayMs(householdWorkflowId(h.householdId)) })).sort((a, b) => a.delay - b.delay);
    const next = addMonths(periodOf(await env.currentTimeMs()), 1);
    const start = startOfPeriod(next);
    const deadlines = [
      ['monthly_update', endOfDayInPeriod(next, 20)],
      ['monthly_visit', startOfPeriod(addMonths(next, 1))],
    ];
    // The latest of them: its cadre sends next month's update a minute into the month, before its moment.
    const early = households.at(-1)!;
    expect(early.delay).toBeGreaterThan(10 * MINUTE);

    await sleepUntil(start + MINUTE);
    expect(await itemsOf(early.householdId, next)).toEqual([]);
    const sent = await applyUpdate(early.handle, submitMonthlyUpdate, { args: [{ actor: actors.cadre, period: next, income: [{ period: next, kind: 'wages', yuan: 900 }], memberCount: 2 }] });
    expect(sent).toMatchObject({ period: next, late: false });
    const opened = await itemsOf(early.householdId, next);
    expect(opened.map((i) => [i.kind, i.due_at.getTime(), i.status])).toEqual([
      ['monthly_update', deadlines[0]![1], 'done'],
      ['monthly_visit', deadlines[1]![1], 'open'],
    ]);
    expect(opened[0]!.opened_at.getTime()).toBeLessThan(start + early.delay);
    expect((await eventsOf(t.db, early.householdId, 'monitoring.assessed')).map((e) => (e.payload as { period: string }).period)).toEqual([next]);

    // Six hours into the month every household has its items, each opened at its own moment, due by the same deadlines.
    await sleepUntil(start + MONTH_TURN_SPREAD_MS + HOUR_MS);
    const moments: number[] = [];
    for (const h of households.slice(0, -1)) {
      await eventually(async () => expect(await itemsOf(h.householdId, next)).toHaveLength(2));
      const items = await itemsOf(h.householdId, next);
      expect(items.map((i) => [i.kind, i.due_at.getTime()])).toEqual(deadlines);
      const at = items[0]!.opened_at.getTime();
      expect(at).toBeGreaterThanOrEqual(start + h.delay);
      expect(at).toBeLessThan(start + h.delay + MINUTE);
      moments.push(at);
    }
    expect(Math.max(...moments)).toBeLessThan(start + MONTH_TURN_SPREAD_MS);
    expect(new Set(moments).size).toBeGreaterThan(1);

    // At the deadline the rest are overdue, recorded at the deadline and told to the village and the town.
    const rest = households[0]!;
    await sleepUntil(deadlines[0]![1] as number + HOUR_MS);
    const overdueOf = async (householdId: string) => (await eventsOf(t.db, householdId, 'monthly_update.overdue')).filter((e) => (e.payload as { period: string }).period === next);
    await eventually(async () => expect(await overdueOf(rest.householdId)).toHaveLength(1));
    const [overdue] = await overdueOf(rest.householdId);
    expect(overdue!.occurred_at.getTime()).toBe(deadlines[0]![1]);
    const inbox = await t.db.selectFrom('notifications').select(['recipient_role']).where('household_id', '=', rest.householdId).where('notification_key', 'like', `%:${next}:%`).orderBy('recipient_role').execute();
    expect(inbox.map((n) => n.recipient_role)).toEqual(['town_officer', 'village_cadre']);
    expect((await itemsOf(rest.householdId, next)).map((i) => i.overdue_at?.getTime() ?? null)).toEqual([deadlines[0]![1], null]);
    expect(await overdueOf(early.householdId)).toEqual([]);

    await keepHistory(env.client, 'household-month-turn-early-update', early.handle.workflowId);
    await keepHistory(env.client, 'household-month-turn-overdue', rest.handle.workflowId);
  });
});
