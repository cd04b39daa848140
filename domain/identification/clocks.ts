/**
 * Working-day clocks on a review procedure (DOMAIN.md §9): each step acted on
 * within so many working days of the case reaching it (the township within 2
 * working days), and the whole identification within 15–20 working days.
 * Working days follow the official calendar with its 调休 (deadlines.ts,
 * `working_days_after`). The seeds name no such clocks; a county's profile may.
 */
import { STEP_NAMES, STEP_ROLES, type CaseProgress, type IdentificationStep } from './steps.js';

export interface ProcedureClocks {
  /** Working days a step may take from the moment the case reaches it. The public notice runs on its own days. */
  readonly steps?: Partial<Record<IdentificationStep, number>>;
  /** Working days from the case's opening to its end (the county's decision). */
  readonly wholeCase?: number;
  /**
   * Calendar days from the first clue (the case's opening, by discovery or
   * application) to the county's decision: national practice as of 2026 says
   * 15日内 (DOMAIN.md §10), in days, not working days.
   */
  readonly clueToDecisionDays?: number;
}

/** Longer than a quarter's working days is no clock at all. */
export const MAX_CLOCK_WORKING_DAYS = 60;

/** The whole case, as opposed to one of its steps. */
export const WHOLE_CASE = 'whole' as const;
/** From the first clue to the county's decision, in calendar days. */
export const CLUE_TO_DECISION = 'clue' as const;
export type ClockScope = IdentificationStep | typeof WHOLE_CASE | typeof CLUE_TO_DECISION;

/** Whether the clock runs on the whole case (either kind) rather than on one step. */
export const isCaseScope = (scope: ClockScope): scope is typeof WHOLE_CASE | typeof CLUE_TO_DECISION => scope === WHOLE_CASE || scope === CLUE_TO_DECISION;

/** One clock as the workflow keeps it; its item in the deadline register has the same key. */
export interface CaseClock {
  readonly key: string;
  readonly procedure: 'identification' | 'elimination';
  readonly caseNo: number;
  readonly scope: ClockScope;
  /** The clock's length: working days, or calendar days where `calendarDays` is set. */
  readonly workingDays: number;
  /** The length counts calendar days (the clue-to-decision clock); absent: working days. */
  readonly calendarDays?: true;
  readonly startedAt: number;
  /** Null only while the register is computing it. */
  readonly dueAt: number | null;
  readonly doneAt: number | null;
  readonly overdue: boolean;
}

export function clockProblems(clocks: ProcedureClocks, steps: readonly IdentificationStep[], where: string): string[] {
  const problems: string[] = [];
  const bad = (days: number) => !Number.isInteger(days) || days < 1 || days > MAX_CLOCK_WORKING_DAYS;
  for (const [step, days] of Object.entries(clocks.steps ?? {}) as [IdentificationStep, number][]) {
    if (!steps.includes(step)) problems.push(`${where}: a clock on ${step}, which is not one of the identification steps`);
    if (step === 'public_notice') problems.push(`${where}: the public notice has its own days, not a working-day clock`);
    if (bad(days)) problems.push(`${where}: the clock on ${step} must be 1–${MAX_CLOCK_WORKING_DAYS} working days`);
  }
  if (clocks.wholeCase !== undefined && bad(clocks.wholeCase)) problems.push(`${where}: the whole-case clock must be 1–${MAX_CLOCK_WORKING_DAYS} working days`);
  if (clocks.clueToDecisionDays !== undefined && bad(clocks.clueToDecisionDays)) problems.push(`${where}: the clue-to-decision clock must be 1–${MAX_CLOCK_WORKING_DAYS} days`);
  return problems;
}

/** The clocks a case should have running now: its current step's, and the whole case's while it is open. */
export function clocksDue(progress: CaseProgress, clocks: ProcedureClocks | null | undefined): { scope: ClockScope; workingDays: number; calendarDays?: true }[] {
  if (!clocks || progress.status !== 'in_progress') return [];
  const wanted: { scope: ClockScope; workingDays: number; calendarDays?: true }[] = [];
  if (clocks.clueToDecisionDays !== undefined) wanted.push({ scope: CLUE_TO_DECISION, workingDays: clocks.clueToDecisionDays, calendarDays: true });
  if (clocks.wholeCase !== undefined) wanted.push({ scope: WHOLE_CASE, workingDays: clocks.wholeCase });
  const step = progress.current;
  const days = step && step !== 'public_notice' ? clocks.steps?.[step] : undefined;
  if (step && days !== undefined) wanted.push({ scope: step, workingDays: days });
  return wanted;
}

/**
 * What to do with a case's clocks after it moved: which running ones stop
 * (their step was acted on, or the case ended) and which start. A step
 * reached again (after a return) gets a new clock, numbered by its entry.
 */
export function clockChanges(
  running: readonly CaseClock[],
  wanted: readonly { scope: ClockScope; workingDays: number; calendarDays?: true }[],
): { stop: CaseClock[]; start: { scope: ClockScope; workingDays: number; calendarDays?: true; entry: number }[] } {
  const open = running.filter((c) => c.doneAt === null);
  const stop = open.filter((c) => !wanted.some((w) => w.scope === c.scope));
  const start = wanted
    .filter((w) => !open.some((c) => c.scope === w.scope))
    .map((w) => ({ ...w, entry: running.filter((c) => c.scope === w.scope).length + 1 }));
  return { stop, start };
}

/** The deadline register's kind of a clock's item: `identification_step`, `identification_case`, `elimination_step` … */
export function clockItemKind(clock: Pick<CaseClock, 'procedure' | 'scope'>): string {
  return `${clock.procedure}_${clock.scope === CLUE_TO_DECISION ? 'clue' : clock.scope === WHOLE_CASE ? 'case' : 'step'}`;
}

/** What a clock is, in the words of the register and the inbox; `stepNames` are the procedure's. */
export function clockName(clock: Pick<CaseClock, 'procedure' | 'scope' | 'workingDays'>, stepNames: Readonly<Record<IdentificationStep, string>> = STEP_NAMES): string {
  const what = clock.procedure === 'identification' ? '监测识别' : '风险消除';
  if (clock.scope === CLUE_TO_DECISION) return `${what}从发现线索到县级确定（${clock.workingDays}天内）`;
  const days = `${clock.workingDays}个工作日`;
  return clock.scope === WHOLE_CASE ? `${what}全程办理（${days}）` : `${what}“${stepNames[clock.scope]}”环节（${days}）`;
}

/** Who is told when a clock runs out: those who act on the step; for the whole case, the town and the county. */
export function clockLevels(scope: ClockScope): readonly ('village' | 'town' | 'county')[] {
  if (isCaseScope(scope)) return ['town', 'county'];
  const roles = STEP_ROLES[scope];
  const levels = new Set<'village' | 'town' | 'county'>();
  for (const role of roles) {
    if (role === 'village_cadre') levels.add('village');
    else if (role === 'town_officer') levels.add('town');
    else levels.add('county');
  }
  return [...levels];
}
