/**
 * A town's cadence: the items the county's profile gives the town (the report
 * of last month's risk and risk-eliminated households by the 3rd [001], the
 * quarterly screening, the employment ledger in a quarter's first month [003]).
 * Each month the plan opens the month's items in the register and, for a
 * report, generates its draft; the town officer submits or completes them; at
 * each deadline what is still open is overdue — in the register and in the
 * inboxes of the town and the county bureau — until done, and late work is
 * accepted and recorded late. A new year continues as new.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { RECORDS_RETRY } from '../shared/retry.js';
import { AnsweredUpdates } from '../shared/answered-updates.js';
import type { Activities } from '../../activities/index.js';
import { addMonths, parsePeriod, periodOf, startOfPeriod } from '../../domain/calendar/dates.js';
import { DUE_ITEM_KINDS } from '../../domain/deadlines/cadence.js';
import { isPeriod } from '../../domain/calendar/months.js';
import { townMessages as m } from '../../domain/town/messages.js';
import { correctionShapeProblem, isPeriodKey, REPORT_SECTIONS } from '../../domain/town/report.js';
import { completeTownItem, CORRECTIONS_MAX, getTownState, NOTE_MAX, submitTownReport, SUMMARY_MAX, type CompleteTownItemInput, type CompleteTownItemResult, type SubmitTownReportInput, type SubmitTownReportResult, type TownItemRecord, type TownWorkflowInput } from './definitions.js';
import { TownState } from './state.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { refusedByActivity } from '../shared/refused-by-activity.js';
import { drawTownReport } from './definitions.js';
import { onDrawReport, validateDrawReport } from './draw.js';

const town = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: RECORDS_RETRY,
});

const now = () => Date.now();
const handOver = () => workflowInfo().continueAsNewSuggested;
const HOUSEHOLD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function townWorkflow(input: TownWorkflowInput): Promise<void> {
  const state = new TownState(input, now());

  setHandler(getTownState, () => state.view());
  const answered = new AnsweredUpdates(input.carried?.answeredUpdates);
  answered.setHandler(submitTownReport, (submission) => onSubmitReport(state, submission), (submission) => validateSubmitReport(state, submission));
  answered.setHandler(completeTownItem, (completion) => onCompleteItem(state, completion), (completion) => validateCompleteItem(state, completion));
  answered.setHandler(drawTownReport, (draw) => onDrawReport(state, draw, now), (draw) => validateDrawReport(state, draw, now()));

  await keepCadence(state);
  await condition(allHandlersFinished);
  await continueAsNew<typeof townWorkflow>({ ...input, carried: { ...state.snapshot(), answeredUpdates: answered.snapshot() } });
}

/** Until the year ends (or history grows long): plan each month, mark each deadline missed. */
async function keepCadence(state: TownState): Promise<void> {
  const year = parsePeriod(periodOf(now())).year;
  for (;;) {
    const period = periodOf(now());
    if (parsePeriod(period).year !== year || handOver()) return;
    const monthEnd = startOfPeriod(addMonths(period, 1));
    if ((state.plannedUntil ?? -Infinity) < monthEnd) await plan(state, monthEnd);
    for (const item of state.pastDue(now())) {
      state.markOverdue(item.key);
      await town.markTownItemOverdue({ key: item.key, at: item.dueAt });
    }
    const next = Math.min(monthEnd, ...state.waiting().map((i) => i.dueAt));
    await condition(handOver, Math.max(next - now(), 1));
  }
}

/** Opens the items live until `until` that the town does not have yet; a report's draft is generated as it opens. */
async function plan(state: TownState, until: number): Promise<void> {
  const planned = await town.planTownItems({ countyId: state.countyId, fromMs: state.plannedUntil ?? state.openedAt, toMs: until });
  const fresh: TownItemRecord[] = planned.items
    .filter((p) => !state.hasItem(state.dueKey(p)))
    .map((p) => ({ key: state.dueKey(p), kind: p.kind, periodKey: p.periodKey, period: p.period, opensAt: p.opensAt, dueAt: p.dueAt, doneAt: null, late: false, overdue: false }));
  if (fresh.length > 0) {
    await town.openTownItems({
      countyId: state.countyId,
      townId: state.townId,
      items: fresh.map(({ key, kind, periodKey, dueAt }) => ({ key, kind, periodKey, dueAt })),
      openedAt: now(),
    });
    state.addItems(fresh, now());
  }
  for (const item of fresh.filter((i) => i.kind === 'town_monthly_report')) {
    const draft = await town.generateTownReportDraft({ countyId: state.countyId, townId: state.townId, period: item.period, itemKey: item.key, dueAt: item.dueAt, at: now() });
    state.addReport({ period: item.period, itemKey: item.key, generatedAt: draft.generatedAt, draftCounts: draft.counts, submittedAt: null, submittedCounts: null, late: false });
  }
  state.plannedUntil = until;
}

