import { WorkflowNotFoundError } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { applyUpdate } from '../workflow-update.js';
import { ROLE_NAMES, type Role } from '../../domain/access/roles.js';
import { DUE_ITEM_KINDS } from '../../domain/deadlines/cadence.js';
import { messages } from '../../domain/messages/catalogue.js';
import { newRiskHowNames, reportSectionNames, townMessages } from '../../domain/town/messages.js';
import { applyCorrections, isPeriodKey, NEW_RISK_HOW, REPORT_SECTIONS, type SubmittedTownReport, type TownReportBody } from '../../domain/town/report.js';
import type { Jurisdiction } from '../../db/database.js';
import { dueItemsRepo } from '../../db/repositories/due-items.js';
import { jurisdictionsRepo } from '../../db/repositories/jurisdictions.js';
import { townReportsRepo } from '../../db/repositories/town-reports.js';
import { completeTownItem, CORRECTIONS_MAX, NOTE_MAX, submitTownReport, SUMMARY_MAX, townWorkflowId } from '../../workflows/town/definitions.js';
import { HttpError } from '../errors.js';
import { actorOf } from '../household-access.js';
import { currentUser, type LoggedInUser } from '../plugins/auth.js';
import { period, text } from '../schemas/common.js';
import { withoutUndefined } from '../without-undefined.js';

/** Who reads a town's reports besides its own officers: the county's bureau and supervisors, read-only. */
const COUNTY_READERS: readonly Role[] = ['county_bureau', 'supervisor'];

const townParams = z.object({ id: z.string().regex(/^[0-9A-Za-z-]{2,32}$/, townMessages.townNotFound) });
const reportParams = townParams.extend({ period });
const itemParams = townParams.extend({
  kind: z.enum(DUE_ITEM_KINDS, { message: townMessages.kindUnknown }),
  period: z.string().refine(isPeriodKey, townMessages.periodKeyInvalid),
});

const household = z.object({ householdId: z.string(), villageId: z.string(), villageName: z.string(), headName: z.string() });
const counts = z.object({ monitoring: z.number(), newRisk: z.number(), eliminated: z.number() });
const reportView = z.object({
  townId: z.string(),
  townName: z.string(),
  period: z.string(),
  status: z.enum(['draft', 'submitted']),
  generatedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  submittedAt: z.string().nullable(),
  submittedBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  late: z.boolean().nullable(),
  note: z.string().nullable(),
  counts,
  monitoring: z.array(household),
  newRisk: z.array(household.extend({ how: z.enum(NEW_RISK_HOW), howName: z.string() })),
  eliminated: z.array(household),
  corrections: z.array(
    household.extend({ section: z.enum(REPORT_SECTIONS), sectionName: z.string(), change: z.enum(['add', 'remove']), reason: z.string() }),
  ),
});

const correction = z.object({
  householdId: z.uuid({ message: townMessages.householdIdInvalid }),
  section: z.enum(REPORT_SECTIONS, { message: townMessages.sectionUnknown }),
  change: z.enum(['add', 'remove'], { message: townMessages.changeUnknown }),
  reason: text(500, '请填写更正理由'),
});

/** The town, when it exists and the user may read (or, with `write`, act on) its items; 404 or 403 otherwise. */
async function townInScope(app: FastifyInstance, id: string, user: LoggedInUser, write: string | false): Promise<Jurisdiction> {
  const town = await jurisdictionsRepo(app.db).findById(id);
  if (!town || town.level !== 'town') throw new HttpError(404, townMessages.townNotFound, 'NOT_FOUND');
  if (user.role === 'town_officer') {
    if (user.jurisdictionId !== town.id) throw new HttpError(403, townMessages.notOwnTown, 'FORBIDDEN');
    return town;
  }
  if (write || !COUNTY_READERS.includes(user.role)) {
    throw new HttpError(403, messages.forbiddenRole(write || '查看乡镇报告', ROLE_NAMES[user.role] ?? user.role), 'FORBIDDEN');
  }
  if (user.jurisdictionId !== town.parent_id) throw new HttpError(403, townMessages.outsideJurisdiction, 'FORBIDDEN');
  return town;
}

/** An update to the town's workflow; a town whose cadence has not started is a clear 404. */
async function updateTown<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new HttpError(404, townMessages.cadenceNotStarted, 'NOT_FOUND');
    throw error;
  }
}

