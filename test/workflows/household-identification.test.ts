import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEADLINE_CALENDAR } from '../../domain/deadlines/calendar.js';
import { applyUpdate } from '../../api/workflow-update.js';
import { addDays, endOfLocalDay, periodOf, toLocalDate } from '../../domain/calendar/dates.js';
import { profileFor } from '../../domain/policy/index.js';
import { isWorkingDay } from '../../domain/calendar/working-days.js';
import {
  decideStep,
  getHouseholdState,
  openIdentification,
  raiseObjection,
  submitApplication,
  type AssessmentSummary,
  type StepDecisionInput,
} from '../../workflows/household/definitions.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { eventsOf } from '../helpers/fixtures.js';
import { keepHistory } from '../helpers/histories.js';
import { refusal } from '../helpers/updates.js';
import { application, demoActors, startHouseholdWorkflow } from '../helpers/household.js';
import { testWorker, timeSkippingEnv, uniqueTaskQueue } from '../helpers/temporal.js';
import { eventually } from '../helpers/wait.js';

let t: TestDatabase;
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let actors: Awaited<ReturnType<typeof demoActors>>;
const taskQueue = uniqueTaskQueue();
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestDatabase();
  env = await timeSkippingEnv();
  worker = await testWorker(env, t.db, taskQueue);
  running = worker.run();
  actors = await demoActors(t.db);
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await t?.destroy();
});

type Handle = WorkflowHandle;

const villageReview = (decision: StepDecisionInput['decision'] = 'approve'): StepDecisionInput => ({
  actor: actors.cadre,
  step: 'village_review',
  decision,
  opinion: decision === 'approve' ? '经村组评议，情况属实' : '评议未通过',
  participants: ['第一村民小组组长', '村“三委”干部', '驻村工作队'],
});
const townAudit = (decision: StepDecisionInput['decision'] = 'approve'): StepDecisionInput => ({
  actor: actors.town,
  step: 'town_audit',
  decision,
  opinion: decision === 'return' ? '收入测算缺少9月以前的工资证明，请补充' : '审核同意',
});
const countyDecision = (decision: StepDecisionInput['decision'] = 'approve'): StepDecisionInput => ({
  actor: actors.county,
  step: 'county_decision',
  decision,
  opinion: decision === 'approve' ? '确定为监测对象' : '人均收入高于监测范围，不予认定',
  ...(decision === 'approve' ? { category: 'sudden_hardship' as const, riskCauses: ['illness' as const] } : {}),
});

async function openCase(handle: Handle) {
  return applyUpdate(handle, openIdentification, { args: [{ actor: actors.cadre, channel: 'application', reason: '农户申报' }] });
}

async function throughNotice(handle: Handle, householdId: string) {
  await applyUpdate(handle, decideStep, { args: [villageReview()] });
  expect((await handle.query(getHouseholdState)).currentCase?.progress.current).toBe('public_notice');
  const passedBefore = (await eventsOf(t.db, householdId, 'identification.notice_passed')).length;
  await env.sleep(7 * DAY + 60_000);
  await eventually(async () => expect(await eventsOf(t.db, householdId, 'identification.notice_passed')).toHaveLength(passedBefore + 1));
}

async function household(householdId: string) {
  return t.db.selectFrom('households').selectAll().where('id', '=', householdId).executeTakeFirstOrThrow();
}

/** The demo county's profile version in force this month (version 2, with its self-report settings, from 2026-12). */
const SHIFAN_NOW = profileFor('shifan', periodOf(Date.now()))!.version;

