import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { IDENTIFICATION_STEPS, type IdentificationStep } from '../domain/identification.js';
import { messages } from '../domain/messages.js';
import { endOfDayInPeriod, type Period } from '../domain/calendar.js';
import { DEFAULT_MONTHLY_UPDATE_DAY } from '../domain/policy/defaults.js';
import type { Database } from '../db/database.js';
import { policyProfilesRepo } from '../db/repositories/policy-profiles.js';

export interface CasePolicy {
  readonly profileId: string;
  readonly profileVersion: number;
  readonly steps: readonly IdentificationStep[];
  readonly publicNoticeDays: number | null;
}

/** What a household must do in a month, and by when, under the county's profile in force. */
export interface MonthPlan {
  readonly profileId: string;
  readonly profileVersion: number;
  /** The day of the month the monthly items are due by. */
  readonly day: number;
  readonly items: readonly { readonly kind: MonthlyItemKind; readonly dueAt: number }[];
}

export type MonthlyItemKind = 'monthly_update' | 'monthly_visit';

/** A household marked risk-eliminated keeps a light monitoring: these items, unless its profile says otherwise. */
const LIGHT_MONITORING: readonly MonthlyItemKind[] = ['monthly_visit'];

export const POLICY_FAILURES = { missing: 'NoPolicyProfile', malformed: 'MalformedPolicyProfile' } as const;

function stepsOf(body: unknown): IdentificationStep[] | undefined {
  const steps = (body as { identificationSteps?: unknown } | null)?.identificationSteps;
  if (!Array.isArray(steps) || steps.length === 0) return undefined;
  return steps.every((s) => (IDENTIFICATION_STEPS as readonly unknown[]).includes(s)) ? (steps as IdentificationStep[]) : undefined;
}

export function createPolicyActivities(deps: { db: Kysely<Database> }) {
  return {
    /**
     * The month's items for a household: the monthly update and the visit, both
     * due by the profile's day (每月20日前 [003]); a household marked
     * risk-eliminated keeps only its profile's light monitoring.
     */
    async planMonth(input: { countyId: string; period: Period; eliminated: boolean }): Promise<MonthPlan> {
      const row = await policyProfilesRepo(deps.db).inForceForCounty(input.countyId, input.period);
      if (!row) throw ApplicationFailure.create({ type: POLICY_FAILURES.missing, message: messages.noPolicyProfile(input.period), nonRetryable: true });
      const body = row.body as { monthlyUpdateDay?: unknown; lightMonitoringItems?: unknown };
      const day = typeof body.monthlyUpdateDay === 'number' && body.monthlyUpdateDay >= 1 && body.monthlyUpdateDay <= 28 ? body.monthlyUpdateDay : DEFAULT_MONTHLY_UPDATE_DAY;
      const light = Array.isArray(body.lightMonitoringItems) ? (body.lightMonitoringItems as MonthlyItemKind[]) : LIGHT_MONITORING;
      const kinds: readonly MonthlyItemKind[] = input.eliminated ? light : ['monthly_update', 'monthly_visit'];
      const dueAt = endOfDayInPeriod(input.period, day);
      return { profileId: row.id, profileVersion: row.version, day, items: kinds.map((kind) => ({ kind, dueAt })) };
    },

    /** The identification steps and public notice of the county's profile in force for the period. */
    async loadCasePolicy(input: { countyId: string; period: string }): Promise<CasePolicy> {
      const row = await policyProfilesRepo(deps.db).inForceForCounty(input.countyId, input.period);
      if (!row) {
        throw ApplicationFailure.create({ type: POLICY_FAILURES.missing, message: messages.noPolicyProfile(input.period), nonRetryable: true });
      }
      const steps = stepsOf(row.body);
      if (!steps) {
        throw ApplicationFailure.create({ type: POLICY_FAILURES.malformed, message: messages.malformedPolicyProfile(row.id, row.version), nonRetryable: true });
      }
      const days = (row.body as { publicNoticeDays?: unknown }).publicNoticeDays;
      return {
        profileId: row.id,
        profileVersion: row.version,
        steps,
        publicNoticeDays: steps.includes('public_notice') && typeof days === 'number' && days > 0 ? days : null,
      };
    },
  };
}
