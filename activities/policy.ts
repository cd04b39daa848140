import { log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { clockProblems, type ProcedureClocks } from '../domain/identification/clocks.js';
import { IDENTIFICATION_STEPS, type IdentificationStep } from '../domain/identification/steps.js';
import { FAILURES } from '../domain/failures.js';
import { messages } from '../domain/messages/catalogue.js';
import type { Period } from '../domain/calendar/dates.js';
import { dueAt, type CadenceItem } from '../domain/deadlines/rules.js';
import { DEFAULT_CADENCE, DEFAULT_MONTHLY_UPDATE_DAY } from '../domain/policy/defaults.js';
import { cadenceOf } from '../domain/policy/profile.js';
import { OFFICIAL_CN_CALENDAR } from '../domain/calendar/official-cn.js';
import type { WorkCalendar } from '../domain/calendar/working-days.js';
import { asPolicyProfile } from './assessment.js';
import { eliminationSteps, labourAllowsElimination } from '../domain/identification/elimination.js';
import type { Database } from '../db/database.js';
import { householdMembersRepo } from '../db/repositories/household-members.js';
import { policyProfilesRepo } from '../db/repositories/policy-profiles.js';

export interface CasePolicy {
  readonly profileId: string;
  readonly profileVersion: number;
  readonly steps: readonly IdentificationStep[];
  readonly publicNoticeDays: number | null;
  /** Working-day clocks on the steps and the whole case (absent on cases opened before clocks existed). */
  readonly clocks?: ProcedureClocks | null;
}

/** What a household must do in a month, and by when, under the county's profile in force. */
export interface MonthPlan {
  readonly profileId: string;
  readonly profileVersion: number;
  /** The day of the month the monthly items are due by. */
  readonly day: number;
  readonly items: readonly { readonly kind: MonthlyItemKind; readonly dueAt: number }[];
}

export const MONTHLY_ITEM_KINDS = ['monthly_update', 'monthly_visit'] as const;
export type MonthlyItemKind = (typeof MONTHLY_ITEM_KINDS)[number];

/**
 * The calendar deadlines are computed on. A year whose official notice is not
 * in the data yet is counted by weekends alone (a provisional date) rather
 * than stopping every household's month until someone adds the notice.
 */
export const DEADLINE_CALENDAR: WorkCalendar = { ...OFFICIAL_CN_CALENDAR, beyondCoverage: 'weekends_only' };

/** A household marked risk-eliminated keeps a light monitoring: these items, unless its profile says otherwise. */
const LIGHT_MONITORING: readonly MonthlyItemKind[] = ['monthly_visit'];

function stepsOf(body: unknown): IdentificationStep[] | undefined {
  const steps = (body as { identificationSteps?: unknown } | null)?.identificationSteps;
  if (!Array.isArray(steps) || steps.length === 0) return undefined;
  return steps.every((s) => (IDENTIFICATION_STEPS as readonly unknown[]).includes(s)) ? (steps as IdentificationStep[]) : undefined;
}

/** A profile's clocks for a procedure with these steps; a stored profile with impossible clocks is malformed. */
function checkedClocks(clocks: ProcedureClocks | undefined, steps: readonly IdentificationStep[], row: { id: string; version: number }): ProcedureClocks | null {
  if (clocks && clockProblems(clocks, steps, `${row.id} v${row.version}`).length > 0) {
    throw ApplicationFailure.create({ type: FAILURES.malformedPolicyProfile, message: messages.malformedPolicyProfile(row.id, row.version), nonRetryable: true });
  }
  return clocks ?? null;
}

export interface EliminationPolicy {
  readonly policy: CasePolicy;
  /** False when the household has no member able to work and the profile does not allow marking it. */
  readonly labourAllows: boolean;
}

export function createPolicyActivities(deps: { db: Kysely<Database> }) {
  return {
    /** The elimination steps of the county's profile in force, and whether the household's labour capacity allows a mark. */
    async loadEliminationPolicy(input: { countyId: string; period: string; householdId: string }): Promise<EliminationPolicy> {
      const row = await policyProfilesRepo(deps.db).inForceForCounty(input.countyId, input.period);
      if (!row) throw ApplicationFailure.create({ type: FAILURES.noPolicyProfile, message: messages.noPolicyProfile(input.period), nonRetryable: true });
      const body = row.body as { publicNoticeDays?: unknown; eliminationAllowsNoLabour?: unknown; eliminationClocks?: ProcedureClocks };
      const days = typeof body.publicNoticeDays === 'number' && body.publicNoticeDays > 0 ? body.publicNoticeDays : null;
      const steps = eliminationSteps(days);
      const clocks = checkedClocks(body.eliminationClocks, steps, row);
      const members = await householdMembersRepo(deps.db).listCurrent(input.householdId);
      return {
        policy: { profileId: row.id, profileVersion: row.version, steps, publicNoticeDays: days, ...(clocks ? { clocks } : {}) },
        labourAllows: labourAllowsElimination(members.length > 0 ? members.map((m) => m.labour_ability) : null, body.eliminationAllowsNoLabour === true),
      };
    },

    /**
     * The month's items for a household by the county's cadence: the monthly
     * update (每月20日前 [003]) and the visit; a household marked risk-eliminated
     * keeps only its profile's light monitoring.
     */
    async planMonth(input: { countyId: string; period: Period; eliminated: boolean }): Promise<MonthPlan> {
      const row = await policyProfilesRepo(deps.db).inForceForCounty(input.countyId, input.period);
      if (!row) throw ApplicationFailure.create({ type: FAILURES.noPolicyProfile, message: messages.noPolicyProfile(input.period), nonRetryable: true });
      const profile = asPolicyProfile(row.body);
      if (!profile) log.warn('policy profile incomplete: the design cadence applies', { profileId: row.id, version: row.version });
      const cadence = profile ? cadenceOf(profile) : DEFAULT_CADENCE;
      const wanted: readonly MonthlyItemKind[] = input.eliminated ? (profile?.lightMonitoring ?? LIGHT_MONITORING) : MONTHLY_ITEM_KINDS;
      const items = cadence
        .filter((item): item is CadenceItem & { kind: MonthlyItemKind } => item.every === 'month' && (wanted as readonly string[]).includes(item.kind))
        .map((item) => ({ kind: item.kind, dueAt: dueAt(item.rule, input.period, DEADLINE_CALENDAR) }));
      const update = cadence.find((item) => item.kind === 'monthly_update');
      const day = update?.rule.kind === 'day_of_month' ? update.rule.day : DEFAULT_MONTHLY_UPDATE_DAY;
      return { profileId: row.id, profileVersion: row.version, day, items };
    },

    /** The identification steps and public notice of the county's profile in force for the period. */
    async loadCasePolicy(input: { countyId: string; period: string }): Promise<CasePolicy> {
      const row = await policyProfilesRepo(deps.db).inForceForCounty(input.countyId, input.period);
      if (!row) {
        throw ApplicationFailure.create({ type: FAILURES.noPolicyProfile, message: messages.noPolicyProfile(input.period), nonRetryable: true });
      }
      const steps = stepsOf(row.body);
      if (!steps) {
        throw ApplicationFailure.create({ type: FAILURES.malformedPolicyProfile, message: messages.malformedPolicyProfile(row.id, row.version), nonRetryable: true });
      }
      const body = row.body as { publicNoticeDays?: unknown; identificationClocks?: ProcedureClocks };
      const days = body.publicNoticeDays;
      const clocks = checkedClocks(body.identificationClocks, steps, row);
      return {
        profileId: row.id,
        profileVersion: row.version,
        steps,
        publicNoticeDays: steps.includes('public_notice') && typeof days === 'number' && days > 0 ? days : null,
        clocks: clocks ?? null,
      };
    },
  };
}
