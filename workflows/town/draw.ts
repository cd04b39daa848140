/**
 * A month's report drawn at the officer's asking (domain/town/drawing.ts): the
 * occurrence of the county's cadence for that month opens in the register —
 * overdue at once when its deadline has passed — and its draft is generated,
 * as the monthly plan would have done.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { addMonths, startOfPeriod } from '../../domain/calendar/dates.js';
import { isPeriod } from '../../domain/calendar/months.js';
import { isOverdue } from '../../domain/deadlines/lateness.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { DRAW_MONTHS_BACK, drawRefusal } from '../../domain/town/drawing.js';
import { townMessages as m } from '../../domain/town/messages.js';
import { RECORDS_RETRY } from '../shared/retry.js';
import type { DrawnTownReport, DrawTownReportInput, TownItemRecord } from './definitions.js';
import type { TownState } from './state.js';

const town = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: RECORDS_RETRY });

const busyKey = (period: string) => `draw:${period}`;

export function validateDrawReport(state: TownState, input: DrawTownReportInput, now: number): void {
  state.checkOfficer(input.actor, m.drawReportAction);
  if (typeof input.period !== 'string' || !isPeriod(input.period)) refuse(REFUSALS.invalidInput, m.periodInvalid);
  if (state.report(input.period)) return;
  const refusal = drawRefusal(input.period, now);
  if (refusal === 'not_ended') refuse(REFUSALS.wrongStep, m.monthNotEnded(input.period));
  if (refusal === 'too_old') refuse(REFUSALS.wrongStep, m.monthTooOld(input.period, DRAW_MONTHS_BACK));
  if (state.busy.has(busyKey(input.period))) refuse(REFUSALS.wrongStep, m.reportBeingDrawn(input.period));
}

export async function onDrawReport(state: TownState, input: DrawTownReportInput, now: () => number): Promise<DrawnTownReport> {
  const existing = state.report(input.period);
  if (existing) {
    const dueAt = state.item('town_monthly_report', existing.period)?.dueAt ?? existing.generatedAt;
    return { period: existing.period, generatedAt: existing.generatedAt, dueAt, drawn: false, counts: existing.draftCounts };
  }
  state.busy.add(busyKey(input.period));
  try {
    // The month's occurrences: opened by the month's end at the latest, due after its start.
    const planned = await town.planTownItems({ countyId: state.countyId, fromMs: startOfPeriod(input.period), toMs: startOfPeriod(addMonths(input.period, 1)) + 1 });
    const plan = planned.items.find((p) => p.kind === 'town_monthly_report' && p.period === input.period);
    if (!plan) refuse(REFUSALS.wrongStep, m.noReportThatMonth(input.period));
    const key = state.dueKey(plan);
    const at = now();
    if (!state.hasItem(key)) {
      const item: TownItemRecord = { key, kind: plan.kind, periodKey: plan.periodKey, period: plan.period, opensAt: plan.opensAt, dueAt: plan.dueAt, doneAt: null, late: false, overdue: false };
      await town.openTownItems({ countyId: state.countyId, townId: state.townId, items: [{ key, kind: plan.kind, periodKey: plan.periodKey, dueAt: plan.dueAt }], openedAt: at });
      state.addItems([item], at);
      if (isOverdue(plan.dueAt, at)) {
        state.markOverdue(key);
        await town.markTownItemOverdue({ key, at: plan.dueAt });
      }
    }
    const draft = await town.generateTownReportDraft({ countyId: state.countyId, townId: state.townId, period: input.period, itemKey: key, dueAt: plan.dueAt, at });
    state.addReport({ period: input.period, itemKey: key, generatedAt: draft.generatedAt, draftCounts: draft.counts, submittedAt: null, submittedCounts: null, late: false });
    return { period: input.period, generatedAt: draft.generatedAt, dueAt: plan.dueAt, drawn: true, counts: draft.counts };
  } finally {
    state.busy.delete(busyKey(input.period));
  }
}
