/**
 * Working-day clocks on the review procedure (DOMAIN.md §9): when a case
 * reaches a step its profile puts a clock on, the step's item opens in the
 * deadline register with its deadline counted in working days; acting on the
 * step closes it (late if after the deadline); at the deadline it turns overdue
 * in the register and the file, and those who act on the step are told. The
 * whole case has its clock from opening to its end.
 */
import { condition, patched } from '@temporalio/workflow';
import { clockChanges, clockItemKind, clockLevels, clockName, clocksDue, CLUE_TO_DECISION, isCaseScope, WHOLE_CASE, type CaseClock } from '../../domain/identification/clocks.js';
import { records } from './activities.js';
import { eventBase, inProgress, type CaseSlot } from './review-case.js';
import type { HouseholdState } from './state.js';
import { isOverdue } from '../../domain/deadlines/lateness.js';

/** Marks that the household runs the clocks (histories from before them have none). */
export const CASE_CLOCKS_PATCH = 'case-working-day-clocks';
/** Marks that the household runs the calendar-day clock from the first clue to the county's decision (national practice, 2026). */
export const CLUE_CLOCK_PATCH = 'clue-to-decision-clock';

/**
 * After the case of `slot` moved (opened, a step acted on, the notice passed):
 * stops the clocks whose step was acted on, or all when the case ended, and
 * starts those of the step reached. `actorUserId` is who acted.
 */
export async function syncClocks(state: HouseholdState, slot: CaseSlot, actorUserId: string | null, now: () => number): Promise<void> {
  const c = slot.get(state);
  if (!c) return;
  const running = state.clocksOf(slot.kind, c.caseNo);
  const due = clocksDue(c.progress, c.policy.clocks);
  // Cases whose policy has the clue clock were opened after it existed; the patch marks it in their history.
  const wanted = due.some((w) => w.scope === CLUE_TO_DECISION) && !patched(CLUE_CLOCK_PATCH) ? due.filter((w) => w.scope !== CLUE_TO_DECISION) : due;
  const { stop, start } = clockChanges(running, wanted);
  if (stop.length === 0 && start.length === 0) return;
  if (!patched(CASE_CLOCKS_PATCH)) return;
  const at = now();
  // The state changes first, so that a handler running meanwhile sees them.
  for (const clock of stop) state.updateClock(clock.key, { doneAt: at });
  const started = start.map(({ scope, workingDays, calendarDays, entry }) => {
    const key = `household:${state.householdId}:${slot.kind}:${c.caseNo}:${scope}:${entry}`;
    const clock: CaseClock = { key, procedure: slot.kind, caseNo: c.caseNo, scope, workingDays, ...(calendarDays ? { calendarDays } : {}), startedAt: at, dueAt: null, doneAt: null, overdue: false };
    state.addClock(clock);
    return clock;
  });
  for (const clock of stop) await records.completeDueItem({ key: clock.key, at, byUserId: actorUserId });
  for (const clock of started) {
    const due = await records.openCaseClock({
      key: clock.key,
      kind: clockItemKind(clock),
      householdId: state.householdId,
      startedAt: at,
      workingDays: clock.workingDays,
      ...(clock.calendarDays ? { calendarDays: true } : {}),
    });
    state.updateClock(clock.key, { dueAt: due.dueAt });
  }
}

/**
 * Waits for the next deadline among the running clocks and marks what is
 * still open then overdue. Ends when the run hands over to continue-as-new.
 */
export async function runClocks(state: HouseholdState, slot: CaseSlot, handOver: () => boolean, now: () => number): Promise<void> {
  const waiting = () => state.waitingClocks(slot.kind);
  const signature = () => waiting().map((c) => `${c.key}@${c.dueAt}`).join();
  for (;;) {
    const seen = signature();
    const next = Math.min(...waiting().map((c) => c.dueAt));
    const woken = () => handOver() || signature() !== seen;
    if (!Number.isFinite(next)) await condition(woken);
    else if (next > now()) await condition(woken, next - now());
    if (handOver()) return;
    for (const clock of waiting().filter((c) => isOverdue(c.dueAt, now()))) {
      state.updateClock(clock.key, { overdue: true });
      const open = inProgress(state, slot);
      const stepName = isCaseScope(clock.scope) ? null : slot.names[clock.scope];
      await records.markHouseholdItemOverdue({ key: clock.key, at: clock.dueAt, what: clockName(clock, slot.names), notify: clockLevels(clock.scope) });
      await records.recordHouseholdEvent({
        ...eventBase(state, `${slot.kind}.${clock.scope === CLUE_TO_DECISION ? 'clue' : clock.scope === WHOLE_CASE ? 'case' : 'step'}_overdue`, null, clock.dueAt),
        payload: {
          caseNo: clock.caseNo,
          step: stepName,
          workingDays: clock.workingDays,
          startedAt: new Date(clock.startedAt).toISOString(),
          deadline: new Date(clock.dueAt).toISOString(),
          current: open?.progress.current ?? null,
        },
      });
    }
  }
}
