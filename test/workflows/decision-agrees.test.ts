import { beforeAll, describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { periodOf } from '../../domain/calendar/dates.js';
import { getHouseholdState, submitMonthlyUpdate } from '../../workflows/household/definitions.js';
import { eventsOf } from '../helpers/fixtures.js';
import { demoActors, makeMonitoringObject, startHouseholdWorkflow } from '../helpers/household.js';
import { useStack } from '../helpers/stack.js';

const stack = useStack({ server: 'time-skipping' });
let actors: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  actors = await demoActors(stack.t.db);
});

describe('the first monthly update after a county decision (issue 17, item 5)', () => {
  it('keeps the decided risk causes and the application’s last-year income, so it agrees with the decision', async () => {
    const { t, env, taskQueue } = stack;
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await makeMonitoringObject(env, handle, actors);
    expect((await handle.query(getHouseholdState)).stage).toBe('monitoring');
    const [decided] = await eventsOf(t.db, householdId, 'identification.assessed');
    expect((decided!.payload as any).summary.conclusion).toBe('eligible');

    const period = periodOf(await env.currentTimeMs());
    // The village files the month's figures only: no risk cause, no last year's income typed again.
    const result = await applyUpdate(handle, submitMonthlyUpdate, {
      args: [{ actor: actors.cadre, period, income: [{ period, kind: 'wages', yuan: 1000 }], memberChanges: '无变化' }],
    });
    expect(result.signal).toBe('none');

    const [monthly] = await eventsOf(t.db, householdId, 'monitoring.assessed');
    const { summary, inputs } = monthly!.payload as any;
    expect(summary.conclusion).toBe('eligible');
    expect(summary.explanation.join('\n')).not.toContain('不符合纳入监测条件');
    expect(summary.riskCauses).toEqual(['illness']);
    expect(summary.lastYearIncomePerCapita).toBe(11200);
    expect(inputs).toMatchObject({ riskCauses: ['illness'], lastYearIncomePerCapita: 11200, period });
  });
});
