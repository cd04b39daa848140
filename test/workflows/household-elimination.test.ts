import { beforeAll, describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { addMonths, formatLocalDate, periodOf, startOfPeriod, toLocalDate } from '../../domain/calendar/dates.js';
import {
  decideElimination,
  getHouseholdState,
  proposeElimination,
  raiseEliminationObjection,
  recordVisit,
  rollbackElimination,
  type EliminationDecisionInput,
} from '../../workflows/household/definitions.js';
import { eventsOf } from '../helpers/fixtures.js';
import { keepHistory } from '../helpers/histories.js';
import { refusal } from '../helpers/updates.js';
import { demoActors, makeMonitoringObject, startHouseholdWorkflow } from '../helpers/household.js';
import { useStack } from '../helpers/stack.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping' });
const DAY = 24 * 60 * 60 * 1000;
let actors: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  actors = await demoActors(stack.t.db);
});

const proposal = () => ({ actor: actors.cadre, statement: '户主病愈返岗务工，家庭人均收入已超过监测标准，帮扶措施已落实', evidence: [{ title: '务工收入证明' }] });
const decision = (step: EliminationDecisionInput['step'], d: EliminationDecisionInput['decision'] = 'approve'): EliminationDecisionInput => ({
  actor: step === 'town_audit' ? actors.town : actors.county,
  step,
  decision: d,
  opinion: d === 'approve' ? '同意标注风险消除' : '收入证明不足，请补充',
});

async function monitored() {
  const { t, env, taskQueue } = stack;
  const started = await startHouseholdWorkflow(env.client, t.db, taskQueue);
  await makeMonitoringObject(env, started.handle, actors);
  return started;
}

const stageInDb = (householdId: string) => stack.t.db.selectFrom('households').select('stage').where('id', '=', householdId).executeTakeFirstOrThrow();

async function eliminate(handle: Awaited<ReturnType<typeof monitored>>['handle'], householdId: string) {
  const { env, t } = stack;
  const passed = (await eventsOf(t.db, householdId, 'elimination.notice_passed')).length;
  expect(await applyUpdate(handle, proposeElimination, { args: [proposal()] })).toMatchObject({ status: 'in_progress', current: 'public_notice' });
  await env.sleep(7 * DAY + 60_000);
  await eventually(async () => expect(await eventsOf(t.db, householdId, 'elimination.notice_passed')).toHaveLength(passed + 1));
  expect(await applyUpdate(handle, decideElimination, { args: [decision('town_audit')] })).toMatchObject({ current: 'county_decision' });
  expect(await applyUpdate(handle, decideElimination, { args: [decision('county_decision')] })).toMatchObject({ status: 'approved', current: null });
}