/** A town's own items: the monthly report of risk and risk-eliminated households, the quarterly screening, the ledger. */
export const townRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', app.requireLogin);

  app.get(
    '/towns/:id/reports/:period',
    {
      schema: {
        summary: 'A month’s report of risk and risk-eliminated households (上月返贫致贫风险户、风险消除户): the draft, or the report as submitted',
        tags: ['towns'],
        params: reportParams,
        response: { 200: reportView },
      },
    },
    async (request) => {
      const town = await townInScope(app, request.params.id, currentUser(request), false);
      const row = await townReportsRepo(app.db).findWithSubmitter(town.id, request.params.period);
      if (!row) throw new HttpError(404, townMessages.reportNotGenerated(request.params.period), 'NOT_FOUND');
      const item = await dueItemsRepo(app.db).findByKey(row.due_item_key);
      const body = (row.status === 'submitted' ? row.report : row.draft) as TownReportBody | SubmittedTownReport;
      const corrections = 'corrections' in body ? body.corrections : [];
      return {
        townId: town.id,
        townName: town.name,
        period: row.period,
        status: row.status,
        generatedAt: row.generated_at.toISOString(),
        dueAt: row.due_at.toISOString(),
        overdue: row.status === 'draft' && item?.overdue_at != null,
        submittedAt: row.submitted_at?.toISOString() ?? null,
        submittedBy: row.submitted_by ? { id: row.submitted_by, name: row.submitted_by_name } : null,
        late: row.late,
        note: row.note,
        counts: body.counts,
        monitoring: [...body.monitoring],
        newRisk: body.newRisk.map((h) => ({ ...h, howName: newRiskHowNames[h.how] })),
        eliminated: [...body.eliminated],
        corrections: corrections.map((c) => ({ ...c, sectionName: reportSectionNames[c.section] })),
      };
    },
  );

  app.post(
    '/towns/:id/reports/:period/submit',
    {
      schema: {
        summary: 'The town officer confirms the month’s draft and submits it (次月3日前), with a note or corrections; a late one is recorded late',
        tags: ['towns'],
        params: reportParams,
        body: z.object({
          note: z.string().trim().max(NOTE_MAX, townMessages.noteTooLong(NOTE_MAX)).optional(),
          corrections: z.array(correction).max(CORRECTIONS_MAX, townMessages.tooManyCorrections(CORRECTIONS_MAX)).optional(),
        }),
        response: { 200: z.object({ period: z.string(), submittedAt: z.string(), late: z.boolean(), counts }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const town = await townInScope(app, request.params.id, user, townMessages.submitReportAction);
      const corrections = request.body.corrections ?? [];
      const reports = townReportsRepo(app.db);
      const row = await reports.find(town.id, request.params.period);
      if (row?.status === 'draft' && corrections.length > 0) {
        const added = [...new Set(corrections.filter((c) => c.change === 'add').map((c) => c.householdId))];
        const checked = applyCorrections(row.draft as TownReportBody, corrections, await reports.townHouseholds(town.id, added));
        if ('problem' in checked) throw new HttpError(400, townMessages.correction(checked.problem), 'InvalidInput');
      }
      const handle = app.temporal.workflow.getHandle(townWorkflowId(town.id));
      const result = await updateTown(() =>
        applyUpdate(handle, submitTownReport, { args: [{ actor: actorOf(user), period: request.params.period, ...withoutUndefined(request.body) }] }),
      );
      return { period: result.period, submittedAt: new Date(result.submittedAt).toISOString(), late: result.late, counts: result.counts };
    },
  );

  app.post(
    '/towns/:id/items/:kind/:period/complete',
    {
      schema: {
        summary: 'The town officer completes one of the town’s items (镇每季排查, 脱贫劳动力就业台账 …) with what was done; a late one is recorded late',
        tags: ['towns'],
        params: itemParams,
        body: z.object({ summary: text(SUMMARY_MAX, townMessages.summaryRequired) }),
        response: { 200: z.object({ kind: z.string(), period: z.string(), doneAt: z.string(), late: z.boolean() }) },
      },
    },
    async (request) => {
      const user = currentUser(request);
      const town = await townInScope(app, request.params.id, user, townMessages.completeItemAction);
      const handle = app.temporal.workflow.getHandle(townWorkflowId(town.id));
      const { kind, period: periodKey } = request.params;
      const done = await updateTown(() =>
        applyUpdate(handle, completeTownItem, { args: [{ actor: actorOf(user), kind, period: periodKey, summary: request.body.summary }] }),
      );
      return { kind: done.kind, period: done.period, doneAt: new Date(done.doneAt).toISOString(), late: done.late };
    },
  );
};
