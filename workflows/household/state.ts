import { covers, ROLE_NAMES, type Actor, type Role } from '../../domain/access/roles.js';
import { addMonths, endOfDayInPeriod, parsePeriod, periodOf, startOfPeriod, type Period } from '../../domain/calendar/dates.js';
import { DEFAULT_MONTHLY_UPDATE_DAY } from '../../domain/policy/defaults.js';
import type { CaseClock } from '../../domain/identification/clocks.js';
import type { MonitoringCategory, RiskCause } from '../../domain/identification/steps.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { ACTIONS, type Action } from '../../domain/access/actions.js';
import { DueLedger } from '../shared/due-ledger.js';
import { messages } from '../../domain/messages/catalogue.js';
import type { AssessmentSummary, MonitoringStatus } from '../../domain/monitoring/risk-signal.js';
import { monthIndex } from '../../domain/calendar/months.js';
import type { MonthlyItemKind } from '../../domain/monitoring/month-plan.js';
import {
  type DueRecord,
  type HouseholdSnapshot,
  type HouseholdStage,
  type HouseholdView,
  type HouseholdWorkflowInput,
  type ReviewCase,
} from './definitions.js';
import { isLate } from '../../domain/deadlines/lateness.js';
import { householdEventKey } from '../../domain/monitoring/signal-event.js';

/** Items older than this many months leave the workflow's state (the register and the file keep them), unless still waiting. */
const KEPT_MONTHS = 13;
const keptItem = (i: DueRecord, now: number): boolean =>
  monthIndex(i.period) >= monthIndex(addMonths(periodOf(now), -KEPT_MONTHS)) || (i.doneAt === null && !i.overdue);

/** The household's whole state: what the workflow knows and carries across continue-as-new. */
export class HouseholdState {
  readonly openedAt: number;
  stage: HouseholdStage;
  category: MonitoringCategory | null;
  riskCauses: readonly RiskCause[];
  currentCase: ReviewCase | null;
  casesOpened: number;
  eliminationCase: ReviewCase | null;
  eliminationsOpened: number;
  lastAssessment: AssessmentSummary | null;
  monthlyDueDay: number;
  /** A case is being opened (its policy is loading): a concurrent discovery waits and joins it. */
  opening = false;
  private eventSeq: number;
  private readonly ledger: DueLedger<DueRecord>;
  private clocks: CaseClock[];

  constructor(
    readonly input: HouseholdWorkflowInput,
    now: number,
  ) {
    const carried = input.carried;
    this.openedAt = carried?.openedAt ?? Math.min(input.registeredAt ?? now, now);
    this.stage = carried?.stage ?? 'registered';
    this.category = carried?.category ?? null;
    this.riskCauses = carried?.riskCauses ?? [];
    this.eventSeq = carried?.eventSeq ?? 0;
    this.casesOpened = carried?.casesOpened ?? 0;
    this.currentCase = carried?.currentCase ?? null;
    this.eliminationCase = carried?.eliminationCase ?? null;
    this.eliminationsOpened = carried?.eliminationsOpened ?? 0;
    this.lastAssessment = carried?.lastAssessment ?? null;
    this.ledger = new DueLedger(carried?.dueItems, keptItem);
    this.monthlyDueDay = carried?.monthlyDueDay ?? DEFAULT_MONTHLY_UPDATE_DAY;
    this.clocks = [...(carried?.clocks ?? [])];
  }

  get householdId(): string {
    return this.input.householdId;
  }

  get isFirstRun(): boolean {
    return this.input.carried === undefined;
  }

  get monitoringStatus(): MonitoringStatus {
    return this.stage === 'monitoring' ? 'monitored' : this.stage === 'eliminated' ? 'eliminated' : 'not_monitored';
  }

  /** A run-independent key for the next entry of the household file. */
  nextEventKey(kind: string): string {
    return householdEventKey(this.householdId, this.reserveEventSeq(), kind);
  }

  /** The running number of the next entry, for an entry whose kind an activity decides (workflows/household/monthly-steps.ts). */
  reserveEventSeq(): number {
    this.eventSeq += 1;
    return this.eventSeq;
  }

  dueKey(kind: MonthlyItemKind, period: Period): string {
    return `household:${this.householdId}:${kind}:${period}`;
  }

