/**
 * The procedure a review case follows, as its county's profile sets it when
 * the case opens: the steps, the public notice and the working-day clocks. An
 * identification case follows the profile's identification steps; a risk
 * elimination case the proposal, the same notice, the town and the county.
 */
import type { PolicyProfile } from '../policy/profile.js';
import type { ProcedureClocks } from './clocks.js';
import { eliminationSteps, labourAllowsElimination } from './elimination.js';
import type { IdentificationStep } from './steps.js';

export interface CasePolicy {
  readonly profileId: string;
  readonly profileVersion: number;
  readonly steps: readonly IdentificationStep[];
  readonly publicNoticeDays: number | null;
  /** Working-day clocks on the steps and the whole case (absent on cases opened before clocks existed). */
  readonly clocks?: ProcedureClocks | null;
}

export interface EliminationPolicy {
  readonly policy: CasePolicy;
  /** False when the household has no member able to work and the profile does not allow marking it. */
  readonly labourAllows: boolean;
  /** The counted conditions the household does not meet (elimination-conditions.ts); absent on answers recorded before them. */
  readonly shortfalls?: readonly string[];
}

export function identificationPolicy(profile: PolicyProfile): CasePolicy {
  const steps = profile.identificationSteps;
  const days = profile.publicNoticeDays;
  return {
    profileId: profile.id,
    profileVersion: profile.version,
    steps,
    publicNoticeDays: steps.includes('public_notice') && days !== undefined && days > 0 ? days : null,
    clocks: identificationClocks(profile),
  };
}

/** The profile's identification clocks, with national practice's clue-to-decision days (15日内) where the profile keeps that practice. */
function identificationClocks(profile: PolicyProfile): ProcedureClocks | null {
  const clue = profile.standingPractice?.clueToDecisionDays;
  if (clue === undefined) return profile.identificationClocks ?? null;
  return { ...(profile.identificationClocks ?? {}), clueToDecisionDays: clue };
}

/** `labour`: the labour ability of each current member; null when none is registered. */
export function eliminationPolicy(profile: PolicyProfile, labour: readonly string[] | null): EliminationPolicy {
  const days = profile.publicNoticeDays !== undefined && profile.publicNoticeDays > 0 ? profile.publicNoticeDays : null;
  const clocks = profile.eliminationClocks;
  return {
    policy: { profileId: profile.id, profileVersion: profile.version, steps: eliminationSteps(days), publicNoticeDays: days, ...(clocks ? { clocks } : {}) },
    labourAllows: labourAllowsElimination(labour, profile.eliminationAllowsNoLabour),
  };
}
