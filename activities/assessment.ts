import type { Kysely } from 'kysely';
export type { AssessmentSummary } from '../domain/monitoring/risk-signal.js';
import { addMonths, formatLocalDate, periodOf, toLocalDate, type Period } from '../domain/calendar/dates.js';
import { deriveAssessment, incomeWindowEnd, type AssessmentInputs } from '../domain/fidelity/summary.js';
import { membersOfPeriod } from '../domain/people/member-changes.js';
import type { Threats } from '../domain/assessment/assess.js';
import type { RiskCause } from '../domain/identification/steps.js';
import type { IncomeRecord, SpendingRecord } from '../domain/income/projection.js';
import { assessmentMessages } from '../domain/messages/catalogue.js';
import { parseProfile } from '../domain/policy/parse.js';
import { ASSESSED_LABOUR } from '../domain/people/labour.js';
import type { AssessmentSummary } from '../domain/monitoring/risk-signal.js';
import type { Database, HouseholdMember } from '../db/database.js';
import { householdEventsRepo } from '../db/repositories/household-events.js';
import { householdFinancesRepo } from '../db/repositories/household-finances.js';
import { householdMembersRepo } from '../db/repositories/household-members.js';
import { policyProfilesRepo } from '../db/repositories/policy-profiles.js';

export interface AssessInput {
  readonly householdId: string;
  readonly countyId: string;
  readonly period: Period;
  /** Deterministic key of the submission that brought the figures; the assessment event takes it too. */
  readonly key: string;
  /** What the assessment is for: `identification.assessed`, `monitoring.assessed` … */
  readonly eventKind: string;
  readonly source: string;
  readonly actorUserId: string | null;
  readonly occurredAt: number;
  readonly memberCount: number;
  readonly income: readonly IncomeRecord[];
  readonly spending: readonly SpendingRecord[];
  readonly lastYearIncomePerCapita?: number;
  readonly threats?: Partial<Threats>;
  readonly riskCauses: readonly RiskCause[];
  readonly context?: Record<string, unknown>;
}

/** A member row with the days it was in the household; one that left without a day recorded left on the day it was marked. */
const withSpan = (m: HouseholdMember) => ({
  ...m,
  joinedOn: m.joined_on,
  leftOn: m.left_on ?? (m.left_at ? formatLocalDate(toLocalDate(m.left_at.getTime())) : null),
});

const NO_THREATS: Threats = { food: false, clothing: false, compulsoryEducation: false, basicMedical: false, safeHousing: false, drinkingWater: false };


/** The rigid-spending trigger looks back twelve months; income windows at most to the previous December or a fixed start. */
const LOOK_BACK_MONTHS = 24;

export function createAssessmentActivities(deps: { db: Kysely<Database> }) {
  return {
    /**
     * Stores the submission's income and spending lines, then assesses the
     * household by the profile in force for the period over every record in
     * force, and writes the assessment to the household file. A retry writes
     * nothing twice and answers what was written the first time.
     */
    async assessHousehold(input: AssessInput): Promise<AssessmentSummary> {
      return deps.db.transaction().execute((trx) => assessWithin(trx, input));
    },
  };
}

/** The assessment's writes within the caller's transaction (activities/monthly-steps.ts joins it to the update's). */
export async function assessWithin(trx: Kysely<Database>, input: AssessInput): Promise<AssessmentSummary> {
  const events = householdEventsRepo(trx);
  const written = await events.findByKey(input.key);
  if (written) return (written.payload as { summary: AssessmentSummary }).summary;

  const recordedAt = new Date(input.occurredAt);
  await householdFinancesRepo(trx).append({
    householdId: input.householdId,
    key: input.key,
    source: input.source,
    recordedBy: input.actorUserId,
    recordedAt,
    income: input.income,
    spending: input.spending,
  });
  const { summary, inputs } = await assess(trx, input);
  await events.append({
    householdId: input.householdId,
    eventKey: input.key,
    kind: input.eventKind,
    actorUserId: null,
    occurredAt: recordedAt,
    // The inputs let the assessment be re-run from the stored policy version (GET /households/:id/events/:key/rederivation).
    payload: { ...input.context, summary, ...(inputs ? { inputs } : {}) },
  });
  return summary;
}

async function assess(db: Kysely<Database>, input: AssessInput): Promise<{ summary: AssessmentSummary; inputs?: AssessmentInputs }> {
  // An assessment without a profile that parses is recorded as undetermined, with the reason: the village review still judges.
  const row = await policyProfilesRepo(db).inForceForCounty(input.countyId, input.period);
  const parsed = row ? parseProfile(row.body) : undefined;
  if (!row || !parsed?.ok) {
    return {
      summary: {
        profileId: row?.id ?? null,
        profileVersion: row?.version ?? null,
        period: input.period,
        members: input.memberCount,
        conclusion: 'undetermined',
        perCapitaFen: null,
        monitoringLine: null,
        warningLine: null,
        belowMonitoring: null,
        belowWarning: null,
        explanation: [row ? assessmentMessages.profileIncomplete(row.id, row.version) : assessmentMessages.noProfile(input.period)],
      },
    };
  }
  const profile = parsed.profile;
  // The members present in the month assessed: one who left (died, married out …) before it is not counted, one who joined after it neither.
  const members = membersOfPeriod((await householdMembersRepo(db).listAll(input.householdId)).map(withSpan), input.period);
  const labour = members.length > 0 ? members.map((m) => ASSESSED_LABOUR[m.labour_ability]) : Array.from({ length: input.memberCount }, () => 'full' as const);
  const records = await householdFinancesRepo(db).current(input.householdId, addMonths(input.period, -LOOK_BACK_MONTHS));
  const inputs: AssessmentInputs = {
    profileId: profile.id,
    profileVersion: profile.version,
    period: input.period,
    incomeWindowEnd: incomeWindowEnd(profile, input.period, periodOf(input.occurredAt) === input.period, records.income),
    membersSource: members.length > 0 ? 'registered' : 'survey',
    labour,
    incomeRecords: records.income,
    spendingRecords: records.spending,
    lastYearIncomePerCapita: input.lastYearIncomePerCapita ?? null,
    threats: { ...NO_THREATS, ...input.threats },
    riskCauses: input.riskCauses,
  };
  return { summary: deriveAssessment(profile, inputs), inputs };
}
