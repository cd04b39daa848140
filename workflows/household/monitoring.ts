/**
 * Monthly monitoring 动态监测: each month the visit and the monthly update are
 * due by the county's day (每月20日前 [003]); missing at the deadline an item is
 * overdue — in the register, in the file, and in the inboxes of the village and
 * its town — until done; a late one is accepted and recorded late. Each update
 * re-assesses the household by the policy in force for its month.
 */
import { condition, patched } from '@temporalio/workflow';
import { addMonths, formatLocalDate, parseLocalDate, parsePeriod, periodOf, toLocalDate, type Period } from '../../domain/calendar/dates.js';
import { RISK_CAUSES } from '../../domain/identification/steps.js';
import { monitoringMessages as m } from '../../domain/messages/catalogue.js';
import { riskSignal, type AssessmentSummary, type RiskSignal } from '../../domain/monitoring/risk-signal.js';
import type { MonthlyItemKind } from '../../domain/monitoring/month-plan.js';
import { records } from './activities.js';
import { hasFacts, recordFacts, validateFacts } from './facts.js';
import { carriedInputs } from './decision-carried.js';
import { type HouseholdStage, type MonthlyUpdateInput, type MonthlyUpdateResult, type VisitInput, type VisitResult } from './definitions.js';
import { eventBase as base } from './review-case.js';
import { type HouseholdState } from './state.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { lineRefusal } from '../../domain/income/lines.js';
import { signalEntry } from '../../domain/monitoring/signal-event.js';
import { deferOpening, markItemOverdue, monthlyUpdateInOneStep, monthOpensAt, MONTH_TURN_SPREAD_PATCH, MONTHLY_STEPS_PATCH, openDeferredMonth, openMonthOnce } from './monthly-steps.js';

export function validateMonthlyUpdate(state: HouseholdState, update: MonthlyUpdateInput, now: number): void {
  state.checkAction(update.actor, 'monthlyUpdate');
  state.validatePeriod(update.period, now);
  for (const line of [...(update.income ?? []), ...(update.spending ?? [])]) {
    const refusal = lineRefusal(line);
    if (refusal) refuse(REFUSALS.invalidInput, refusal);
    if (line.period > update.period) refuse(REFUSALS.invalidInput, m.lineAfterPeriod(line.period, update.period));
  }
  if (update.memberCount !== undefined && (!Number.isInteger(update.memberCount) || update.memberCount < 1)) refuse(REFUSALS.invalidInput, m.memberCountInvalid);
  validateFacts(update.facts);
}

export async function onMonthlyUpdate(state: HouseholdState, update: MonthlyUpdateInput, now: () => number): Promise<MonthlyUpdateResult> {
  const at = now();
  if (hasFacts(update.facts)) await recordFacts(state, update.facts, { source: 'monthly_update', sourceKey: `monthly_update:${update.period}`, year: parsePeriod(update.period).year, actorUserId: update.actor.userId, at });
  if (patched(MONTHLY_STEPS_PATCH)) {
    const done = await monthlyUpdateInOneStep(state, { period: update.period, byUserId: update.actor.userId, at }, () => ({
      submitted: submittedEntry(state, update, at, state.isLate('monthly_update', update.period, at)),
      assess: assessInput(state, update, at),
    }));
    return { period: update.period, late: done.late, signal: done.signal.kind };
  }
  const late = await complete(state, 'monthly_update', update.period, at, update.actor.userId);
  await records.recordHouseholdEvent(submittedEntry(state, update, at, late));
  const assessment = await records.assessHousehold(assessInput(state, update, at));
  const signal = riskSignal(state.monitoringStatus, assessment, state.lastAssessment);
  state.lastAssessment = assessment;
  await act(state, signal, update.actor.userId, at, update.period);
  return { period: update.period, late, signal: signal.kind };
}

/** The file's entry of the update (its key taken now). */
function submittedEntry(state: HouseholdState, update: MonthlyUpdateInput, at: number, late: boolean) {
  return {
    ...base(state, 'monthly_update.submitted', update.actor.userId, at),
    payload: {
      period: update.period,
      late,
      note: update.note ?? null,
      memberChanges: update.memberChanges ?? null,
      policiesEnjoyed: update.policiesEnjoyed ?? [],
    },
  };
}

/** The re-assessment the update brings (its key taken now). */
function assessInput(state: HouseholdState, update: MonthlyUpdateInput, at: number) {
  const carried = carriedInputs(state, update.period, update.lastYearIncomePerCapita);
  return {
    householdId: state.householdId,
    countyId: state.input.place.countyId,
    period: update.period,
    key: state.nextEventKey('monitoring.assessed'),
    eventKind: 'monitoring.assessed',
    source: `monthly_update:${update.period}`,
    actorUserId: update.actor.userId,
    occurredAt: at,
    memberCount: update.memberCount ?? state.lastAssessment?.members ?? 1,
    income: update.income ?? [],
    spending: update.spending ?? [],
    ...(carried.lastYearIncomePerCapita === undefined ? {} : { lastYearIncomePerCapita: carried.lastYearIncomePerCapita }),
    ...(update.threats ? { threats: update.threats } : {}),
    riskCauses: carried.riskCauses,
    context: { period: update.period },
  };
}

