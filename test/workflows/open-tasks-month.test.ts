/**
 * The required tasks that hold risk elimination back are read by the profile
 * version in force in the month they are asked about (the county's waiver or
 * the proposal, in workflow time), not by the activity's clock: a county whose
 * version 1 names no measure that goes on after elimination publishes a
 * version 2 (national practice: microcredit to the end of its contract) from a
 * month after today. Once the household's time is in that month, its open
 * microcredit task no longer holds elimination back — before the fix the
 * activity looked up today's version and still listed it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { addMonths, periodOf, startOfPeriod } from '../../domain/calendar/dates.js';
import { national2026V1 } from '../../domain/policy/counties/national-2026.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { waiveTaskRequirement } from '../../workflows/household/definitions.js';
import { keepHistory } from '../helpers/histories.js';
import { demoActors, makeMonitoringObject, startHouseholdWorkflow } from '../helpers/household.js';
import { pointDemoCountyAt } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';
import { planAndStart } from '../helpers/tasks.js';

const stack = useStack({ server: 'time-skipping' });
const DAY = 24 * 60 * 60 * 1000;
const PROFILE = 'open-tasks-month-test';
let actors: Awaited<ReturnType<typeof demoActors>>;
/** The month version 2 takes effect: after both today and the household's first month. */
let secondFrom: ReturnType<typeof periodOf>;

beforeAll(async () => {
  const { t, env } = stack;
  actors = await demoActors(t.db);
  const today = periodOf(Math.max(Date.now(), await env.currentTimeMs()));
  secondFrom = addMonths(today, 2);
  const first = { ...shifanV1, id: PROFILE, version: 1, effectiveFrom: '2020-01' };
  const second = { ...national2026V1, id: PROFILE, version: 2, effectiveFrom: secondFrom, thresholds: shifanV1.thresholds };
  await policyProfilesRepo(t.db).addMissing([
    { id: PROFILE, version: 1, effectiveFrom: '2020-01', countyName: '示范县', body: JSON.parse(JSON.stringify(first)) },
    { id: PROFILE, version: 2, effectiveFrom: secondFrom, countyName: '示范县', body: JSON.parse(JSON.stringify(second)) },
  ]);
  await pointDemoCountyAt(t.db, PROFILE);
});

describe('the required tasks open at a waiver, by the profile version of the household’s month', () => {
  it('leaves out microcredit (it goes on after elimination) once the month of the version that says so has come, though today’s version does not say so', async () => {
    const { t, env, taskQueue } = stack;
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await makeMonitoringObject(env, handle, actors);
    const row = await t.db.selectFrom('households').selectAll().where('id', '=', householdId).executeTakeFirstOrThrow();
    const plan = await planAndStart(env.client, t.db, taskQueue, {
      householdId,
      place: { countyId: row.county_id, townId: row.town_id, villageId: row.village_id, groupId: row.group_id },
      drawnBy: actors.town.userId,
      at: await env.currentTimeMs(),
      measures: [{ code: 'dibao_pension' }, { code: 'microcredit' }],
    });
    const dibao = plan.tasks.find((k) => k.measure === 'dibao_pension')!;
    const credit = plan.tasks.find((k) => k.measure === 'microcredit')!;
    expect(credit).toBeDefined();

    // The household's time moves into the month version 2 takes effect; the activity's clock stays in today's month.
    await env.sleep(startOfPeriod(secondFrom) + DAY - (await env.currentTimeMs()));
    expect(periodOf(Date.now()) < secondFrom).toBe(true);
    const waived = await applyUpdate(handle, waiveTaskRequirement, { args: [{ actor: actors.county, taskKey: dibao.taskKey, reason: '已由民政局按月发放，经县级研判不影响风险消除' }] });
    expect(waived).toEqual({ measure: 'dibao_pension', open: [] });
    await keepHistory(env.client, 'household-open-tasks-month', handle.workflowId);
  });
});
