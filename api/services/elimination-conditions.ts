import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { periodOf } from '../../domain/calendar/dates.js';
import { continuingMeasures, eliminationConditions } from '../../domain/identification/elimination-conditions.js';
import { labourAllowsElimination } from '../../domain/identification/elimination.js';
import { measureName } from '../../domain/measures/tasks.js';
import { catalogueOf, parseProfile } from '../../domain/policy/parse.js';
import { conditionMessages } from '../../domain/messages/elimination-conditions.js';
import { eliminationFactsRepo, householdEliminationFacts } from '../../db/repositories/elimination-facts.js';
import { householdMembersRepo } from '../../db/repositories/household-members.js';
import { policyProfilesRepo } from '../../db/repositories/policy-profiles.js';
import type { LoggedInUser } from '../plugins/auth.js';
import type { eliminationConditionsView } from '../schemas/elimination-conditions.js';
import { householdInScope } from './households.js';

/** What the proposal is checked against today, counted as the workflow counts it, and the measures that go on after elimination. */
export async function householdEliminationConditions(app: FastifyInstance, householdId: string, user: LoggedInUser, now = Date.now()): Promise<z.infer<typeof eliminationConditionsView>> {
  const household = await householdInScope(app, householdId, user);
  const row = await policyProfilesRepo(app.db).inForceForCounty(household.county_id, periodOf(now));
  const parsed = row ? parseProfile(row.body) : undefined;
  if (!parsed?.ok) return { profileId: null, conditions: [], none: conditionMessages.noConditions, continuing: [] };
  const profile = parsed.profile;
  const members = await householdMembersRepo(app.db).listCurrent(householdId);
  const labourAllows = labourAllowsElimination(members.length > 0 ? members.map((m) => m.labour_ability) : null, profile.eliminationAllowsNoLabour);
  const facts = await householdEliminationFacts(app.db, householdId, now);
  const conditions = eliminationConditions(profile, facts, labourAllows);
  const continuing = continuingMeasures(profile.standingPractice);
  const catalogue = catalogueOf(profile);
  const tasks = await eliminationFactsRepo(app.db).tasksOf(householdId, [...continuing.keys()]);
  return {
    profileId: profile.id,
    conditions: conditions.map((c) => ({ ...c })),
    none: conditions.some((c) => c.key !== 'labour') ? null : conditionMessages.noConditions,
    continuing: tasks.map((t) => ({
      taskKey: t.task_key,
      measure: t.measure,
      measureName: measureName(t.measure, catalogue),
      departmentName: t.department_name,
      status: t.status,
      continues: continuing.get(t.measure)!,
    })),
  };
}
