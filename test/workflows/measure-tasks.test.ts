import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkflowHandle } from '@temporalio/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyUpdate } from '../../api/workflow-update.js';
import { createTaskActivities } from '../../activities/tasks.js';
import type { Actor } from '../../domain/access/roles.js';
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { DEFAULT_TASK_POLICY, taskSchedule, type PlannedTask } from '../../domain/measures/tasks.js';
import { notificationChannelsRepo } from '../../db/repositories/notification-channels.js';
import { notificationsRepo } from '../../db/repositories/notifications.js';
import {
  confirmPlan,
  draftPlan,
  proposeElimination,
  reassignTask,
  waiveTaskRequirement,
} from '../../workflows/household/definitions.js';
import { acceptTask, completeTask, getTaskState, handBackTask, reportProgress, type CompleteTaskInput } from '../../workflows/measure-task/definitions.js';
import { actorOf, eventsOf, insertHousehold } from '../helpers/fixtures.js';
import { demoActors, makeMonitoringObject, startHouseholdWorkflow } from '../helpers/household.js';
import { useStack } from '../helpers/stack.js';
import { refusal } from '../helpers/updates.js';
import { keepHistory } from '../helpers/histories.js';
import { departmentActor, departmentId, notificationsOf, planAndStart, startTaskWorkflow, taskRow } from '../helpers/tasks.js';
import { eventually } from '../helpers/wait.js';

const stack = useStack({ server: 'time-skipping' });
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let mz: Actor;
let rs: Actor;
let yb: Actor;
let town: Actor;
beforeAll(async () => {
  const db = stack.t.db;
  [mz, rs, yb, town] = await Promise.all([departmentActor(db, 'mz'), departmentActor(db, 'rs'), departmentActor(db, 'yb'), actorOf(db, 'zhen.dongcheng')]);
});

async function today() {
  return formatLocalDate(toLocalDate(await stack.env.currentTimeMs()));
}

async function completion(actor: Actor, extra: Partial<CompleteTaskInput['evidence']> = {}): Promise<CompleteTaskInput> {
  return { actor, evidence: { whatWasDone: '已纳入低保，按月发放', amountFen: 68000, date: await today(), documents: [{ title: '低保审批表', reference: 'db-2026-001.pdf' }], ...extra } };
}

async function sleepUntil(at: number) {
  const now = await stack.env.currentTimeMs();
  if (at > now) await stack.env.sleep(at - now);
}


const byMeasure = (tasks: readonly PlannedTask[], measure: string) => tasks.find((t) => t.measure === measure)!;

/** The task's final state once its workflow has ended; unlike result(), waiting here lets no simulated time pass. */
async function ended(handle: WorkflowHandle) {
  await eventually(async () => expect((await handle.describe()).status.name).toBe('COMPLETED'));
  return handle.query(getTaskState);
}

