import type { UpdateDefinition } from '@temporalio/common';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor } from '../../domain/access/roles.js';
import { yuanToFen } from '../../domain/income/money.js';
import { measureTasksRepo } from '../../db/repositories/measure-tasks.js';
import { acceptTask, completeTask, handBackTask, reportProgress, type TaskView } from '../../workflows/measure-task/definitions.js';
import { allow, listScope } from '../access.js';
import { actorOf, currentUser } from '../plugins/auth.js';
import { completeTaskBody, handBackBody, overdueTaskQuery, progressBody, taskListQuery, taskPage, taskParams, taskState, toTaskItem, toTaskState } from '../schemas/tasks.js';
import { checkDocumentsOfTask } from '../services/task-documents.js';
import { taskOfDepartment } from '../services/tasks.js';
import { applyUpdate } from '../workflow-update.js';

/**
 * Department tasks 帮扶任务: a department's inbox and its actions (accept,
 * progress, complete with evidence, hand back), the supervisors' overdue list.
 * Lists read PostgreSQL.
 */
export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  /** An update of an open task of the user's department, answered with the task's state. */
  async function updateTask<Arg extends { readonly actor: Actor }>(request: FastifyRequest<{ Params: { key: string } }>, def: UpdateDefinition<TaskView, [Arg]>, input: Omit<Arg, 'actor'>) {
    const user = currentUser(request);
    const task = await taskOfDepartment(app, request.params.key, user);
    const handle = app.temporal.workflow.getHandle(task.task_key);
    return toTaskState(await applyUpdate(handle, def, { args: [{ ...input, actor: actorOf(user) } as Arg] }));
  }

  app.get(
    '/tasks',
    {
      schema: {
        summary: 'Task inbox: a department user sees its department’s tasks; others the tasks in their jurisdiction. Soonest deadline first',
        tags: ['tasks'],
        querystring: taskListQuery,
        response: { 200: taskPage },
      },
    },
    async (request) => {
      const { status, dueFrom, dueTo, townId, villageId, measure, householdId, sort, limit, offset } = request.query;
      const now = new Date();
      const result = await measureTasksRepo(app.db).list({
        ...listScope(currentUser(request)),
        ...(status ? { status } : {}),
        ...(dueFrom ? { dueFrom } : {}),
        ...(dueTo ? { dueBefore: dueTo } : {}),
        ...(townId ? { townId } : {}),
        ...(villageId ? { villageId } : {}),
        ...(measure ? { measure } : {}),
        ...(householdId ? { householdId } : {}),
        ...(sort ? { sort } : {}),
        now,
        limit,
        offset,
      });
      return { total: result.total, items: result.items.map((row) => toTaskItem(row, now)) };
    },
  );

  app.get(
    '/tasks/overdue',
    {
      preHandler: allow('viewOverdueTasks'),
      schema: {
        summary: 'Supervisors: every overdue task of the county with its age in days, department and town, longest overdue first',
        tags: ['tasks'],
        querystring: overdueTaskQuery,
        response: { 200: taskPage },
      },
    },
    async (request) => {
      const { townId, departmentId, measure, minOverdueDays, maxOverdueDays, limit, offset } = request.query;
      const now = new Date();
      const result = await measureTasksRepo(app.db).listOverdue({
        countyId: currentUser(request).jurisdictionId,
        ...(townId ? { townId } : {}),
        ...(departmentId ? { departmentId } : {}),
        ...(measure ? { measure } : {}),
        ...(minOverdueDays === undefined ? {} : { minOverdueDays }),
        ...(maxOverdueDays === undefined ? {} : { maxOverdueDays }),
        now,
        limit,
        offset,
      });
      return { total: result.total, items: result.items.map((row) => toTaskItem(row, now)) };
    },
  );

  app.post(
    '/tasks/:key/accept',
    { schema: { summary: 'The department accepts the task', tags: ['tasks'], params: taskParams, response: { 200: taskState } } },
    async (request) => updateTask(request, acceptTask, {}),
  );

  app.post(
    '/tasks/:key/progress',
    { schema: { summary: 'The department reports progress', tags: ['tasks'], params: taskParams, body: progressBody, response: { 200: taskState } } },
    async (request) => updateTask(request, reportProgress, { text: request.body.text }),
  );

  app.post(
    '/tasks/:key/complete',
    {
      schema: {
        summary: 'The department completes the task with evidence: what was done, the amount, the date, documents (late after the deadline)',
        tags: ['tasks'],
        params: taskParams,
        body: completeTaskBody,
        response: { 200: taskState },
      },
    },
    async (request) => {
      const body = request.body;
      const documents = body.documents.map((d) => (d.reference === undefined ? { title: d.title } : { title: d.title, reference: d.reference }));
      await checkDocumentsOfTask(app, request.params.key, documents);
      const evidence = { whatWasDone: body.whatWasDone, amountFen: body.amountYuan === undefined ? null : yuanToFen(body.amountYuan), date: body.date, documents };
      return updateTask(request, completeTask, { evidence });
    },
  );

  app.post(
    '/tasks/:key/hand-back',
    {
      schema: {
        summary: 'The department hands the task back with a reason (not eligible, wrong department, other) for the town to reassign',
        tags: ['tasks'],
        params: taskParams,
        body: handBackBody,
        response: { 200: taskState },
      },
    },
    async (request) => updateTask(request, handBackTask, { reason: request.body.reason, text: request.body.text }),
  );
};
