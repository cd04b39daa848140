import { ApplicationFailure } from '@temporalio/workflow';
import { covers, ROLE_NAMES, type Actor, type Role } from '../../domain/access.js';
import { endOfDayInPeriod, parsePeriod, periodOf, startOfPeriod, type Period } from '../../domain/calendar.js';
import { messages } from '../../domain/messages.js';
import {
  REFUSALS,
  type HouseholdSnapshot,
  type HouseholdView,
  type HouseholdWorkflowInput,
  type MonthlyUpdateInput,
  type MonthlyUpdateRecord,
} from './definitions.js';

/** Day of the month by which the monthly update is due (每月20日前) [003]. */
export const MONTHLY_UPDATE_DAY = 20;

const MONTHLY_UPDATE_ROLES: readonly Role[] = ['village_cadre', 'town_officer'];

export function refuse(type: (typeof REFUSALS)[keyof typeof REFUSALS], message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

/** The household's whole state: what the workflow knows and carries across continue-as-new. */
export class HouseholdState {
  private readonly monthlyUpdates: MonthlyUpdateRecord[];
  private readonly overduePeriods: Period[];
  readonly openedAt: number;

  constructor(
    readonly input: HouseholdWorkflowInput,
    now: number,
  ) {
    this.openedAt = input.carried?.openedAt ?? now;
    this.monthlyUpdates = [...(input.carried?.monthlyUpdates ?? [])];
    this.overduePeriods = [...(input.carried?.overduePeriods ?? [])];
  }

  get householdId(): string {
    return this.input.householdId;
  }

  get isFirstRun(): boolean {
    return this.input.carried === undefined;
  }

  hasUpdate(period: Period): boolean {
    return this.monthlyUpdates.some((u) => u.period === period);
  }

  updatesFor(period: Period): number {
    return this.monthlyUpdates.filter((u) => u.period === period).length;
  }

  isOverdue(period: Period): boolean {
    return this.overduePeriods.includes(period);
  }

  markOverdue(period: Period): void {
    if (!this.isOverdue(period)) this.overduePeriods.push(period);
  }

  validateMonthlyUpdate(update: MonthlyUpdateInput, now: number): void {
    this.checkActor(update.actor, MONTHLY_UPDATE_ROLES, '月度信息更新');
    try {
      parsePeriod(update.period);
    } catch {
      refuse(REFUSALS.invalidInput, messages.invalidInput);
    }
    if (startOfPeriod(update.period) > now) refuse(REFUSALS.invalidInput, messages.periodInFuture(update.period));
    if (update.period < periodOf(this.openedAt)) refuse(REFUSALS.invalidInput, messages.periodBeforeOpened(update.period));
  }

  acceptMonthlyUpdate(update: MonthlyUpdateInput, now: number): MonthlyUpdateRecord {
    const record: MonthlyUpdateRecord = {
      period: update.period,
      submittedAt: now,
      late: now >= endOfDayInPeriod(update.period, MONTHLY_UPDATE_DAY),
      byUserId: update.actor.userId,
    };
    this.monthlyUpdates.push(record);
    return record;
  }

  checkActor(actor: Actor, roles: readonly Role[], action: string): void {
    if (!roles.includes(actor.role)) refuse(REFUSALS.notAllowed, messages.forbiddenRole(action, ROLE_NAMES[actor.role] ?? actor.role));
    if (!covers(actor, this.input.place)) refuse(REFUSALS.notAllowed, messages.outsideJurisdiction);
  }

  snapshot(): HouseholdSnapshot {
    return {
      openedAt: this.openedAt,
      monthlyUpdates: [...this.monthlyUpdates],
      overduePeriods: [...this.overduePeriods],
    };
  }

  view(): HouseholdView {
    return { householdId: this.householdId, stage: 'monitoring', ...this.snapshot() };
  }
}