describe('measure tasks 帮扶任务: child workflows of the department, with deadlines', () => {
  it('runs a plan of several measures: each completed, one late after its escalations, one handed back and reassigned', async () => {
    const { t, env, taskQueue } = stack;
    const { row, place } = await insertHousehold(t.db);
    const t0 = await env.currentTimeMs();
    const plan = await planAndStart(env.client, t.db, taskQueue, {
      householdId: row.id,
      place,
      drawnBy: town.userId,
      at: t0,
      measures: [{ code: 'dibao_pension' }, { code: 'employment' }, { code: 'medical', departmentId: await departmentId(t.db, 'rs'), deadlineDays: 20 }],
    });
    expect(plan.planNo).toBe(1);
    const dibao = byMeasure(plan.tasks, 'dibao_pension');
    const employment = byMeasure(plan.tasks, 'employment');
    const medical = byMeasure(plan.tasks, 'medical');
    expect(dibao).toMatchObject({ departmentId: mz.departmentId, deadlineDays: 30, required: true });
    expect(employment).toMatchObject({ departmentId: rs.departmentId, deadlineDays: 30 });
    const handle = (task: PlannedTask) => env.client.workflow.getHandle(task.taskKey);

    // Every assignment reaches its department's inbox at once, and opens a deadline item of the department.
    await eventually(async () => {
      const rows = await t.db.selectFrom('notifications').selectAll().where('household_id', '=', row.id).where('kind', '=', 'measure_task.assigned').execute();
      expect(rows).toHaveLength(3);
      expect(rows.every((n) => n.created_at.getTime() === t0)).toBe(true);
      expect(new Set(rows.map((n) => n.recipient_department_id))).toEqual(new Set([mz.departmentId, rs.departmentId]));
    });
    const items = await t.db.selectFrom('due_items').selectAll().where('household_id', '=', row.id).execute();
    expect(items.map((i) => [i.kind, i.department_id, i.town_id, i.village_id])).toEqual(
      expect.arrayContaining([['measure_task', mz.departmentId, place.townId, place.villageId]]),
    );

    // 民政局 accepts, reports progress and completes on time with its evidence.
    expect(await applyUpdate(handle(dibao), acceptTask, { args: [{ actor: mz }] })).toMatchObject({ status: 'accepted' });
    expect(await refusal(applyUpdate(handle(dibao), acceptTask, { args: [{ actor: mz }] }))).toMatchObject({ type: 'WrongStep' });
    expect(await refusal(applyUpdate(handle(dibao), acceptTask, { args: [{ actor: rs }] }))).toMatchObject({ type: 'NotAllowed' });
    await applyUpdate(handle(dibao), reportProgress, { args: [{ actor: mz, text: '已入户核实家庭收入' }] });
    expect(await refusal(applyUpdate(handle(dibao), completeTask, { args: [await completion(mz, { documents: [] })] }))).toMatchObject({
      type: 'InvalidInput',
      message: '请至少提供一份佐证材料（文件、照片或凭证）',
    });
    expect(await refusal(applyUpdate(handle(dibao), completeTask, { args: [await completion(mz, { date: '2099-01-01' })] }))).toMatchObject({ type: 'InvalidInput' });
    expect(await applyUpdate(handle(dibao), completeTask, { args: [await completion(mz)] })).toMatchObject({ status: 'completed', late: false });
    expect(await ended(handle(dibao))).toMatchObject({ status: 'completed', late: false });
    expect(await taskRow(t.db, dibao.taskKey)).toMatchObject({ status: 'completed', late: false, accepted_by: mz.userId, completed_by: mz.userId, escalation_level: 0 });

    // 人社局 hands 医疗保障 back (wrong department); the town gives it to 医保局 as a new task.
    expect(await applyUpdate(handle(medical), handBackTask, { args: [{ actor: rs, reason: 'wrong_department', text: '医疗救助由医保局牵头' }] })).toMatchObject({ status: 'handed_back' });
    expect(await ended(handle(medical))).toMatchObject({ status: 'handed_back', handBack: { reason: 'wrong_department' } });
    await eventually(async () => {
      const [toTown] = (await notificationsOf(t.db, medical.taskKey)).filter((n) => n.kind === 'measure_task.handed_back');
      expect(toTown).toMatchObject({ recipient_jurisdiction_id: place.townId, recipient_role: 'town_officer' });
      expect(toTown!.body).toContain('不属于本部门职责');
    });
    expect(await t.db.selectFrom('due_items').select('status').where('item_key', '=', medical.taskKey).executeTakeFirstOrThrow()).toEqual({ status: 'cancelled' });
    const reassignedAt = await env.currentTimeMs();
    const activities = createTaskActivities({ db: t.db });
    const reassigned = await activities.reassignTask({ householdId: row.id, taskKey: medical.taskKey, departmentId: yb.departmentId!, deadlineDays: 15, byUserId: town.userId, at: reassignedAt });
    expect(reassigned.task).toMatchObject({ taskKey: medical.taskKey.replace(/-1$/, '-2'), departmentId: yb.departmentId, reassignedFrom: medical.taskKey, deadlineDays: 15 });
    await expect(
      activities.reassignTask({ householdId: row.id, taskKey: medical.taskKey, departmentId: mz.departmentId!, deadlineDays: null, byUserId: town.userId, at: reassignedAt + 1 }),
    ).rejects.toMatchObject({ type: 'WrongStep', message: '该任务已重新指派，请勿重复操作' });
    const medical2 = await startTaskWorkflow(env.client, taskQueue, reassigned.task, { ...plan.context, at: reassignedAt });
    await env.sleep(DAY);
    expect(await applyUpdate(medical2, completeTask, { args: [await completion(yb, { whatWasDone: '资助参加城乡居民医保', amountFen: 38000 })] })).toMatchObject({ late: false });
    expect(await ended(medical2)).toMatchObject({ status: 'completed' });

    // 就业帮扶 stays open: a reminder 3 days before its last day at 09:00, overdue at the deadline, the supervisors 7 days later.
    const schedule = taskSchedule(DEFAULT_TASK_POLICY, t0, employment.dueAt);
    expect(schedule.reminders).toHaveLength(1);
    expect(toLocalDate(schedule.reminders[0]!)).toEqual(toLocalDate(employment.dueAt - 1 - 3 * DAY));
    await applyUpdate(handle(employment), acceptTask, { args: [{ actor: rs }] });

    await sleepUntil(schedule.reminders[0]! - MINUTE);
    expect((await notificationsOf(t.db, employment.taskKey)).map((n) => n.kind)).toEqual(['measure_task.assigned']);
    await env.sleep(2 * MINUTE);
    await eventually(async () => {
      const reminder = (await notificationsOf(t.db, employment.taskKey)).find((n) => n.kind === 'measure_task.reminder');
      expect(reminder).toMatchObject({ recipient_department_id: rs.departmentId, created_at: new Date(schedule.reminders[0]!), title: '【即将到期】就业帮扶' });
      expect(reminder!.body).toContain('还剩3天');
    });

    await sleepUntil(employment.dueAt + MINUTE);
    await eventually(async () => {
      const overdue = (await notificationsOf(t.db, employment.taskKey)).find((n) => n.kind === 'measure_task.overdue');
      expect(overdue).toMatchObject({ recipient_department_id: rs.departmentId, created_at: new Date(employment.dueAt), title: '【逾期督办】就业帮扶' });
      expect(await taskRow(t.db, employment.taskKey)).toMatchObject({ escalation_level: 1, overdue_at: new Date(employment.dueAt), status: 'accepted' });
    });
    expect((await handle(employment).query(getTaskState)).escalationLevel).toBe(1);
    // The first rung is the department's head 部门负责人: a message for the head alone, not in the officers' inbox.
    const head = await t.db.selectFrom('users').select(['id', 'jurisdiction_id', 'department_id']).where('username', '=', 'fuze.rs').executeTakeFirstOrThrow();
    const inbox = async (reader: { id: string; role: 'department' | 'department_head'; departmentId: string | null }) =>
      (await notificationsRepo(t.db).listFor({ ...reader, jurisdictionId: head.jurisdiction_id! }, { limit: 50, offset: 0 })).items.filter((n) => n.due_item_key === employment.taskKey).map((n) => n.kind);
    expect(await inbox({ id: head.id, role: 'department_head', departmentId: head.department_id })).toContain('measure_task.overdue_head');
    expect(await inbox({ id: rs.userId, role: 'department', departmentId: rs.departmentId ?? null })).not.toContain('measure_task.overdue_head');
    expect(await t.db.selectFrom('due_items').select('overdue_at').where('item_key', '=', employment.taskKey).executeTakeFirstOrThrow()).toEqual({
      overdue_at: new Date(employment.dueAt),
    });
    const supervisors = () =>
      t.db.selectFrom('notifications').selectAll().where('due_item_key', '=', employment.taskKey).where('recipient_role', '=', 'supervisor').execute();
    await sleepUntil(schedule.supervisorsAt - MINUTE);
    expect(await supervisors()).toHaveLength(0);

    await env.sleep(2 * MINUTE);
    await eventually(async () => {
      const [toSupervisors] = await supervisors();
      expect(toSupervisors).toMatchObject({ recipient_jurisdiction_id: place.countyId, created_at: new Date(schedule.supervisorsAt), title: '【逾期未办】人社局·就业帮扶' });
      expect(toSupervisors!.body).toContain('已逾期7天');
      // The top of the ladder: the county's leadership group 领导小组 is told with the supervisors.
      const leadership = await t.db.selectFrom('notifications').selectAll().where('due_item_key', '=', employment.taskKey).where('recipient_role', '=', 'leadership_group').execute();
      expect(leadership).toMatchObject([{ recipient_jurisdiction_id: place.countyId, title: '【逾期未办】人社局·就业帮扶' }]);
      expect(await taskRow(t.db, employment.taskKey)).toMatchObject({ escalation_level: 2 });
    });
    const late = await applyUpdate(handle(employment), completeTask, { args: [await completion(rs, { whatWasDone: '提供3个岗位信息，已安排公益性岗位', amountFen: null })] });
    expect(late).toMatchObject({ status: 'completed', late: true, escalationLevel: 2 });
    expect(await ended(handle(employment))).toMatchObject({ status: 'completed', late: true });
    await keepHistory(env.client, 'measure-task-late-escalated', employment.taskKey);
    expect(await taskRow(t.db, employment.taskKey)).toMatchObject({ status: 'completed', late: true, evidence: { amountFen: null } });
    expect(await t.db.selectFrom('due_items').select(['status', 'done_by']).where('item_key', '=', employment.taskKey).executeTakeFirstOrThrow()).toEqual({
      status: 'done',
      done_by: rs.userId,
    });

    // The household file shows every step of every task, in order.
    const events = await eventsOf(t.db, row.id);
    const stepsOf = (measure: string) => events.filter((e) => (e.payload as { measure: string }).measure === measure).map((e) => e.kind.replace('measure_task.', ''));
    expect(stepsOf('dibao_pension')).toEqual(['assigned', 'accepted', 'progress_reported', 'completed']);
    expect(stepsOf('medical')).toEqual(['assigned', 'handed_back', 'assigned', 'completed']);
    expect(stepsOf('employment')).toEqual(['assigned', 'accepted', 'overdue', 'escalated', 'completed']);
    expect(events.find((e) => e.kind === 'measure_task.overdue')).toMatchObject({ actor_user_id: null, occurred_at: new Date(employment.dueAt) });
    const done = await eventsOf(t.db, row.id, 'measure_task.completed');
    expect(done[0]).toMatchObject({ actor_user_id: mz.userId, payload: { late: false, evidence: { whatWasDone: '已纳入低保，按月发放', amountFen: 68000 } } });
  });

  describe('webhook delivery', () => {
    const servers: { close(): Promise<void> }[] = [];
    afterEach(async () => {
      await Promise.all(servers.splice(0).map((s) => s.close()));
    });

    it('delivers the assignment exactly once after three failures, without holding the task back', async () => {
      const { t, env, taskQueue } = stack;
      const received: { status: number; key: string | undefined; body: string }[] = [];
      const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const status = received.length < 3 ? 500 : 200;
          received.push({ status, key: req.headers['idempotency-key'] as string | undefined, body: Buffer.concat(chunks).toString('utf8') });
          res.writeHead(status);
          res.end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
      const sl = await departmentActor(t.db, 'sl');
      await notificationChannelsRepo(t.db).setWebhook(sl.departmentId!, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, secret: null });

      const { row, place } = await insertHousehold(t.db);
      const plan = await planAndStart(env.client, t.db, taskQueue, { householdId: row.id, place, drawnBy: town.userId, at: await env.currentTimeMs(), measures: [{ code: 'drinking_water' }] });
      const task = plan.tasks[0]!;
      const handle: WorkflowHandle = plan.handles[0]!;

      await eventually(() => expect(received.length).toBeGreaterThanOrEqual(1));
      expect(await applyUpdate(handle, acceptTask, { args: [{ actor: sl }] })).toMatchObject({ status: 'accepted' });
      expect(await applyUpdate(handle, completeTask, { args: [await completion(sl, { whatWasDone: '水质送县疾控中心检测合格', amountFen: null })] })).toMatchObject({ status: 'completed' });
      const completedWhileFailing = received.length < 4;

      expect(await handle.result()).toMatchObject({ status: 'completed', late: false });
      expect(completedWhileFailing).toBe(true);
      expect(received.map((r) => r.status)).toEqual([500, 500, 500, 200]);
      expect(new Set(received.map((r) => r.key))).toEqual(new Set([`${task.taskKey}:assigned`]));
      expect(JSON.parse(received[3]!.body)).toMatchObject({ kind: 'measure_task.assigned', title: '【新任务】饮水安全', householdId: row.id });
      const delivery = await t.db
        .selectFrom('notification_deliveries as d')
        .innerJoin('notifications as n', 'n.id', 'd.notification_id')
        .select(['d.status', 'd.attempts'])
        .where('n.notification_key', '=', `${task.taskKey}:assigned`)
        .executeTakeFirstOrThrow();
      expect(delivery).toEqual({ status: 'delivered', attempts: 4 });
      await env.sleep(DAY);
      expect(received).toHaveLength(4);
    });
  });


  it('draws up the plan through the household, reassigns a handed-back task, and holds risk elimination back while a required measure is open', async () => {
    const { t, env, taskQueue } = stack;
    const actors = await demoActors(t.db);
    const { householdId, handle } = await startHouseholdWorkflow(env.client, t.db, taskQueue);
    await t.db
      .insertInto('household_members')
      .values({ household_id: householdId, name: '赵六', id_number: '440923198203070013', birth_date: '1982-03-07', sex: 'male', relation: 'head', labour_ability: 'capable' })
      .execute();
    expect(await refusal(applyUpdate(handle, draftPlan, { args: [{ actor: actors.cadre }] }))).toMatchObject({ type: 'WrongStep', message: '只有监测对象才能制定帮扶措施' });
    await makeMonitoringObject(env, handle, actors);

    const draft = await applyUpdate(handle, draftPlan, { args: [{ actor: actors.cadre }] });
    expect(draft.measures.map((m) => m.code)).toEqual(expect.arrayContaining(['medical', 'employment', 'dibao_pension']));
    expect(draft.measures.find((m) => m.code === 'medical')!.lead).toMatchObject({ code: 'yb', departmentId: yb.departmentId, name: '医保局' });
    expect(JSON.stringify(draft)).not.toContain('赵六');
    expect(await refusal(applyUpdate(handle, confirmPlan, { args: [{ actor: actors.county, measures: [{ code: 'medical' }] }] }))).toMatchObject({ type: 'NotAllowed' });
    expect(await refusal(applyUpdate(handle, confirmPlan, { args: [{ actor: actors.town, measures: [{ code: 'unknown' }] }] }))).toMatchObject({ type: 'InvalidInput' });

    const plan = await applyUpdate(handle, confirmPlan, {
      args: [{ actor: actors.town, measures: [{ code: 'medical' }, { code: 'employment', required: false }], note: '户主患病，先落实医疗保障' }],
    });
    expect(plan.planNo).toBe(1);
    const medical = byMeasure(plan.tasks, 'medical');
    expect(await refusal(applyUpdate(handle, confirmPlan, { args: [{ actor: actors.town, measures: [{ code: 'medical' }] }] }))).toMatchObject({
      type: 'InvalidInput',
      message: '以下帮扶措施已有未办结的任务，不能重复指派：医疗保障',
    });
    const proposal = { actor: actors.cadre, statement: '家庭收入已稳定超过监测标准', evidence: [{ title: '收入证明' }] };
    const blocked = await refusal(applyUpdate(handle, proposeElimination, { args: [proposal] }));
    expect(blocked).toMatchObject({ type: 'WrongStep' });
    expect(blocked!.message).toContain('医疗保障（医保局');
    expect(blocked!.message).not.toContain('就业帮扶');

    const medicalTask = env.client.workflow.getHandle(medical.taskKey);
    await eventually(async () => expect((await medicalTask.query(getTaskState)).status).toBe('assigned'));
    await applyUpdate(medicalTask, handBackTask, { args: [{ actor: yb, reason: 'not_eligible', text: '已由民政局纳入特困供养，医疗救助随之落实' }] });
    const again = await applyUpdate(handle, reassignTask, { args: [{ actor: actors.town, taskKey: medical.taskKey, departmentId: mz.departmentId!, deadlineDays: 10 }] });
    expect(again).toMatchObject({ taskKey: medical.taskKey.replace(/-1$/, '-2'), departmentId: mz.departmentId, reassignedFrom: medical.taskKey });
    expect(await refusal(applyUpdate(handle, proposeElimination, { args: [proposal] }))).toMatchObject({ type: 'WrongStep' });

    expect(await refusal(applyUpdate(handle, waiveTaskRequirement, { args: [{ actor: actors.town, taskKey: again.taskKey, reason: '已落实' }] }))).toMatchObject({ type: 'NotAllowed' });
    expect(
      await applyUpdate(handle, waiveTaskRequirement, { args: [{ actor: actors.county, taskKey: again.taskKey, reason: '特困供养已含医疗救助，经县级研判不影响风险消除' }] }),
    ).toEqual({ measure: 'medical', open: [] });
    expect(await applyUpdate(handle, proposeElimination, { args: [proposal] })).toMatchObject({ status: 'in_progress' });

    const second = env.client.workflow.getHandle(again.taskKey);
    await eventually(async () => expect((await second.query(getTaskState)).status).toBe('assigned'));
    await applyUpdate(second, completeTask, { args: [await completion(mz)] });
    expect(await ended(second)).toMatchObject({ status: 'completed' });
    const kinds = (await eventsOf(t.db, householdId)).map((e) => e.kind).filter((k) => k.startsWith('measure_task.') || k.startsWith('assistance_plan.'));
    expect(kinds).toEqual(
      expect.arrayContaining(['assistance_plan.confirmed', 'measure_task.handed_back', 'measure_task.reassigned', 'measure_task.requirement_waived', 'measure_task.completed']),
    );
  });
});
