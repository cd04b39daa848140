import type { Kysely } from 'kysely';
import type { Period } from '../domain/calendar/dates.js';
import { workCalendar } from './calendar.js';
import { eliminationPolicy, identificationPolicy, type CasePolicy, type EliminationPolicy } from '../domain/identification/case-policy.js';
import { monthPlan, type MonthPlan } from '../domain/monitoring/month-plan.js';
import type { Database } from '../db/database.js';
import { householdMembersRepo } from '../db/repositories/household-members.js';
import { profileInForce } from './profiles.js';
import { eliminationRefusals } from '../domain/identification/elimination-conditions.js';
import { householdEliminationFacts } from '../db/repositories/elimination-facts.js';

export function createPolicyActivities(deps: { db: Kysely<Database> }) {
  return {
    /** The elimination steps of the county's profile in force, and whether the household's labour capacity allows a mark. */
    async loadEliminationPolicy(input: { countyId: string; period: string; householdId: string; at?: number }): Promise<EliminationPolicy> {
      const profile = await profileInForce(deps.db, input.countyId, input.period);
      const members = await householdMembersRepo(deps.db).listCurrent(input.householdId);
      const found = eliminationPolicy(profile, members.length > 0 ? members.map((m) => m.labour_ability) : null);
      const facts = await householdEliminationFacts(deps.db, input.householdId, input.at ?? Date.now());
      return { ...found, shortfalls: eliminationRefusals(profile, facts) };
    },

    /** The month's items for a household by the county's cadence (domain/monitoring/month-plan.ts). */
    async planMonth(input: { countyId: string; period: Period; eliminated: boolean }): Promise<MonthPlan> {
      const profile = await profileInForce(deps.db, input.countyId, input.period);
      return monthPlan(profile, input.period, input.eliminated, await workCalendar(deps.db));
    },

    /** The identification steps, public notice and clocks of the county's profile in force for the period. */
    async loadCasePolicy(input: { countyId: string; period: string }): Promise<CasePolicy> {
      return identificationPolicy(await profileInForce(deps.db, input.countyId, input.period));
    },
  };
}