function validateSubmitReport(state: TownState, input: SubmitTownReportInput): void {
  state.checkOfficer(input.actor, m.submitReportAction);
  if (typeof input.period !== 'string' || !isPeriod(input.period)) refuse(REFUSALS.invalidInput, m.periodInvalid);
  const report = state.report(input.period);
  if (!report) refuse(REFUSALS.wrongStep, m.reportNotGenerated(input.period));
  if (report.submittedAt !== null) refuse(REFUSALS.wrongStep, m.reportAlreadySubmitted(input.period));
  if (state.busy.has(report.itemKey)) refuse(REFUSALS.wrongStep, m.reportBeingSubmitted(input.period));
  if (input.note !== undefined && (typeof input.note !== 'string' || input.note.length > NOTE_MAX)) refuse(REFUSALS.invalidInput, m.noteTooLong(NOTE_MAX));
  const corrections = input.corrections ?? [];
  if (!Array.isArray(corrections) || corrections.length > CORRECTIONS_MAX) refuse(REFUSALS.invalidInput, m.tooManyCorrections(CORRECTIONS_MAX));
  for (const c of corrections) {
    if (typeof c.householdId !== 'string' || !HOUSEHOLD_ID.test(c.householdId)) refuse(REFUSALS.invalidInput, m.householdIdInvalid);
    if (!REPORT_SECTIONS.includes(c.section)) refuse(REFUSALS.invalidInput, m.sectionUnknown);
    if (c.change !== 'add' && c.change !== 'remove') refuse(REFUSALS.invalidInput, m.changeUnknown);
    if (typeof c.reason !== 'string') refuse(REFUSALS.invalidInput, m.correction({ kind: 'reason_required', householdId: c.householdId }));
  }
  const problem = correctionShapeProblem(corrections);
  if (problem) refuse(REFUSALS.invalidInput, m.correction(problem));
}

async function onSubmitReport(state: TownState, input: SubmitTownReportInput): Promise<SubmitTownReportResult> {
  const report = state.report(input.period)!;
  state.busy.add(report.itemKey);
  try {
    const result = await refusedByActivity(
      town.recordTownReportSubmission({
        townId: state.townId,
        period: input.period,
        byUserId: input.actor.userId,
        at: now(),
        note: input.note?.trim() || null,
        corrections: input.corrections ?? [],
      }),
    );
    state.submitReport(input.period, result.submittedAt, result.late, result.counts);
    state.complete(report.itemKey, result.submittedAt, result.late);
    return { period: input.period, ...result };
  } finally {
    state.busy.delete(report.itemKey);
  }
}

function validateCompleteItem(state: TownState, input: CompleteTownItemInput): void {
  state.checkOfficer(input.actor, m.completeItemAction);
  if (!DUE_ITEM_KINDS.includes(input.kind)) refuse(REFUSALS.invalidInput, m.kindUnknown);
  if (input.kind === 'town_monthly_report') refuse(REFUSALS.invalidInput, m.useReportSubmit);
  if (typeof input.period !== 'string' || !isPeriodKey(input.period)) refuse(REFUSALS.invalidInput, m.periodKeyInvalid);
  const item = state.item(input.kind, input.period);
  if (!item) refuse(REFUSALS.wrongStep, m.itemNotOpen(input.kind, input.period));
  if (item.doneAt !== null) refuse(REFUSALS.wrongStep, m.itemAlreadyDone(input.kind, input.period));
  if (state.busy.has(item.key)) refuse(REFUSALS.wrongStep, m.itemBeingDone(input.kind, input.period));
  if (typeof input.summary !== 'string' || input.summary.trim().length === 0) refuse(REFUSALS.invalidInput, m.summaryRequired);
  if (input.summary.length > SUMMARY_MAX) refuse(REFUSALS.invalidInput, m.summaryTooLong(SUMMARY_MAX));
}

async function onCompleteItem(state: TownState, input: CompleteTownItemInput): Promise<CompleteTownItemResult> {
  const item = state.item(input.kind, input.period)!;
  state.busy.add(item.key);
  try {
    const done = await refusedByActivity(
      town.recordTownItemDone({ key: item.key, townId: state.townId, kind: item.kind, periodKey: item.periodKey, byUserId: input.actor.userId, at: now(), summary: input.summary }),
    );
    state.complete(item.key, done.doneAt, done.late);
    return { kind: item.kind, period: item.periodKey, doneAt: done.doneAt, late: done.late };
  } finally {
    state.busy.delete(item.key);
  }
}

