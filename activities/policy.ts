import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { IDENTIFICATION_STEPS, type IdentificationStep } from '../domain/identification.js';
import { messages } from '../domain/messages.js';
import type { Database } from '../db/database.js';
import { policyProfilesRepo } from '../db/repositories/policy-profiles.js';

export interface CasePolicy {
  readonly profileId: string;
  readonly profileVersion: number;
  readonly steps: readonly IdentificationStep[];
  readonly publicNoticeDays: number | null;
}

export const POLICY_FAILURES = { missing: 'NoPolicyProfile', malformed: 'MalformedPolicyProfile' } as const;

function stepsOf(body: unknown): IdentificationStep[] | undefined {
  const steps = (body as { identificationSteps?: unknown } | null)?.identificationSteps;
  if (!Array.isArray(steps) || steps.length === 0) return undefined;
  return steps.every((s) => (IDENTIFICATION_STEPS as readonly unknown[]).includes(s)) ? (steps as IdentificationStep[]) : undefined;
}

export function createPolicyActivities(deps: { db: Kysely<Database> }) {
  return {
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
