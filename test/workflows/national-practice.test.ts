/**
 * A county on the 2026 national-practice profile (常态化帮扶, DOMAIN.md §10),
 * with its own income line entered (the demo county's figure): the clock from
 * the first clue to the county's decision in calendar days, the elimination
 * conditions refusing a proposal in the words of each condition, and the
 * measures that go on after elimination neither holding it back nor closed by it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { addDays, addMonths, endOfLocalDay, periodOf, startOfPeriod, toLocalDate } from '../../domain/calendar/dates.js';
import { national2026V1 } from '../../domain/policy/counties/national-2026.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import { acceptTask, completeTask } from '../../workflows/measure-task/definitions.js';
import {
  decideElimination,
  decideStep,
  getHouseholdState,
  openIdentification,
  proposeElimination,
  submitApplication,
  submitMonthlyUpdate,
} from '../../workflows/household/definitions.js';
import { eventsOf } from '../helpers/fixtures.js';
import { keepHistory } from '../helpers/histories.js';
import { application, demoActors, makeMonitoringObject, startHouseholdWorkflow } from '../helpers/household.js';
import { pointDemoCountyAt } from '../helpers/profiles.js';
import { useStack } from '../helpers/stack.js';
import { departmentActor, planAndStart, taskRow } from '../helpers/tasks.js';
import { refusal } from '../helpers/updates.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping' });
const DAY = 24 * 60 * 60 * 1000;
const PROFILE = 'national-practice-test';
let actors: Awaited<ReturnType<typeof demoActors>>;

beforeAll(async () => {
  const { t, env } = stack;
  actors = await demoActors(t.db);
  // A county started from the national-practice template, with the line it entered (here the demo county's).
  const from = periodOf(await env.currentTimeMs());
  const body = { ...national2026V1, id: PROFILE, effectiveFrom: '2026-01', thresholds: shifanV1.thresholds };
  await policyProfilesRepo(t.db).addMissing([{ id: PROFILE, version: 1, effectiveFrom: '2026-01', countyName: '示范县', body: JSON.parse(JSON.stringify(body)) }]);
  await pointDemoCountyAt(t.db, PROFILE);
  expect(from >= '2026-01').toBe(true);
});

const itemsOf = (householdId: string, kind: string) =>
  stack.t.db.selectFrom('due_items').selectAll().where('household_id', '=', householdId).where('kind', '=', kind).execute();

describe('national practice 2026: from the first clue to the county decision within 15 days', () => {
  it('opens a 15-calendar-day clock when the clue is recorded, marks it overdue on the 16th day for the town and the county, and closes it at the decision', async () => {
    const { t, env, taskQueue } = stack;
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await applyUpdate(handle, openIdentification, { args: [{ actor: actors.cadre, channel: 'visit', reason: '走访发现户主突发重病' }] });
    const openedAt = (await eventsOf(t.db, householdId, 'identification.opened'))[0]!.occurred_at.getTime();
    // “15日内”: calendar days, the clue's own day not counted, no working-day calendar.
    const due = endOfLocalDay(addDays(toLocalDate(openedAt), 15));
    const [clock] = await itemsOf(householdId, 'identification_clue');
    expect(clock).toMatchObject({ status: 'open' });
    expect(clock!.due_at.getTime()).toBe(due);
    expect((await handle.query(getHouseholdState)).clocks?.map((c) => [c.scope, c.workingDays, c.calendarDays])).toEqual([['clue', 15, true]]);

    await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] });
    await applyUpdate(handle, decideStep, { args: [{ actor: actors.cadre, step: 'village_review', decision: 'approve', opinion: '评议通过', participants: ['村民小组长'] }] });
    // The 5-day village notice passes; the town lets the rest of the 15 days go by.
    await env.sleep(due - (await env.currentTimeMs()) + 60_000);
    await eventually(async () => expect(await eventsOf(t.db, householdId, 'identification.clue_overdue')).toHaveLength(1));
    const [overdue] = await eventsOf(t.db, householdId, 'identification.clue_overdue');
    expect(overdue!.occurred_at.getTime()).toBe(due);
    expect(overdue!.payload).toMatchObject({ caseNo: 1, step: null, workingDays: 15, current: 'town_audit' });
    const [late] = await itemsOf(householdId, 'identification_clue');
    expect(late!.overdue_at?.getTime()).toBe(due);
    const told = await t.db.selectFrom('notifications').select(['recipient_role', 'body']).where('due_item_key', '=', late!.item_key).orderBy('recipient_role').execute();
    expect(told.map((n) => n.recipient_role)).toEqual(['county_bureau', 'town_officer']);
    expect(told[0]!.body).toContain('监测识别从发现线索到县级确定（15天内）');

    await applyUpdate(handle, decideStep, { args: [{ actor: actors.town, step: 'town_audit', decision: 'approve', opinion: '审核同意' }] });
    await applyUpdate(handle, decideStep, {
      args: [{ actor: actors.county, step: 'county_decision', decision: 'approve', opinion: '确定为监测对象', category: 'sudden_hardship', riskCauses: ['illness'] }],
    });
    const [closed] = await itemsOf(householdId, 'identification_clue');
    expect(closed).toMatchObject({ status: 'done', done_by: actors.county.userId });
    await keepHistory(env.client, 'household-clue-to-decision', handle.workflowId);
  });
});

describe('national practice 2026: elimination conditions and the measures that go on after it', () => {
  it('refuses a proposal naming each unmet condition, then takes it after 6 months above the line with a measure received; microcredit stays open', async () => {
    const { t, env, taskQueue } = stack;
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await makeMonitoringObject(env, handle, actors);
    const proposal = { actor: actors.cadre, statement: '户主病愈返岗务工，收入稳定超过监测标准', evidence: [{ title: '务工收入证明' }] };

    // Just included: monitored 0 months, no month above the line, no measure received.
    const refused = await refusal(applyUpdate(handle, proposeElimination, { args: [proposal] }));
    expect(refused).toMatchObject({ type: 'NotAllowed' });
    expect(refused?.message).toBe('不符合风险消除条件：收入稳定超过监测标准不足6个月（现0个月）；纳入监测不足6个月（现0个月）；尚未落实帮扶措施（至少1项）');

    // A plan: 低保 carried out by 民政局; 小额信贷 whose loan runs on (its task stays open).
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
    const mz = await departmentActor(t.db, 'mz');
    await applyUpdate(env.client.workflow.getHandle(dibao.taskKey), acceptTask, { args: [{ actor: mz }] });
    const today = toLocalDate(await env.currentTimeMs());
    await applyUpdate(env.client.workflow.getHandle(dibao.taskKey), completeTask, {
      args: [{ actor: mz, evidence: { whatWasDone: '已纳入低保，按月发放', amountFen: 68000, date: `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`, documents: [{ title: '低保审批表' }] } }],
    });
    await eventually(async () => expect((await taskRow(t.db, dibao.taskKey)).status).toBe('completed'));

    // Seven monthly updates with wages well above the line: the trailing year's projection is above it from the second on.
    const first = periodOf(await env.currentTimeMs());
    for (let i = 0; i < 7; i++) {
      const period = addMonths(first, i);
      if (i > 0) await env.sleep(startOfPeriod(period) + DAY - (await env.currentTimeMs()));
      await applyUpdate(handle, submitMonthlyUpdate, { args: [{ actor: actors.cadre, period, memberCount: 4, income: [{ period, kind: 'wages', yuan: 30000 }], memberChanges: '无变化' }] });
    }
    const assessed = await eventsOf(t.db, householdId, 'monitoring.assessed');
    expect(assessed.slice(-6).map((e) => (e.payload as any).summary.belowMonitoring)).toEqual([false, false, false, false, false, false]);

    // Six months above the line and a measure received, but the decision was mid-month: not yet 6 whole months monitored.
    const again = await refusal(applyUpdate(handle, proposeElimination, { args: [proposal] }));
    expect(again?.message).toBe('不符合风险消除条件：纳入监测不足6个月（现5个月）');
    await env.sleep(31 * DAY);

    // The open microcredit task does not hold the proposal back; the conditions are met.
    expect(await applyUpdate(handle, proposeElimination, { args: [proposal] })).toMatchObject({ status: 'in_progress', current: 'public_notice' });
    await env.sleep(5 * DAY + 60_000);
    await eventually(async () => expect(await eventsOf(t.db, householdId, 'elimination.notice_passed')).toHaveLength(1));
    await applyUpdate(handle, decideElimination, { args: [{ actor: actors.town, step: 'town_audit', decision: 'approve', opinion: '同意' }] });
    expect(await applyUpdate(handle, decideElimination, { args: [{ actor: actors.county, step: 'county_decision', decision: 'approve', opinion: '同意标注风险消除' }] })).toMatchObject({ status: 'approved' });
    expect((await handle.query(getHouseholdState)).stage).toBe('eliminated');

    // Marked eliminated, the loan's task goes on to the end of its contract: not closed, its item still open.
    expect((await taskRow(t.db, credit.taskKey)).status).toBe('assigned');
    expect((await env.client.workflow.getHandle(credit.taskKey).describe()).status.name).toBe('RUNNING');
    await keepHistory(env.client, 'household-elimination-conditions', handle.workflowId);
  });
});
