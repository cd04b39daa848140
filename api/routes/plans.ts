import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyUpdate } from '../workflow-update.js';
import { MAX_DEADLINE_DAYS } from '../../domain/measures/tasks.js';
import { planMessages } from '../../domain/measures/task-messages.js';
import { departmentsRepo } from '../../db/repositories/departments.js';
import { measureTasksRepo } from '../../db/repositories/measure-tasks.js';
import { confirmPlan, draftPlan, reassignTask, waiveTaskRequirement } from '../../workflows/household/definitions.js';
import { HttpError } from '../errors.js';
import { householdHandle, householdInScope } from '../household-access.js';
import { currentUser } from '../plugins/auth.js';
import { text } from '../schemas/common.js';
import { page, taskItem, taskKey, toTaskItem } from '../schemas/tasks.js';
import { withoutUndefined } from '../without-undefined.js';
import { idParams } from './households.js';

const measureCode = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, '措施编码格式不正确');
const departmentId = z.uuid({ message: planMessages.departmentInvalid });
const deadlineDays = z.number().int().min(1, planMessages.deadlineDaysInvalid(MAX_DEADLINE_DAYS)).max(MAX_DEADLINE_DAYS, planMessages.deadlineDaysInvalid(MAX_DEADLINE_DAYS));

const plannedTask = z.object({
  taskKey: z.string(),
  planNo: z.number(),
  measure: z.string(),
  measureName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  deadlineDays: z.number(),
  dueAt: z.number().describe('epoch ms: on time until then'),
  required: z.boolean(),
  reassignedFrom: z.string().nullable(),
});

const draftMeasure = z.object({
  code: z.string(),
  name: z.string(),
  nature: z.enum(['developmental', 'safety_net']),
  lead: z.object({ code: z.string(), departmentId: z.string().nullable(), name: z.string() }),
  cooperating: z.array(z.string()).readonly(),
  deadlineDays: z.number(),
  required: z.boolean(),
  reasons: z.array(z.string()).readonly(),
});

/** The household's assistance plan 帮扶措施表: suggestions, confirmation, and the town's reassignment of a handed-back task. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Departments chosen by hand must be the household's county's: refused here with a clear message before the workflow sees them. */
  async function checkDepartments(countyId: string, ids: readonly (string | undefined)[]) {
    const wanted = ids.filter((id): id is string => id !== undefined);
    if (wanted.length === 0) return;
    const known = new Set((await departmentsRepo(app.db).ofCounty(countyId)).map((d) => d.id));
    if (wanted.some((id) => !known.has(id))) throw new HttpError(400, planMessages.departmentNotInCounty, 'INVALID_INPUT');
  }

  app.post(
    '/households/:id/plan/draft',
    {
      schema: {
        summary: 'Suggested measures from the household’s risk causes, members and eligibility, with each lead department, for a person to confirm or change',
        tags: ['plans'],
        params: idParams,
        response: {
          200: z.object({
            asOf: z.string(),
            catalogueId: z.string(),
            catalogueVersion: z.number(),
            labour: z.enum(['capable', 'weak_only', 'none', 'unknown']),
            measures: z.array(draftMeasure).readonly(),
            withheld: z.array(z.object({ code: z.string(), name: z.string(), why: z.string() })).readonly(),
            toVerify: z.array(z.object({ measure: z.string().nullable(), text: z.string() })).readonly(),
            alreadyOpen: z.array(z.string()).readonly(),
          }),
        },
      },
    },
    async (request) => {
      const { actor, handle } = await householdHandle(app, request.params.id, request);
      return applyUpdate(handle, draftPlan, { args: [{ actor }] });
    },
  );

  app.post(
    '/households/:id/plan',
    {
      schema: {
        summary: 'Confirm the plan: each measure becomes a task of its department (the catalogue’s lead unless changed) with its deadline',
        tags: ['plans'],
        params: idParams,
        body: z.object({
          measures: z
            .array(z.object({ code: measureCode, departmentId: departmentId.optional(), deadlineDays: deadlineDays.optional(), required: z.boolean().optional() }))
            .min(1, planMessages.measuresRequired)
            .max(30),
          note: z.string().trim().max(2000, planMessages.noteTooLong).optional(),
        }),
        response: { 200: z.object({ planNo: z.number(), tasks: z.array(plannedTask).readonly() }) },
      },
    },
    async (request) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      await checkDepartments(household.county_id, request.body.measures.map((m) => m.departmentId));
      const { actor, handle } = await householdHandle(app, household.id, request);
      return applyUpdate(handle, confirmPlan, { args: [{ actor, ...withoutUndefined(request.body) }] });
    },
  );

  app.get(
    '/households/:id/tasks',
    {
      schema: {
        summary: 'The household’s tasks of every plan, with status, deadline, evidence and hand-backs',
        tags: ['plans'],
        params: idParams,
        querystring: z.object({ ...page }),
        response: { 200: z.object({ total: z.number(), items: z.array(taskItem) }) },
      },
    },
    async (request) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      const now = new Date();
      const result = await measureTasksRepo(app.db).list({ householdId: household.id, now, ...request.query });
      return { total: result.total, items: result.items.map((row) => toTaskItem(row, now)) };
    },
  );

  const taskParams = idParams.extend({ key: taskKey });

  app.post(
    '/households/:id/tasks/:key/reassign',
    {
      schema: {
        summary: 'The town reassigns a handed-back task to another department; a new task starts with its own deadline',
        tags: ['plans'],
        params: taskParams,
        body: z.object({ departmentId, deadlineDays: deadlineDays.optional(), note: z.string().trim().max(2000, planMessages.noteTooLong).optional() }),
        response: { 200: plannedTask },
      },
    },
    async (request) => {
      const household = await householdInScope(app, request.params.id, currentUser(request));
      await checkDepartments(household.county_id, [request.body.departmentId]);
      const { actor, handle } = await householdHandle(app, household.id, request);
      return applyUpdate(handle, reassignTask, { args: [{ actor, taskKey: request.params.key, ...withoutUndefined(request.body) }] });
    },
  );

  app.post(
    '/households/:id/tasks/:key/waive',
    {
      schema: {
        summary: 'The county records why an open required measure need not hold risk elimination back 县级说明理由',
        tags: ['plans'],
        params: taskParams,
        body: z.object({ reason: text(2000, planMessages.reasonRequired) }),
        response: {
          200: z.object({
            measure: z.string(),
            open: z
              .array(z.object({ taskKey: z.string(), measure: z.string(), measureName: z.string(), departmentName: z.string(), status: z.string(), dueAt: z.number() }))
              .readonly(),
          }),
        },
      },
    },
    async (request) => {
      const { actor, handle } = await householdHandle(app, request.params.id, request);
      return applyUpdate(handle, waiveTaskRequirement, { args: [{ actor, taskKey: request.params.key, reason: request.body.reason }] });
    },
  );
};