describe('identification: application → village review → public notice → town audit → county decision', () => {
  it('takes a household the whole way to monitoring object, with its file in order', async () => {
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    expect(await openCase(handle)).toEqual({ caseNo: 1, status: 'in_progress', current: 'application' });
    expect(await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] })).toMatchObject({ current: 'village_review' });
    await throughNotice(handle, householdId);
    expect(await applyUpdate(handle, decideStep, { args: [townAudit()] })).toMatchObject({ current: 'county_decision' });
    expect(await applyUpdate(handle, decideStep, { args: [countyDecision()] })).toEqual({ caseNo: 1, status: 'approved', current: null });

    const state = await handle.query(getHouseholdState);
    expect(state).toMatchObject({ stage: 'monitoring', category: 'sudden_hardship', riskCauses: ['illness'] });
    expect(state.currentCase?.policy).toEqual({ profileId: 'shifan', profileVersion: SHIFAN_NOW, steps: ['application', 'village_review', 'public_notice', 'town_audit', 'county_decision'], publicNoticeDays: 7, clocks: { steps: { town_audit: 2 }, wholeCase: 20 } });
    await eventually(async () => expect(await household(householdId)).toMatchObject({ stage: 'monitoring', category: 'sudden_hardship' }));

    const file = await eventsOf(t.db, householdId);
    expect(file.map((e) => e.kind)).toEqual([
      'household.registered',
      'identification.opened',
      'identification.application_submitted',
      'identification.assessed',
      'identification.step_approved',
      'identification.notice_started',
      'identification.notice_passed',
      'identification.step_approved',
      'identification.approved',
    ]);
    expect(file.find((e) => e.kind === 'identification.approved')).toMatchObject({
      actor_user_id: actors.county.userId,
      payload: expect.objectContaining({ step: 'county_decision', opinion: '确定为监测对象', category: 'sudden_hardship' }),
    });
    // The income and expenditure calculation, by the demo county's profile in force, explained.
    const assessed = file.find((e) => e.kind === 'identification.assessed')!.payload as { summary: AssessmentSummary };
    expect(assessed.summary).toMatchObject({ profileId: 'shifan', profileVersion: SHIFAN_NOW, conclusion: 'eligible', belowMonitoring: true });
    expect(assessed.summary.explanation.join('\n')).toMatch(/收入大幅缩减/);
    expect(state.currentCase?.assessment).toEqual(assessed.summary);
    const income = await t.db.selectFrom('household_income_records').select(['period', 'kind', 'amount_fen']).where('household_id', '=', householdId).orderBy('period').execute();
    expect(income).toEqual([
      { period: '2026-09', kind: 'wages', amount_fen: '180000' },
      { period: '2026-10', kind: 'wages', amount_fen: '60000' },
    ]);

    const notice = file.filter((e) => e.kind.startsWith('identification.notice_'));
    expect(notice[1]!.occurred_at.getTime() - notice[0]!.occurred_at.getTime()).toBe(7 * DAY);
    await keepHistory(env.client, 'household-identification', handle.workflowId);
  });

  it.each([
    ['village review', ['village_review'] as const],
    ['town audit', ['village_review', 'notice', 'town_audit'] as const],
    ['county decision', ['village_review', 'notice', 'town_audit', 'county_decision'] as const],
  ])('closes the case with its reasons on a reject at the %s, and the household stays on file', async (_level, path) => {
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await openCase(handle);
    await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] });
    const last = path[path.length - 1];
    if (last === 'village_review') {
      await applyUpdate(handle, decideStep, { args: [villageReview('reject')] });
    } else {
      await throughNotice(handle, householdId);
      if (last === 'town_audit') {
        await applyUpdate(handle, decideStep, { args: [townAudit('reject')] });
      } else {
        await applyUpdate(handle, decideStep, { args: [townAudit()] });
        await applyUpdate(handle, decideStep, { args: [countyDecision('reject')] });
      }
    }
    const state = await handle.query(getHouseholdState);
    expect(state.stage).toBe('not_included');
    expect(state.currentCase?.progress).toMatchObject({ status: 'rejected', current: null });
    await eventually(async () => expect((await household(householdId)).stage).toBe('not_included'));
    const [rejected] = await eventsOf(t.db, householdId, 'identification.rejected');
    expect(rejected?.payload).toMatchObject({ decision: 'reject', step: last });
    expect(String((rejected?.payload as { opinion: string }).opinion)).not.toHaveLength(0);
    // Nothing more can be decided on a closed case.
    expect(await refusal(applyUpdate(handle, decideStep, { args: [townAudit()] }))).toMatchObject({ type: 'WrongStep' });
  });

  it('returns the case for more information and takes the resubmission through the same steps again', async () => {
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await openCase(handle);
    await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] });
    await throughNotice(handle, householdId);
    expect(await applyUpdate(handle, decideStep, { args: [townAudit('return')] })).toMatchObject({ status: 'in_progress', current: 'application' });
    expect((await handle.query(getHouseholdState)).currentCase?.lastReturnReason).toBe('收入测算缺少9月以前的工资证明，请补充');

    const resubmitted = application(actors.cadre, { evidence: [{ title: '7-9月工资证明', reference: 'scan-2026-11-002.pdf' }] });
    expect(await applyUpdate(handle, submitApplication, { args: [resubmitted] })).toMatchObject({ current: 'village_review' });
    await throughNotice(handle, householdId);
    await applyUpdate(handle, decideStep, { args: [townAudit()] });
    expect(await applyUpdate(handle, decideStep, { args: [countyDecision()] })).toMatchObject({ status: 'approved' });
    const kinds = (await eventsOf(t.db, householdId)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'identification.returned')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'identification.application_resubmitted')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'identification.notice_passed')).toHaveLength(2);
  });

  it('sends the case back to the village on an objection during the public notice; the old notice never passes it', async () => {
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await openCase(handle);
    await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] });
    await applyUpdate(handle, decideStep, { args: [villageReview()] });
    await env.sleep(3 * DAY);
    const objection = { actor: actors.cadre, objector: '村民李某', content: '该户家中有经营性货车，收入未如实申报' };
    expect(await applyUpdate(handle, raiseObjection, { args: [objection] })).toMatchObject({ current: 'village_review' });
    // The first notice's seven days run out: nothing passes.
    await env.sleep(5 * DAY);
    expect(await eventsOf(t.db, householdId, 'identification.notice_passed')).toHaveLength(0);
    expect((await handle.query(getHouseholdState)).currentCase?.progress.current).toBe('village_review');

    await throughNotice(handle, householdId);
    expect((await handle.query(getHouseholdState)).currentCase?.progress.current).toBe('town_audit');
    const [raised] = await eventsOf(t.db, householdId, 'identification.objection_raised');
    expect(raised?.payload).toMatchObject({ objector: '村民李某', next: 'village_review' });
  });

  it('joins a second discovery to the case in progress instead of opening another', async () => {
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    const [first, second] = await Promise.all([
      openCase(handle),
      applyUpdate(handle, openIdentification, { args: [{ actor: actors.county, channel: 'department_warning', reason: '医保部门预警：年度自付医疗费用较高' }] }),
    ]);
    expect([first.caseNo, second.caseNo]).toEqual([1, 1]);
    expect([first.merged, second.merged].filter(Boolean)).toHaveLength(1);
    const state = await handle.query(getHouseholdState);
    expect(state.casesOpened).toBe(1);
    expect(state.currentCase?.channels).toEqual(expect.arrayContaining(['application', 'department_warning']));
    expect(await eventsOf(t.db, householdId, 'identification.opened')).toHaveLength(1);
    expect(await eventsOf(t.db, householdId, 'identification.discovery_merged')).toHaveLength(1);
  });

  it('refuses the wrong role, the wrong village, the wrong step and bad input in the validator, recording nothing', async () => {
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await openCase(handle);
    expect(await refusal(applyUpdate(handle, submitApplication, { args: [application(actors.town)] }))).toMatchObject({
      type: 'NotAllowed',
      message: '“乡镇干部”不能办理“农户申请”',
    });
    expect(await refusal(applyUpdate(handle, submitApplication, { args: [application(actors.otherCadre)] }))).toMatchObject({
      type: 'NotAllowed',
      message: '该户不在您的管辖范围内',
    });
    expect(await refusal(applyUpdate(handle, submitApplication, { args: [application(actors.cadre, { riskCauses: [] })] }))).toMatchObject({
      type: 'InvalidInput',
      message: '请至少选择一项风险类型',
    });
    expect(await refusal(applyUpdate(handle, decideStep, { args: [townAudit()] }))).toMatchObject({
      type: 'WrongStep',
      message: '当前环节是“农户申请”，不能办理“乡镇审核”',
    });
    await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] });
    expect(await refusal(applyUpdate(handle, decideStep, { args: [{ ...villageReview(), participants: [] }] }))).toMatchObject({ type: 'InvalidInput' });
    await throughNotice(handle, householdId);
    expect(await refusal(applyUpdate(handle, decideStep, { args: [{ ...townAudit(), actor: actors.otherTown }] }))).toMatchObject({ type: 'NotAllowed' });
    await applyUpdate(handle, decideStep, { args: [townAudit()] });
    const withoutCategory = { ...countyDecision(), category: undefined };
    expect(await refusal(applyUpdate(handle, decideStep, { args: [withoutCategory] }))).toMatchObject({ type: 'InvalidInput' });
    expect(await refusal(applyUpdate(handle, decideStep, { args: [{ ...countyDecision(), actor: actors.department }] }))).toMatchObject({ type: 'NotAllowed' });

    const kinds = (await eventsOf(t.db, householdId)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'identification.application_submitted')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'identification.step_approved')).toHaveLength(2);
    expect(kinds).not.toContain('identification.approved');
  });
});