describe('risk elimination 风险消除: proposal → public notice → town audit → county confirmation', () => {
  it('marks the household eliminated (never deleted), keeps the visit as light monitoring, rolls back with a reason, and returns on new risk', async () => {
    const { t, env } = stack;
    const { householdId, handle } = await monitored();
    await eliminate(handle, householdId);
    expect((await handle.query(getHouseholdState)).stage).toBe('eliminated');
    await eventually(async () => expect(await stageInDb(householdId)).toEqual({ stage: 'eliminated' }));

    // Light monitoring: next month only the visit is due.
    const next = addMonths(periodOf(await env.currentTimeMs()), 1);
    await env.sleep(startOfPeriod(next) + DAY - (await env.currentTimeMs()));
    await eventually(async () => {
      const items = await t.db.selectFrom('due_items').select('kind').where('household_id', '=', householdId).where('period', '=', next).execute();
      expect(items.map((i) => i.kind)).toEqual(['monthly_visit']);
    });

    // The county rolls the mark back 回退; then a second elimination, and a visit that finds new risk brings it back.
    expect(await refusal(applyUpdate(handle, rollbackElimination, { args: [{ actor: actors.county, reason: ' ' }] }))).toMatchObject({ type: 'InvalidInput' });
    expect(await refusal(applyUpdate(handle, rollbackElimination, { args: [{ actor: actors.town, reason: '核查发现收入未达标' }] }))).toMatchObject({ type: 'NotAllowed' });
    expect(await applyUpdate(handle, rollbackElimination, { args: [{ actor: actors.county, reason: '督查核查发现务工收入不稳定' }] })).toEqual({ stage: 'monitoring' });
    await eventually(async () => expect(await stageInDb(householdId)).toEqual({ stage: 'monitoring' }));

    await eliminate(handle, householdId);
    const today = toLocalDate(await env.currentTimeMs());
    const visited = await applyUpdate(handle, recordVisit, {
      args: [{ actor: actors.cadre, period: periodOf(await env.currentTimeMs()), visitedOn: formatLocalDate(today), findings: '户主旧病复发住院', risksFound: ['illness'] }],
    });
    expect(visited.signal).toBe('reentry');
    expect((await handle.query(getHouseholdState)).stage).toBe('monitoring');

    const kinds = (await eventsOf(t.db, householdId)).map((e) => e.kind).filter((k) => k.startsWith('elimination.') || k === 'monitoring.reentered');
    expect(kinds).toEqual([
      'elimination.proposed',
      'elimination.notice_started',
      'elimination.notice_passed',
      'elimination.step_approved',
      'elimination.confirmed',
      'elimination.rolled_back',
      'elimination.proposed',
      'elimination.notice_started',
      'elimination.notice_passed',
      'elimination.step_approved',
      'elimination.confirmed',
      'monitoring.reentered',
    ]);
    const [rolledBack] = await eventsOf(t.db, householdId, 'elimination.rolled_back');
    expect(rolledBack).toMatchObject({ actor_user_id: actors.county.userId, payload: { caseNo: 1, reason: '督查核查发现务工收入不稳定' } });
    // Nothing was deleted: the household and both cases' records are all there.
    expect(await t.db.selectFrom('households').select('id').where('id', '=', householdId).execute()).toHaveLength(1);
    await keepHistory(env.client, 'household-elimination-rollback-reentry', handle.workflowId);
  });

  it('sends the proposal back to the village on an objection, and takes a return and a new proposal', async () => {
    const { t, env } = stack;
    const { householdId, handle } = await monitored();
    await applyUpdate(handle, proposeElimination, { args: [proposal()] });
    await env.sleep(2 * DAY);
    expect(
      await applyUpdate(handle, raiseEliminationObjection, { args: [{ actor: actors.cadre, objector: '村民张某', content: '该户仍有大额医疗欠款' }] }),
    ).toMatchObject({ current: 'application' });
    await env.sleep(6 * DAY);
    expect(await eventsOf(t.db, householdId, 'elimination.notice_passed')).toHaveLength(0);
    expect(await applyUpdate(handle, proposeElimination, { args: [proposal()] })).toMatchObject({ caseNo: 1, current: 'public_notice' });
    await env.sleep(7 * DAY + 60_000);
    await eventually(async () => expect(await eventsOf(t.db, householdId, 'elimination.notice_passed')).toHaveLength(1));
    expect(await applyUpdate(handle, decideElimination, { args: [decision('town_audit', 'return')] })).toMatchObject({ current: 'application' });
    expect((await handle.query(getHouseholdState)).stage).toBe('monitoring');
  });

  it('gives the town 2 working days to audit the proposal (the demo county’s clock): overdue to the town, closed when it acts', async () => {
    const { t, env } = stack;
    const { householdId, handle } = await monitored();
    await applyUpdate(handle, proposeElimination, { args: [proposal()] });
    await env.sleep(7 * DAY + 60_000);
    await eventually(async () => expect(await eventsOf(t.db, householdId, 'elimination.notice_passed')).toHaveLength(1));
    const clockItem = () => t.db.selectFrom('due_items').selectAll().where('household_id', '=', householdId).where('kind', '=', 'elimination_step').executeTakeFirst();
    const item = await clockItem();
    expect(item).toMatchObject({ status: 'open', overdue_at: null });

    await env.sleep(item!.due_at.getTime() - (await env.currentTimeMs()) + 60_000);
    await eventually(async () => expect(await eventsOf(t.db, householdId, 'elimination.step_overdue')).toHaveLength(1));
    const told = await t.db.selectFrom('notifications').select(['recipient_role', 'body']).where('due_item_key', '=', item!.item_key).execute();
    expect(told).toEqual([{ recipient_role: 'town_officer', body: expect.stringContaining('风险消除“乡镇审核”环节（2个工作日）') }]);

    await applyUpdate(handle, decideElimination, { args: [decision('town_audit')] });
    expect(await clockItem()).toMatchObject({ status: 'done', done_by: actors.town.userId, overdue_at: item!.due_at });
  });

  it('refuses the wrong role, a household not monitored, and a household without labour capacity', async () => {
    const { t, env, taskQueue } = stack;
    const fresh = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    expect(await refusal(applyUpdate(fresh.handle, proposeElimination, { args: [proposal()] }))).toMatchObject({
      type: 'WrongStep',
      message: '只有监测对象才能提出风险消除',
    });

    const { householdId, handle } = await monitored();
    expect(await refusal(applyUpdate(handle, proposeElimination, { args: [{ ...proposal(), actor: actors.town }] }))).toMatchObject({ type: 'NotAllowed' });
    expect(await refusal(applyUpdate(handle, proposeElimination, { args: [{ ...proposal(), evidence: [] }] }))).toMatchObject({ type: 'InvalidInput' });
    await t.db
      .insertInto('household_members')
      .values({ household_id: householdId, name: '王五', id_number: '440923193503070011', birth_date: '1935-03-07', sex: 'male', relation: 'head', labour_ability: 'none' })
      .execute();
    expect(await refusal(applyUpdate(handle, proposeElimination, { args: [proposal()] }))).toMatchObject({
      type: 'NotAllowed',
      message: '该户无劳动能力，按本县政策不标注风险消除，继续落实兜底保障措施',
    });
    expect(await eventsOf(t.db, householdId, 'elimination.proposed')).toHaveLength(0);
  });
});
