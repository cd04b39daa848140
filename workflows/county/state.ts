import { REFUSALS, refuse } from '../../domain/failures.js';
import { countyItemMessages as m, dueItemKindNames, messages } from '../../domain/messages/catalogue.js';
import { DAY_MS } from '../../domain/calendar/dates.js';
import { AnsweredUpdates } from '../shared/answered-updates.js';
import { DueLedger } from '../shared/due-ledger.js';
import type { CompleteCountyItemInput, CountyCarried, CountyItemRecord, CountyWorkflowInput } from './definitions.js';

/** Items older than this leave the state once done or overdue (the register keeps them). */
const KEPT_MS = 400 * DAY_MS;

/** The county's whole state: what its workflow knows and carries across continue-as-new. */
export class CountyState {
  /** The last month whose digest went out. */
  lastDigest: string | undefined;
  /** Items are planned up to this instant. */
  plannedUntil: number;
  readonly ledger: DueLedger<CountyItemRecord>;
  readonly answered: AnsweredUpdates;

  constructor(
    readonly input: CountyWorkflowInput,
    now: number,
  ) {
    const carried = input.carried ?? {};
    this.lastDigest = carried.lastDigest ?? input.lastDigest;
    this.plannedUntil = carried.plannedUntil ?? now;
    this.ledger = new DueLedger(carried.items, (i, at) => (i.doneAt === null && !i.overdue) || i.dueAt > at - KEPT_MS);
    this.answered = new AnsweredUpdates(carried.answeredUpdates);
  }

  get countyId(): string {
    return this.input.countyId;
  }

  item(kind: string, periodKey: string): CountyItemRecord | undefined {
    return this.ledger.find((i) => i.kind === kind && i.periodKey === periodKey);
  }

  /** The county bureau closes its own items, a department its own; nobody else, and nothing twice. */
  validateComplete(done: CompleteCountyItemInput): void {
    const what = dueItemKindNames[done.kind] ?? done.kind;
    const item = this.item(done.kind, done.period);
    if (!item) refuse(REFUSALS.wrongStep, m.itemNotOpen(what, done.period));
    if (done.actor.jurisdictionId !== this.countyId) refuse(REFUSALS.notAllowed, messages.outsideJurisdiction);
    const mine = item.departmentId === null ? done.actor.role === 'county_bureau' : done.actor.role === 'department' && done.actor.departmentId === item.departmentId;
    if (!mine) refuse(REFUSALS.notAllowed, m.notYours);
    if (item.doneAt !== null) refuse(REFUSALS.wrongStep, m.itemDone(what, done.period));
    if (typeof done.summary !== 'string' || done.summary.trim().length === 0) refuse(REFUSALS.invalidInput, m.summaryRequired);
  }

  snapshot(): CountyCarried {
    return {
      ...(this.lastDigest ? { lastDigest: this.lastDigest } : {}),
      plannedUntil: this.plannedUntil,
      items: this.ledger.snapshot(),
      answeredUpdates: this.answered.snapshot(),
    };
  }

  view(): { readonly items: readonly CountyItemRecord[]; readonly lastDigest: string | null } {
    return { items: this.ledger.items, lastDigest: this.lastDigest ?? null };
  }
}
