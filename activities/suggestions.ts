import type { Kysely } from 'kysely';
import { formatLocalDate, periodOf, toLocalDate } from '../domain/calendar/dates.js';
import { RISK_CAUSES, type RiskCause } from '../domain/identification/steps.js';
import type { PlanDraft } from '../domain/measures/tasks.js';
import { applyFacts, departmentName, suggestMeasures, type MeasureMember } from '../domain/measures/index.js';
import { catalogueOf } from '../domain/policy/parse.js';
import { planMessages as m, relationNames } from '../domain/measures/task-messages.js';
import type { Database, HouseholdMember } from '../db/database.js';
import { departmentsRepo } from '../db/repositories/departments.js';
import { householdFactsRepo } from '../db/repositories/household-facts.js';
import { householdMembersRepo } from '../db/repositories/household-members.js';
import { measureTasksRepo } from '../db/repositories/measure-tasks.js';
import { profileInForce } from './profiles.js';


/** Members named by their relation to the head (户主, 子女1 …): the draft is returned into workflow history. */
function measureMembers(rows: readonly HouseholdMember[]): MeasureMember[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.relation, (counts.get(r.relation) ?? 0) + 1);
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const n = (seen.get(r.relation) ?? 0) + 1;
    seen.set(r.relation, n);
    const label = relationNames[r.relation] ?? relationNames.other!;
    return {
      id: r.id,
      displayName: (counts.get(r.relation) ?? 0) > 1 ? `${label}${n}` : label,
      birthDate: r.birth_date,
      labourAbility: r.labour_ability,
      isStudent: r.is_student,
      isActiveMilitary: r.is_active_military,
      disabilityGrade: r.disability_grade,
      chronicIllness: r.chronic_illness,
    };
  });
}

export function createSuggestionActivities(deps: { db: Kysely<Database> }) {
  const { db } = deps;

  async function latestRiskCauses(householdId: string): Promise<RiskCause[]> {
    const row = await db
      .selectFrom('household_events')
      .select('payload')
      .where('household_id', '=', householdId)
      .where('kind', '=', 'identification.approved')
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const causes = (row?.payload as { riskCauses?: unknown } | undefined)?.riskCauses;
    return Array.isArray(causes) ? causes.filter((c): c is RiskCause => (RISK_CAUSES as readonly unknown[]).includes(c)) : [];
  }

  return {
    /**
     * Suggested measures for the household as of `asOf`, from its current
     * members, its risk causes (as given, else the county decision's) and the
     * catalogue's eligibility rules, each with the county's department that
     * would lead it. Measures with a task still open are left out.
     */
    async suggestPlan(input: { householdId: string; asOf: number; riskCauses?: readonly RiskCause[] }): Promise<PlanDraft> {
      const household = await db.selectFrom('households').select(['county_id']).where('id', '=', input.householdId).executeTakeFirstOrThrow();
      const [rows, facts, departments, open, profile] = await Promise.all([
        householdMembersRepo(db).listCurrent(input.householdId),
        householdFactsRepo(db).list(input.householdId),
        departmentsRepo(db).ofCounty(household.county_id),
        measureTasksRepo(db).openMeasures(input.householdId),
        profileInForce(db, household.county_id, periodOf(input.asOf)),
      ]);
      const catalogue = catalogueOf(profile);
      const riskCauses = input.riskCauses?.length ? [...input.riskCauses] : await latestRiskCauses(input.householdId);
      const asOf = toLocalDate(input.asOf);
      const lead = (code: string) => {
        const department = departments.find((d) => d.code === code);
        return { code, departmentId: department?.id ?? null, name: department?.name ?? departmentName(catalogue, code) ?? code };
      };
      const names = (codes: readonly string[]) => codes.map((c) => lead(c).name);

      if (rows.length === 0) {
        const measures = catalogue.measures
          .filter((d) => d.suggestedBy.some((c) => riskCauses.includes(c)) && !open.includes(d.code))
          .map((d) => ({
            code: d.code,
            name: d.name,
            nature: d.nature,
            lead: lead(d.lead),
            coLeads: names(d.coLeads ?? []),
            cooperating: names(d.cooperating),
            deadlineDays: d.defaultDeadlineDays,
            required: true,
            reasons: [],
          }));
        return {
          asOf: formatLocalDate(asOf),
          catalogueId: catalogue.id,
          catalogueVersion: catalogue.version,
          labour: 'unknown',
          measures,
          withheld: [],
          toVerify: [{ measure: null, text: m.noMembers }],
          alreadyOpen: open,
        };
      }

      // The facts in force (housing, water, medical cost, schooling, employment, microcredit) on the register's members.
      const known = applyFacts(measureMembers(rows), facts, asOf);
      const suggested = suggestMeasures(
        {
          members: known.members,
          riskCauses,
          ...(known.housing ? { housing: known.housing } : {}),
          ...(known.drinkingWater ? { drinkingWater: known.drinkingWater } : {}),
          ...(known.microcreditApplications.length > 0 ? { microcreditApplications: known.microcreditApplications } : {}),
        },
        asOf,
        catalogue,
      );
      return {
        asOf: suggested.asOf,
        catalogueId: suggested.catalogueId,
        catalogueVersion: suggested.catalogueVersion,
        labour: suggested.labour.capacity,
        measures: suggested.suggestions
          .filter((s) => !open.includes(s.measure))
          .map((s) => ({
            code: s.measure,
            name: s.name,
            nature: s.nature,
            lead: lead(s.lead),
            coLeads: names(s.coLeads),
            cooperating: names(s.cooperating),
            deadlineDays: s.deadlineDays,
            required: true,
            reasons: s.reasons.map((r) => r.text),
          })),
        withheld: suggested.withheld.map((w) => ({ code: w.measure, name: w.name, why: w.why })),
        toVerify: suggested.toVerify.map((v) => ({ measure: v.measure, text: v.text })),
        alreadyOpen: open,
      };
    },
  };
}