  itemsOf(period: Period): DueRecord[] {
    return this.ledger.items.filter((i) => i.period === period);
  }

  /** Items neither done nor yet overdue, of any month. */
  waitingItems(): DueRecord[] {
    return this.ledger.waiting();
  }

  /** Waiting items whose deadline has passed at `now`. */
  pastDueItems(now: number): DueRecord[] {
    return this.ledger.pastDue(now);
  }

  item(kind: MonthlyItemKind, period: Period): DueRecord | undefined {
    return this.ledger.find((i) => i.kind === kind && i.period === period);
  }

  addItems(items: readonly DueRecord[], now: number): void {
    this.ledger.add(items, now);
  }

  /** Whether work for the period done at `at` is late: after its item's deadline, or the county's day for a month without one. */
  isLate(kind: MonthlyItemKind, period: Period, at: number): boolean {
    const item = this.item(kind, period);
    return isLate(at, item?.dueAt ?? endOfDayInPeriod(period, this.monthlyDueDay));
  }

  completeItem(kind: MonthlyItemKind, period: Period, at: number): DueRecord | undefined {
    const item = this.item(kind, period);
    if (!item || item.doneAt !== null) return item;
    return this.ledger.complete(item.key, at);
  }

  markOverdue(item: DueRecord): void {
    this.ledger.markOverdue(item.key);
  }

  validatePeriod(period: Period, now: number): void {
    try {
      parsePeriod(period);
    } catch {
      refuse(REFUSALS.invalidInput, messages.invalidInput);
    }
    if (startOfPeriod(period) > now) refuse(REFUSALS.invalidInput, messages.periodInFuture(period));
    if (period < periodOf(this.openedAt)) refuse(REFUSALS.invalidInput, messages.periodBeforeOpened(period));
  }

  /** The actor may take this action of the table (domain/access/actions.ts) on this household. */
  checkAction(actor: Actor, action: Action): void {
    this.checkActor(actor, ACTIONS[action].roles, ACTIONS[action].name);
  }

  checkActor(actor: Actor, roles: readonly Role[], action: string): void {
    if (!roles.includes(actor.role)) refuse(REFUSALS.notAllowed, messages.forbiddenRole(action, ROLE_NAMES[actor.role] ?? actor.role));
    if (!covers(actor, this.input.place)) refuse(REFUSALS.notAllowed, messages.outsideJurisdiction);
  }

  clocksOf(procedure: CaseClock['procedure'], caseNo: number): CaseClock[] {
    return this.clocks.filter((c) => c.procedure === procedure && c.caseNo === caseNo);
  }

  /** Running clocks whose deadline is known and has not yet passed unmet. */
  waitingClocks(procedure: CaseClock['procedure']): (CaseClock & { dueAt: number })[] {
    return this.clocks.filter((c): c is CaseClock & { dueAt: number } => c.procedure === procedure && c.doneAt === null && !c.overdue && c.dueAt !== null);
  }

  addClock(clock: CaseClock): void {
    // Done clocks of earlier cases leave the state (the register and the file keep them).
    const latest = { identification: this.casesOpened, elimination: this.eliminationsOpened };
    this.clocks = [...this.clocks.filter((c) => c.doneAt === null || c.caseNo === latest[c.procedure]), clock];
  }

  updateClock(key: string, change: Partial<Pick<CaseClock, 'dueAt' | 'doneAt' | 'overdue'>>): void {
    this.clocks = this.clocks.map((c) => (c.key === key ? { ...c, ...change } : c));
  }

  snapshot(): HouseholdSnapshot {
    return {
      openedAt: this.openedAt,
      stage: this.stage,
      category: this.category,
      riskCauses: [...this.riskCauses],
      eventSeq: this.eventSeq,
      casesOpened: this.casesOpened,
      currentCase: this.currentCase,
      dueItems: this.ledger.snapshot(),
      lastAssessment: this.lastAssessment,
      eliminationCase: this.eliminationCase,
      eliminationsOpened: this.eliminationsOpened,
      monthlyDueDay: this.monthlyDueDay,
      ...(this.clocks.length > 0 ? { clocks: [...this.clocks] } : {}),
    };
  }

  view(): HouseholdView {
    return { householdId: this.householdId, ...this.snapshot() };
  }
}
