import { ApplicationFailure } from '@temporalio/workflow';
import { covers, ROLE_NAMES, type Actor, type Role } from '../../domain/access.js';
import { endOfDayInPeriod, parsePeriod, periodOf, startOfPeriod, type Period } from '../../domain/calendar.js';
import type { MonitoringCategory, RiskCause } from '../../domain/identification.js';
import { messages } from '../../domain/messages.js';
import {
  REFUSALS,
  type HouseholdSnapshot,
  type HouseholdStage,
  type HouseholdView,
  type HouseholdWorkflowInput,
  type IdentificationCase,
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
  readonly openedAt: number;
  stage: HouseholdStage;
  category: MonitoringCategory | null;
  riskCauses: readonly RiskCause[];
  currentCase: IdentificationCase | null;
  casesOpened: number;
  /** A case is being opened (its policy is loading): a concurrent discovery waits and joins it. */
  opening = false;
  private eventSeq: number;
  private readonly monthlyUpdates: MonthlyUpdateRecord[];
  private readonly overduePeriods: Period[];

  constructor(
    readonly input: HouseholdWorkflowInput,
    now: number,
  ) {
    const carried = input.carried;
    this.openedAt = carried?.openedAt ?? now;
    this.stage = carried?.stage ?? 'registered';
    this.category = carried?.category ?? null;
    this.riskCauses = carried?.riskCauses ?? [];
    this.eventSeq = carried?.eventSeq ?? 0;
    this.casesOpened = carried?.casesOpened ?? 0;
    this.currentCase = carried?.currentCase ?? null;
    this.monthlyUpdates = [...(carried?.monthlyUpdates ?? [])];
    this.overduePeriods = [...(carried?.overduePeriods ?? [])];
  }

  get householdId(): string {
    return this.input.householdId;
  }

  get isFirstRun(): boolean {
    return this.input.carried === undefined;
  }

  /** A run-independent key for the next entry of the household file. */
  nextEventKey(kind: string): string {
    this.eventSeq += 1;
    return `${this.householdId}:${this.eventSeq}:${kind}`;
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
      stage: this.stage,
      category: this.category,
      riskCauses: [...this.riskCauses],
      eventSeq: this.eventSeq,
      casesOpened: this.casesOpened,
      currentCase: this.currentCase,
      monthlyUpdates: [...this.monthlyUpdates],
      overduePeriods: [...this.overduePeriods],
    };
  }

  view(): HouseholdView {
    return { householdId: this.householdId, ...this.snapshot() };
  }
}
