import { ROLE_NAMES, type Actor } from '../../domain/access/roles.js';
import { addMonths, periodOf, startOfPeriod, type Period } from '../../domain/calendar/dates.js';
import type { DueItemKind } from '../../domain/deadlines/cadence.js';
import { REFUSALS, refuse } from '../../domain/failures.js';
import { DueLedger } from '../shared/due-ledger.js';
import { messages } from '../../domain/messages/catalogue.js';
import { monthIndex } from '../../domain/calendar/months.js';
import { townMessages } from '../../domain/town/messages.js';
import type { ReportCounts, TownItemPlan } from '../../domain/town/report.js';
import { type TownItemRecord, type TownReportRecord, type TownSnapshot, type TownView, type TownWorkflowInput } from './definitions.js';

/** Items and reports older than this many months leave the workflow's state (the register and town_reports keep them). */
const KEPT_MONTHS = 24;
const oldestKept = (now: number): number => startOfPeriod(addMonths(periodOf(now), -KEPT_MONTHS));

/** The town's whole state: what the workflow knows and carries across continue-as-new. */
export class TownState {
  readonly openedAt: number;
  /** The end of the span planned so far; the next plan starts there. */
  plannedUntil: number | null;
  /** Register keys whose submission or completion is under way: a second one waits for the answer. */
  readonly busy = new Set<string>();
  private readonly ledger: DueLedger<TownItemRecord>;
  private reports: TownReportRecord[];

  constructor(
    readonly input: TownWorkflowInput,
    now: number,
  ) {
    const carried = input.carried;
    this.openedAt = carried?.openedAt ?? now;
    this.plannedUntil = carried?.plannedUntil ?? null;
    this.ledger = new DueLedger(carried?.items, (i, at) => i.dueAt >= oldestKept(at));
    this.reports = [...(carried?.reports ?? [])];
  }

  get townId(): string {
    return this.input.townId;
  }

  get countyId(): string {
    return this.input.countyId;
  }

  /** The register's key of a planned occurrence: `town:<townId>:<kind>:town:<periodKey>`. */
  dueKey(plan: Pick<TownItemPlan, 'key'>): string {
    return `town:${this.townId}:${plan.key}`;
  }

  hasItem(key: string): boolean {
    return this.ledger.has(key);
  }

  item(kind: DueItemKind, periodKey: string): TownItemRecord | undefined {
    return this.ledger.find((i) => i.kind === kind && i.periodKey === periodKey);
  }

  /** Open items whose deadline has not been met yet. */
  waiting(): TownItemRecord[] {
    return this.ledger.waiting();
  }

  /** Waiting items whose deadline has passed at `now`. */
  pastDue(now: number): TownItemRecord[] {
    return this.ledger.pastDue(now);
  }

  addItems(items: readonly TownItemRecord[], now: number): void {
    this.ledger.add(items, now);
    this.reports = this.reports.filter((r) => startOfPeriod(r.period) >= oldestKept(now));
  }

  complete(key: string, doneAt: number, late: boolean): void {
    this.ledger.complete(key, doneAt, late);
  }

  markOverdue(key: string): void {
    this.ledger.markOverdue(key);
  }

  report(period: Period): TownReportRecord | undefined {
    return this.reports.find((r) => r.period === period);
  }

  addReport(report: TownReportRecord): void {
    if (this.report(report.period)) return;
    this.reports = [...this.reports, report].sort((a, b) => monthIndex(a.period) - monthIndex(b.period));
  }

  submitReport(period: Period, submittedAt: number, late: boolean, counts: ReportCounts): void {
    this.reports = this.reports.map((r) => (r.period === period ? { ...r, submittedAt, late, submittedCounts: counts } : r));
  }

  /** Only a town officer of this town acts on its items; the county reads them. */
  checkOfficer(actor: Actor, action: string): void {
    if (actor.role !== 'town_officer') refuse(REFUSALS.notAllowed, messages.forbiddenRole(action, ROLE_NAMES[actor.role] ?? actor.role));
    if (actor.jurisdictionId !== this.townId) refuse(REFUSALS.notAllowed, townMessages.notOwnTown);
  }

  snapshot(): TownSnapshot {
    return { openedAt: this.openedAt, plannedUntil: this.plannedUntil, items: this.ledger.snapshot(), reports: [...this.reports] };
  }

  view(): TownView {
    return { townId: this.townId, countyId: this.countyId, ...this.snapshot() };
  }
}