describe('a worker stopped in the middle of the procedure', () => {
  it('loses nothing: a new worker picks the household up where it stood', async () => {
    const queue = uniqueTaskQueue();
    // Without a sticky cache: the time-skipping server does not skip time while a
    // workflow task waits on a stopped worker's sticky queue.
    const first = await testWorker(env, t.db, queue, { maxCachedWorkflows: 0 });
    const firstRun = first.run();
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, queue);
    await openCase(handle);
    await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] });
    await applyUpdate(handle, decideStep, { args: [villageReview()] });
    first.shutdown();
    await firstRun;

    const second = await testWorker(env, t.db, queue);
    await second.runUntil(async () => {
      // The public notice timer set under the first worker fires under the second.
      await env.sleep(7 * DAY + 60_000);
      await eventually(async () => expect(await eventsOf(t.db, householdId, 'identification.notice_passed')).toHaveLength(1));
      await applyUpdate(handle, decideStep, { args: [townAudit()] });
      expect(await applyUpdate(handle, decideStep, { args: [countyDecision()] })).toMatchObject({ status: 'approved' });
    });
    const kinds = (await eventsOf(t.db, householdId)).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'identification.application_submitted')).toHaveLength(1);
    expect(kinds.at(-1)).toBe('identification.approved');
    // No worker polls this queue any more: a pending workflow task there would stop the server's clock for the tests after.
    await handle.terminate('test over');
  });
});

