import { WorkflowNotFoundError } from '@temporalio/client';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyUpdate } from '../workflow-update.js';
import { ROLE_NAMES, type Role } from '../../domain/access/roles.js';
import { endOfLocalDay, parseLocalDate } from '../../domain/calendar/dates.js';
import { HAND_BACK_REASONS, isOpenStatus, TASK_STATUSES } from '../../domain/measures/tasks.js';
import { messages } from '../../domain/messages/catalogue.js';
import { yuanToFen } from '../../domain/income/money.js';
import { taskMessages, taskStatusNames } from '../../domain/measures/task-messages.js';
import { measureTasksRepo } from '../../db/repositories/measure-tasks.js';
import { acceptTask, completeTask, handBackTask, reportProgress, type TaskView } from '../../workflows/measure-task/definitions.js';
import { HttpError } from '../errors.js';
import { actorOf } from '../household-access.js';
import { currentUser } from '../plugins/auth.js';
import { evidence, text } from '../schemas/common.js';
import { localDate, page, taskItem, taskKey, toTaskItem } from '../schemas/tasks.js';
import { planRoutes } from './plans.js';

const OVERDUE_ROLES: readonly Role[] = ['supervisor', 'county_bureau', 'leadership_group'];
const jurisdictionId = z.string().trim().min(1).max(32);
const measureCode = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, '措施编码格式不正确');

const endOfDate = (date: string | undefined): Date | undefined => {
  if (date === undefined) return undefined;
  try {
    return new Date(endOfLocalDay(parseLocalDate(date)));
  } catch {
    throw new HttpError(400, `${messages.invalidInput}：${date}`, 'INVALID_INPUT');
  }
};

export const taskState = z.object({
  key: z.string(),
  status: z.enum(TASK_STATUSES),
  statusName: z.string(),
  acceptedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  late: z.boolean(),
  escalationLevel: z.number(),
});

export const completeBody = z.object({
  whatWasDone: text(5000, taskMessages.whatWasDoneRequired),
  amountYuan: z.number().finite().min(0, '金额不能为负数').max(100_000_000).optional(),
  date: localDate,
  documents: evidence.min(1, taskMessages.documentsRequired),
});
export const handBackBody = z.object({ reason: z.enum(HAND_BACK_REASONS), text: text(5000, taskMessages.handBackTextRequired) });

const toState = (view: TaskView): z.infer<typeof taskState> => ({
  key: view.taskKey,
  status: view.status,
  statusName: taskStatusNames[view.status],
  acceptedAt: view.acceptedAt === null ? null : new Date(view.acceptedAt).toISOString(),
  completedAt: view.completedAt === null ? null : new Date(view.completedAt).toISOString(),
  late: view.late,
  escalationLevel: view.escalationLevel,
});

