/**
 * The monthly re-assessment's own warning 预警 → 因户施策 (Xinfeng [003];
 * issue 15, item 5): a monitored household whose monthly update shows its
 * risk rising is routed as a department feed's warning is — kept beside the
 * feeds' warnings, a follow-up item with the profile's clock (comparison
 * followUpDays; none configured: no clock), its 帮扶责任人 responsible, the town
 * and the village told — by the one routing both use
 * (db/repositories/warning-routing.ts), in the update's transaction.
 */
import type { Kysely } from 'kysely';
import { toLocalDate, type Period } from '../domain/calendar/dates.js';
import { comparisonMessages as m } from '../domain/comparison/messages.js';
import { comparisonSettings, followUpDueAt } from '../domain/comparison/policy.js';
import type { AssessmentSummary } from '../domain/monitoring/risk-signal.js';
import type { Database } from '../db/database.js';
import { keepMonthlyWarning, kyselySql, routeWarnings } from '../db/repositories/warning-routing.js';
import { profileInForceIfAny } from './profiles.js';

export interface MonthlyWarningInput {
  readonly householdId: string;
  readonly countyId: string;
  readonly period: Period;
  /** The running number of the warning's entry in the household file. */
  readonly seq: number;
  readonly reasons: readonly string[];
  readonly assessment: AssessmentSummary;
  readonly at: number;
}

export async function routeMonthlyWarningWithin(trx: Kysely<Database>, input: MonthlyWarningInput): Promise<void> {
  const profile = await profileInForceIfAny(trx, input.countyId, input.period);
  const days = (profile && comparisonSettings(profile.comparison).followUpDays) ?? null;
  const at = new Date(input.at);
  const a = input.assessment;
  const kept = await keepMonthlyWarning(trx, {
    householdId: input.householdId,
    countyId: input.countyId,
    period: input.period,
    seq: input.seq,
    rule: 'monthly_reassessment',
    ruleName: input.reasons.join('；'),
    factValue: { perCapitaFen: a.perCapitaFen, warningLine: a.warningLine, monitoringLine: a.monitoringLine, belowWarning: a.belowWarning, belowMonitoring: a.belowMonitoring, conclusion: a.conclusion },
    followUpDays: days,
    at,
  });
  if (!kept) return;
  await routeWarnings(kyselySql(trx), [kept], {
    kind: 'monitoring.warning',
    dueAt: days ? followUpDueAt(toLocalDate(input.at), days) : null,
    period: input.period,
    at,
    message: () => ({ title: m.monthlyWarning.title, body: m.monthlyWarning.body(input.period, kept.headName, input.reasons.join('；'), days) }),
  });
}