export function validateVisit(state: HouseholdState, visit: VisitInput, now: number): void {
  state.checkAction(visit.actor, 'visit');
  state.validatePeriod(visit.period, now);
  const today = formatLocalDate(toLocalDate(now));
  if (!isDate(visit.visitedOn) || !visit.visitedOn.startsWith(visit.period)) refuse(REFUSALS.invalidInput, m.visitDateInvalid(visit.period));
  if (visit.visitedOn > today) refuse(REFUSALS.invalidInput, m.visitDateInFuture(today));
  if (visit.findings.trim().length === 0) refuse(REFUSALS.invalidInput, m.findingsRequired);
  if ((visit.risksFound ?? []).some((c) => !RISK_CAUSES.includes(c))) refuse(REFUSALS.invalidInput, m.riskCauseUnknown);
  validateFacts(visit.facts);
}

/** A day that exists, written YYYY-MM-DD: not the 0th, nor the 30th of February. */
function isDate(text: string): boolean {
  try {
    parseLocalDate(text);
    return true;
  } catch {
    return false;
  }
}

export async function onVisit(state: HouseholdState, visit: VisitInput, now: () => number): Promise<VisitResult> {
  const at = now();
  if (hasFacts(visit.facts)) {
    await recordFacts(state, visit.facts, {
      source: 'visit',
      sourceKey: `visit:${visit.period}`,
      asOf: visit.visitedOn,
      year: parsePeriod(visit.period).year,
      actorUserId: visit.actor.userId,
      at,
    });
  }
  const late = await complete(state, 'monthly_visit', visit.period, at, visit.actor.userId);
  const threatened = Object.values(visit.threats ?? {}).some(Boolean);
  const found = (visit.risksFound ?? []).length > 0 || threatened;
  // A visit also answers any screening ordered for the household's area (one that found a risk leaves a screening campaign's check to be recorded with its problem).
  const screening = await records.completeScreeningVisits({ householdId: state.householdId, at, byUserId: visit.actor.userId, found });
  await records.recordHouseholdEvent({
    ...base(state, 'monitoring.visited', visit.actor.userId, at),
    payload: {
      period: visit.period,
      late,
      visitedOn: visit.visitedOn,
      findings: visit.findings,
      risksFound: visit.risksFound ?? [],
      threats: visit.threats ?? {},
      screeningsAnswered: screening.completed,
    },
  });
  let signal: RiskSignal = { kind: 'none' };
  if (found) {
    const reasons = [m.visitFoundRisk(visit.visitedOn, visit.findings)];
    signal = state.monitoringStatus === 'eliminated' ? { kind: 'reentry', reasons } : { kind: 'warning', reasons };
  }
  await act(state, signal, visit.actor.userId, at, visit.period);
  return { period: visit.period, late, signal: signal.kind };
}

/** Closes the month's item (if the register has it); answers whether it came after the deadline. */
async function complete(state: HouseholdState, kind: MonthlyItemKind, period: Period, at: number, byUserId: string): Promise<boolean> {
  await openDeferredMonth(state, period, at);
  const item = state.item(kind, period);
  const late = state.isLate(kind, period, at);
  if (item && item.doneAt === null) {
    state.completeItem(kind, period, at);
    await records.completeDueItem({ key: item.key, at, byUserId });
  }
  return late;
}

/** Carries out what the re-assessment or the visit showed. */
async function act(state: HouseholdState, signal: RiskSignal, actorUserId: string, at: number, period: Period): Promise<void> {
  const entry = signalEntry(signal, period, actorUserId);
  if (!entry) return;
  if (entry.stage) state.stage = entry.stage as HouseholdStage;
  await records.recordHouseholdEvent({ ...base(state, entry.kind, entry.actorUserId, at), payload: entry.payload, ...(entry.stage ? { stage: entry.stage } : {}) });
}

/**
 * Each month: open the month's items in the register, wait for each deadline
 * in turn, mark what is still missing overdue. A deadline may fall in the
 * next month (the visit is due by the month's end) or in the next run (after a
 * hand-over at the year's end): every waiting item is swept, whatever its
 * month. Returns when the run should continue as new.
 */
export async function monitorMonthly(state: HouseholdState, handOver: () => boolean, now: () => number): Promise<void> {
  const waiting = () => state.waitingItems();
  while (!handOver()) {
    const period: Period = periodOf(now());
    const spread = patched(MONTH_TURN_SPREAD_PATCH);
    const opensAt = monthOpensAt(state, period, spread);
    const unopened = () => state.itemsOf(period).length === 0;
    if (unopened()) {
      if (now() >= opensAt) await openMonthOnce(state, period, now());
      else deferOpening(state, period);
    }
    for (const item of state.pastDueItems(now())) await markItemOverdue(state, item);
    const ahead = waiting();
    const deferredOpening = unopened() && now() < opensAt;
    const nextMonth = monthOpensAt(state, addMonths(period, 1), spread);
    const wakeAt = Math.min(nextMonth, ...(deferredOpening ? [opensAt] : []), ...ahead.map((i) => i.dueAt));
    await condition(() => waiting().length < ahead.length || handOver() || (deferredOpening && !unopened()), wakeAt - now());
  }
}

export type { AssessmentSummary };