/**
 * Department tasks 帮扶任务: a department's inbox and its actions (accept,
 * progress, complete with evidence, hand back), the supervisors' overdue list;
 * the household's plan routes are registered with them. Lists read PostgreSQL.
 */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);
  await app.register(planRoutes);

  /** The task, when the user is of its department; 404 or 403 otherwise. Then its workflow, for an update. */
  async function taskOfDepartment(key: string, request: FastifyRequest) {
    const user = currentUser(request);
    if (user.role !== 'department' || !user.departmentId) throw new HttpError(403, taskMessages.notDepartmentUser, 'FORBIDDEN');
    const task = await measureTasksRepo(app.db).findByKey(key);
    if (!task) throw new HttpError(404, taskMessages.taskNotFound, 'NOT_FOUND');
    if (task.department_id !== user.departmentId) throw new HttpError(403, taskMessages.notYourDepartment, 'FORBIDDEN');
    if (!isOpenStatus(task.status)) throw new HttpError(409, taskMessages.taskClosed(taskStatusNames[task.status]), 'WrongStep');
    return { actor: actorOf(user), handle: app.temporal.workflow.getHandle(task.task_key) };
  }

  /** A task workflow that has ended answers like a closed task. */
  async function update(run: () => Promise<TaskView>) {
    try {
      return toState(await run());
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new HttpError(409, taskMessages.taskClosed(taskStatusNames.completed), 'WrongStep');
      throw error;
    }
  }

  app.get(
    '/tasks',
    {
      schema: {
        summary: 'Task inbox: a department user sees its department’s tasks; others the tasks in their jurisdiction. Soonest deadline first',
        tags: ['tasks'],
        querystring: z.object({
          status: z.enum([...TASK_STATUSES, 'open', 'overdue']).optional(),
          dueFrom: localDate.optional().describe('last day on or after this date'),
          dueTo: localDate.optional().describe('last day on or before this date'),
          townId: jurisdictionId.optional(),
          villageId: jurisdictionId.optional(),
          measure: measureCode.optional(),
          householdId: z.uuid({ message: '户编号格式不正确' }).optional(),
          ...page,
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(taskItem) }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const q = request.query;
      const now = new Date();
      const from = endOfDate(q.dueFrom);
      const to = endOfDate(q.dueTo);
      const result = await measureTasksRepo(app.db).list({
        ...(user.role === 'department' && user.departmentId ? { departmentId: user.departmentId } : { withinJurisdiction: user.jurisdictionId }),
        ...(q.status ? { status: q.status } : {}),
        ...(from ? { dueFrom: from } : {}),
        ...(to ? { dueBefore: to } : {}),
        ...(q.townId ? { townId: q.townId } : {}),
        ...(q.villageId ? { villageId: q.villageId } : {}),
        ...(q.measure ? { measure: q.measure } : {}),
        ...(q.householdId ? { householdId: q.householdId } : {}),
        now,
        limit: q.limit,
        offset: q.offset,
      });
      return { total: result.total, items: result.items.map((row) => toTaskItem(row, now)) };
    },
  );

  app.get(
    '/tasks/overdue',
    {
      schema: {
        summary: 'Supervisors 督查: every overdue task of the county with its age in days, department and town, longest overdue first',
        tags: ['tasks'],
        querystring: z.object({ townId: jurisdictionId.optional(), departmentId: z.uuid({ message: '部门编号格式不正确' }).optional(), measure: measureCode.optional(), ...page }),
        response: { 200: z.object({ total: z.number(), items: z.array(taskItem) }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      if (!OVERDUE_ROLES.includes(user.role)) throw new HttpError(403, messages.forbiddenRole('查看逾期任务', ROLE_NAMES[user.role]), 'FORBIDDEN');
      const q = request.query;
      const now = new Date();
      const result = await measureTasksRepo(app.db).listOverdue({
        countyId: user.jurisdictionId,
        ...(q.townId ? { townId: q.townId } : {}),
        ...(q.departmentId ? { departmentId: q.departmentId } : {}),
        ...(q.measure ? { measure: q.measure } : {}),
        now,
        limit: q.limit,
        offset: q.offset,
      });
      return { total: result.total, items: result.items.map((row) => toTaskItem(row, now)) };
    },
  );

  const keyParams = z.object({ key: taskKey });

  app.post(
    '/tasks/:key/accept',
    { schema: { summary: 'The department accepts the task', tags: ['tasks'], params: keyParams, response: { 200: taskState } } },
    async (request) => {
      const { actor, handle } = await taskOfDepartment(request.params.key, request);
      return update(() => applyUpdate(handle, acceptTask, { args: [{ actor }] }));
    },
  );

  app.post(
    '/tasks/:key/progress',
    {
      schema: {
        summary: 'The department reports progress',
        tags: ['tasks'],
        params: keyParams,
        body: z.object({ text: text(5000, taskMessages.progressRequired) }),
        response: { 200: taskState },
      },
    },
    async (request) => {
      const { actor, handle } = await taskOfDepartment(request.params.key, request);
      return update(() => applyUpdate(handle, reportProgress, { args: [{ actor, text: request.body.text }] }));
    },
  );

  app.post(
    '/tasks/:key/complete',
    {
      schema: {
        summary: 'The department completes the task with evidence: what was done, the amount, the date, documents (late after the deadline)',
        tags: ['tasks'],
        params: keyParams,
        body: completeBody,
        response: { 200: taskState },
      },
    },
    async (request) => {
      const { actor, handle } = await taskOfDepartment(request.params.key, request);
      const body = request.body;
      const documents = body.documents.map((d) => (d.reference === undefined ? { title: d.title } : { title: d.title, reference: d.reference }));
      const completion = { whatWasDone: body.whatWasDone, amountFen: body.amountYuan === undefined ? null : yuanToFen(body.amountYuan), date: body.date, documents };
      return update(() => applyUpdate(handle, completeTask, { args: [{ actor, evidence: completion }] }));
    },
  );

  app.post(
    '/tasks/:key/hand-back',
    {
      schema: {
        summary: 'The department hands the task back with a reason (not eligible, wrong department, other) for the town to reassign',
        tags: ['tasks'],
        params: keyParams,
        body: handBackBody,
        response: { 200: taskState },
      },
    },
    async (request) => {
      const { actor, handle } = await taskOfDepartment(request.params.key, request);
      return update(() => applyUpdate(handle, handBackTask, { args: [{ actor, reason: request.body.reason, text: request.body.text }] }));
    },
  );
};
