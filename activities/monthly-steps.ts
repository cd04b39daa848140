/**
 * The household workflow's monthly steps, each as one idempotent activity in
 * one transaction where the workflow made several (issue 19): the month turn
 * (the plan and the register's items), the deadline passed (the item overdue,
 * the inbox and the file's entry), the monthly update (the item done, the
 * file's entry, the re-assessment and what it showed, a monitored household's
 * warning routed to its follow-up). The workflow runs them
 * as local activities behind the patch `monthly-steps-one-activity`
 * (workflows/household/monthly-steps.ts); a retry writes nothing twice.
 */
import type { Kysely } from 'kysely';
import type { Period } from '../domain/calendar/dates.js';
import type { MonthPlan, MonthlyItemKind } from '../domain/monitoring/month-plan.js';
import { riskSignal, type AssessmentSummary, type MonitoringStatus, type RiskSignal } from '../domain/monitoring/risk-signal.js';
import { householdEventKey, signalEntry } from '../domain/monitoring/signal-event.js';
import type { Database } from '../db/database.js';
import { dueItemsRepo } from '../db/repositories/due-items.js';
import { assessWithin, type AssessInput } from './assessment.js';
import { createDeadlineActivities, markOverdueWithin, type OverdueInput } from './deadlines.js';
import { createPolicyActivities } from './policy.js';
import { routeMonthlyWarningWithin } from './monthly-warning.js';
import { recordEventWithin, type RecordEventInput } from './records.js';

export interface OpenMonthInput {
  readonly countyId: string;
  readonly householdId: string;
  readonly period: Period;
  readonly eliminated: boolean;
  /** The register's key of each kind of item this month (the workflow's). */
  readonly keys: Readonly<Record<MonthlyItemKind, string>>;
  /** A household registered after a deadline of this month is first due for it next month. */
  readonly registeredAt: number;
  readonly openedAt: number;
}

export interface MonthlyUpdateStepInput {
  /** The register's item the update does, when it is open in the workflow's ledger. */
  readonly complete: { readonly key: string; readonly at: number; readonly byUserId: string } | null;
  readonly submitted: RecordEventInput;
  readonly assess: AssessInput;
  /** What the re-assessment is compared with, and the running number its entry (if any) takes. */
  readonly signal: { readonly status: MonitoringStatus; readonly previous: AssessmentSummary | null; readonly seq: number; readonly reportedBy: string };
  /**
   * A monitored household's warning is routed as a department feed's is (a follow-up item with its clock, the town and
   * the village told): set by the workflow under the patch `monthly-warning-routed`; absent in updates recorded before it.
   */
  readonly routeWarning?: boolean;
}

export function createMonthlyStepActivities(deps: { db: Kysely<Database> }) {
  const { db } = deps;
  const policy = createPolicyActivities(deps);
  const deadlines = createDeadlineActivities(deps);
  return {
    /** The month turn: the month's plan by the county's profile, and its items opened in the register (once each, by key). */
    async openMonth(input: OpenMonthInput): Promise<MonthPlan> {
      const plan = await policy.planMonth({ countyId: input.countyId, period: input.period, eliminated: input.eliminated });
      const items = plan.items
        .filter((i) => i.dueAt > input.registeredAt)
        .map((i) => ({ key: input.keys[i.kind], kind: i.kind, householdId: input.householdId, period: input.period, dueAt: i.dueAt }));
      await deadlines.openHouseholdDueItems({ items, openedAt: input.openedAt });
      return plan;
    },

    /** The deadline passed with the item open: overdue in the register, told to the inboxes, entered in the file — together. */
    async markMonthlyItemOverdue(input: { overdue: OverdueInput; entry: RecordEventInput }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await markOverdueWithin(trx, input.overdue);
        await recordEventWithin(trx, input.entry);
      });
    },

    /** The monthly update: its item done, its entry, the re-assessment and the entry for what it showed — together. */
    async recordMonthlyUpdate(input: MonthlyUpdateStepInput): Promise<{ assessment: AssessmentSummary; signal: RiskSignal }> {
      return db.transaction().execute(async (trx) => {
        if (input.complete) await dueItemsRepo(trx).complete(input.complete.key, new Date(input.complete.at), input.complete.byUserId);
        await recordEventWithin(trx, input.submitted);
        const assessment = await assessWithin(trx, input.assess);
        const signal = riskSignal(input.signal.status, assessment, input.signal.previous);
        const entry = signalEntry(signal, input.assess.period, input.signal.reportedBy);
        if (entry) {
          await recordEventWithin(trx, {
            householdId: input.assess.householdId,
            eventKey: householdEventKey(input.assess.householdId, input.signal.seq, entry.kind),
            kind: entry.kind,
            actorUserId: entry.actorUserId,
            occurredAt: input.assess.occurredAt,
            payload: entry.payload,
            ...(entry.stage ? { stage: entry.stage } : {}),
          });
        }
        if (input.routeWarning && signal.kind === 'warning' && input.signal.status === 'monitored') {
          await routeMonthlyWarningWithin(trx, {
            householdId: input.assess.householdId,
            countyId: input.assess.countyId,
            period: input.assess.period,
            seq: input.signal.seq,
            reasons: signal.reasons,
            assessment,
            at: input.assess.occurredAt,
          });
        }
        return { assessment, signal };
      });
    },
  };
}