describe('working-day clocks on the procedure (DOMAIN.md §9): the town within 2 working days, the whole case within 20', () => {
  const items = (householdId: string) =>
    t.db.selectFrom('due_items').selectAll().where('household_id', '=', householdId).where('kind', 'like', 'identification_%').orderBy('opened_at').orderBy('kind').execute();
  const notified = (householdId: string, kind: string) =>
    t.db
      .selectFrom('notifications as n')
      .innerJoin('due_items as d', 'd.item_key', 'n.due_item_key')
      .select(['n.recipient_jurisdiction_id', 'n.recipient_role', 'n.body'])
      .where('n.household_id', '=', householdId)
      .where('d.kind', '=', kind)
      .orderBy('n.recipient_role')
      .execute();
  /** The end of the n-th working day after the instant's local day, counted day by day on the official calendar. */
  const workingDaysAfter = (at: number, n: number) => {
    let day = toLocalDate(at);
    for (let counted = 0; counted < n; ) {
      day = addDays(day, 1);
      if (isWorkingDay(day, DEADLINE_CALENDAR)) counted += 1;
    }
    return endOfLocalDay(day);
  };

  it('opens each clock in the register, turns it overdue at its deadline for those who act, and closes it late when they do', async () => {
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await openCase(handle);
    const openedAt = (await eventsOf(t.db, householdId, 'identification.opened'))[0]!.occurred_at.getTime();
    await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] });
    await throughNotice(handle, householdId);

    // The whole case counts from its opening; the town's 2 working days from the notice's end.
    const passedAt = (await eventsOf(t.db, householdId, 'identification.notice_passed'))[0]!.occurred_at.getTime();
    const open = await items(householdId);
    expect(open.map((i) => [i.kind, i.status, i.due_at.getTime()])).toEqual([
      ['identification_case', 'open', workingDaysAfter(openedAt, 20)],
      ['identification_step', 'open', workingDaysAfter(passedAt, 2)],
    ]);
    const stepDue = workingDaysAfter(passedAt, 2);

    // The town lets its 2 working days pass.
    await env.sleep(stepDue - (await env.currentTimeMs()) + 60_000);
    await eventually(async () => expect(await eventsOf(t.db, householdId, 'identification.step_overdue')).toHaveLength(1));
    const [overdue] = await eventsOf(t.db, householdId, 'identification.step_overdue');
    expect(overdue!.occurred_at.getTime()).toBe(stepDue);
    expect(overdue!.payload).toMatchObject({ caseNo: 1, step: '乡镇审核', workingDays: 2, current: 'town_audit' });
    const told = await notified(householdId, 'identification_step');
    expect(told).toEqual([
      {
        recipient_jurisdiction_id: actors.town.jurisdictionId,
        recipient_role: 'town_officer',
        body: expect.stringContaining('监测识别“乡镇审核”环节（2个工作日）未在'),
      },
    ]);

    // Acted on late: the step's item is done, after its deadline; the county's step has no clock.
    await applyUpdate(handle, decideStep, { args: [townAudit()] });
    const afterAudit = await items(householdId);
    const step = afterAudit.find((i) => i.kind === 'identification_step')!;
    expect(step).toMatchObject({ status: 'done', done_by: actors.town.userId });
    expect(step.overdue_at?.getTime()).toBe(stepDue);
    expect(step.done_at!.getTime()).toBeGreaterThan(stepDue);
    expect(afterAudit.filter((i) => i.status === 'open').map((i) => i.kind)).toEqual(['identification_case']);

    // The whole case runs out before the county decides: the town and the county bureau are told.
    const caseDue = workingDaysAfter(openedAt, 20);
    await env.sleep(caseDue - (await env.currentTimeMs()) + 60_000);
    await eventually(async () => expect(await eventsOf(t.db, householdId, 'identification.case_overdue')).toHaveLength(1));
    expect((await notified(householdId, 'identification_case')).map((n) => [n.recipient_jurisdiction_id, n.recipient_role])).toEqual([
      [actors.county.jurisdictionId, 'county_bureau'],
      [actors.town.jurisdictionId, 'town_officer'],
    ]);
    expect((await handle.query(getHouseholdState)).clocks?.map((c) => [c.scope, c.overdue, c.doneAt === null])).toEqual([
      ['whole', true, true],
      ['town_audit', true, false],
    ]);

    await applyUpdate(handle, decideStep, { args: [countyDecision()] });
    const closed = await items(householdId);
    expect(closed.every((i) => i.status === 'done')).toBe(true);
    expect(closed.find((i) => i.kind === 'identification_case')!.done_by).toBe(actors.county.userId);
    await keepHistory(env.client, 'household-identification-clocks', handle.workflowId);
  });

  it('gives a step reached again after a return a clock of its own', async () => {
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await openCase(handle);
    await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] });
    await throughNotice(handle, householdId);
    await applyUpdate(handle, decideStep, { args: [townAudit('return')] });
    await applyUpdate(handle, submitApplication, { args: [application(actors.cadre)] });
    await throughNotice(handle, householdId);
    const steps = (await items(householdId)).filter((i) => i.kind === 'identification_step');
    expect(steps.map((s) => [s.item_key.split(':').slice(-2).join(':'), s.status])).toEqual([
      ['town_audit:1', 'done'],
      ['town_audit:2', 'open'],
    ]);
  });
});
