import { isLate, isOverdue } from '../../domain/deadlines/lateness.js';

/** An item with a deadline as a workflow keeps it; the register in PostgreSQL keeps the rest. */
export interface LedgerItem {
  readonly key: string;
  readonly dueAt: number;
  readonly doneAt: number | null;
  readonly late: boolean;
  readonly overdue: boolean;
}

/**
 * The due items a long-lived workflow tracks (a household's monthly items, a
 * town's and a county's cadence items): which wait, which are past their
 * deadline, done on time or late. Old items leave by the owner's `retain`
 * rule when new ones come, so the state stays small across continue-as-new.
 */
export class DueLedger<T extends LedgerItem> {
  private list: T[];

  constructor(
    carried: readonly T[] | undefined,
    private readonly retain: (item: T, now: number) => boolean,
  ) {
    this.list = [...(carried ?? [])];
  }

  get items(): readonly T[] {
    return this.list;
  }

  find(match: (item: T) => boolean): T | undefined {
    return this.list.find(match);
  }

  has(key: string): boolean {
    return this.list.some((i) => i.key === key);
  }

  /** Items neither done nor yet overdue. */
  waiting(): T[] {
    return this.list.filter((i) => i.doneAt === null && !i.overdue);
  }

  /** Waiting items whose deadline has passed at `now`: to be marked overdue. */
  pastDue(now: number): T[] {
    return this.waiting().filter((i) => isOverdue(i.dueAt, now));
  }

  /** New items join; those the owner no longer retains at `now` leave. */
  add(items: readonly T[], now: number): void {
    this.list = [...this.list.filter((i) => this.retain(i, now)), ...items];
  }

  /** Marks the item done at `at`, late by the one rule unless the register answered otherwise; returns it as done. */
  complete(key: string, at: number, late?: boolean): T | undefined {
    const item = this.list.find((i) => i.key === key);
    if (!item) return undefined;
    const done = { ...item, doneAt: at, late: late ?? isLate(at, item.dueAt) };
    this.list = this.list.map((i) => (i === item ? done : i));
    return done;
  }

  markOverdue(key: string): void {
    this.list = this.list.map((i) => (i.key === key ? { ...i, overdue: true } : i));
  }

  snapshot(): T[] {
    return [...this.list];
  }
}
