/**
 * Suggested assistance measures for a monitored household, from its risk
 * causes, its members and the eligibility rules of the county's catalogue —
 * “supply what is missing” 缺什么补什么 [002], developmental measures for
 * households with labour, the safety net for those without [001, 002]. Each
 * suggestion carries its reasons and the members it concerns, for a person to
 * confirm or change; nothing here assigns a measure.
 */
import { formatLocalDate, type LocalDate } from '../calendar/dates.js';
import { RISK_CAUSE_NAMES } from '../identification/steps.js';
import type { SeedId } from '../policy/versioned.js';
import { measureByCode, type MeasureCatalogue, type MeasureDefinition, type MeasureNature } from './catalogue.js';
import { catalogueProblems } from './catalogue-problems.js';
import {
  compulsoryEducationCheck,
  describeMember,
  householdLabour,
  housingEligibility,
  medicalExtraAidEligibility,
  microcreditEligibility,
  pensionPremiumEligibility,
  type CompulsoryEducationResult,
  type HouseholdLabour,
  type HousingResult,
  type MedicalExtraAidResult,
  type MemberFinding,
  type MicrocreditResult,
  type PensionPremiumResult,
} from './eligibility.js';
import { employmentPlanProgress, type EmploymentProgress } from './employment.js';
import type { MeasureHousehold, MeasureMember } from './household.js';
import { educationMessages, employmentMessages, labourMessages, medicalMessages, suggestionMessages } from './messages.js';

export type SuggestionBasis =
  | 'risk_cause'
  | 'labour_capacity'
  | 'pension_premium'
  | 'medical_insurance'
  | 'medical_extra_aid'
  | 'chronic_illness'
  | 'compulsory_education'
  | 'education_aid'
  | 'housing'
  | 'drinking_water'
  | 'microcredit'
  | 'employment_plan'
  | 'severe_disability';

export interface SuggestionReason {
  readonly basis: SuggestionBasis;
  readonly text: string;
  /** The members the reason is about; empty for the household as a whole. */
  readonly memberIds: readonly string[];
  readonly sources: readonly SeedId[];
}

export interface MeasureSuggestion {
  readonly measure: string;
  readonly name: string;
  readonly nature: MeasureNature;
  readonly lead: string;
  /** Further lead units the catalogue names with the lead. */
  readonly coLeads: readonly string[];
  readonly cooperating: readonly string[];
  readonly townsCooperate: boolean;
  readonly deadlineDays: number;
  /** Every member a reason names; empty when the measure is for the household as a whole. */
  readonly memberIds: readonly string[];
  readonly reasons: readonly SuggestionReason[];
}

/** A measure something pointed to but that the rules keep back, with why. */
export interface WithheldMeasure {
  readonly measure: string;
  readonly name: string;
  readonly why: string;
  readonly reasons: readonly SuggestionReason[];
}

/** Facts the village or town should verify before the suggestions are complete. */
export interface VerifyItem {
  readonly measure: string;
  readonly text: string;
  readonly memberIds: readonly string[];
}

export interface MeasureSuggestions {
  readonly asOf: string;
  readonly catalogueId: string;
  readonly catalogueVersion: number;
  readonly labour: HouseholdLabour;
  readonly suggestions: readonly MeasureSuggestion[];
  readonly withheld: readonly WithheldMeasure[];
  readonly toVerify: readonly VerifyItem[];
  readonly details: {
    readonly pensionPremium: readonly PensionPremiumResult[];
    readonly microcredit: readonly MicrocreditResult[];
    readonly medicalExtraAid: readonly MedicalExtraAidResult[];
    readonly compulsoryEducation: readonly CompulsoryEducationResult[];
    readonly housing: HousingResult | null;
    readonly employment: EmploymentProgress | null;
  };
}

export function suggestMeasures(household: MeasureHousehold, asOf: LocalDate, catalogue: MeasureCatalogue): MeasureSuggestions {
  const problems = catalogueProblems(catalogue);
  if (problems.length > 0) throw new RangeError(`the measure catalogue is not sound: ${problems.join('; ')}`);
  checkHousehold(household);

  const { rules } = catalogue;
  const { members } = household;
  const reasons = new Map<string, SuggestionReason[]>();
  const toVerify: VerifyItem[] = [];
  const add = (measure: string, basis: SuggestionBasis, text: string, memberIds: readonly string[], sources: readonly SeedId[]) => {
    const list = reasons.get(measure) ?? [];
    list.push({ basis, text, memberIds, sources });
    reasons.set(measure, list);
  };
  const addFinding = (measure: string, basis: SuggestionBasis, finding: MemberFinding, sources: readonly SeedId[]) =>
    add(measure, basis, joinReasons(finding.reasons), [finding.memberId], sources);
  const who = (member: MeasureMember) => describeMember(member, asOf);

  const causes = [...new Set(household.riskCauses)];
  for (const measure of catalogue.measures) {
    const matched = causes.filter((c) => measure.suggestedBy.includes(c));
    if (matched.length > 0) add(measure.code, 'risk_cause', suggestionMessages.riskCauses(matched.map((c) => RISK_CAUSE_NAMES[c]).join('、')), [], measure.sources);
  }

  const labour = householdLabour(members, asOf, rules.labour);
  const capable = members.filter((m) => labour.capableMemberIds.includes(m.id));
  const weak = members.filter((m) => labour.weakMemberIds.includes(m.id));
  if (labour.capacity !== 'capable') {
    add(rules.labour.safetyNetMeasure, 'labour_capacity', labour.reasons[0] ?? labourMessages.none, weak.map((m) => m.id), rules.labour.sources);
    if (labour.capacity === 'weak_only' && rules.labour.weakLabourMeasure !== null) {
      add(rules.labour.weakLabourMeasure, 'labour_capacity', employmentMessages.publicWelfarePost(weak.map(who).join('、')), weak.map((m) => m.id), rules.labour.sources);
    }
  }

  let employment: EmploymentProgress | null = null;
  if (rules.employment && capable.length > 0) {
    const rule = rules.employment;
    for (const member of capable) {
      add(rule.measure, 'labour_capacity', employmentMessages.planFor(who(member), rule.minGuidance, rule.minTraining, rule.jobOffersPerPerson), [member.id], rule.sources);
    }
    employment = employmentPlanProgress(members, household.employmentPlans ?? [], asOf, rule, rules.labour);
    for (const progress of employment.members) {
      if (progress.missing.length > 0) addFinding(rule.measure, 'employment_plan', progress, rule.sources);
    }
  }

  let pensionPremium: PensionPremiumResult[] = [];
  if (rules.pensionPremium) {
    const rule = rules.pensionPremium;
    pensionPremium = members.map((m) => pensionPremiumEligibility(m, asOf, rule));
    for (const result of pensionPremium) if (result.eligible) addFinding(rule.measure, 'pension_premium', result, [rule.source]);
  }

  if (rules.medicalInsurance) {
    const rule = rules.medicalInsurance;
    add(rule.measure, 'medical_insurance', medicalMessages.insurance, members.map((m) => m.id), [rule.source]);
    for (const member of rule.chronicIllness ? members.filter((m) => m.chronicIllness) : []) add(rule.measure, 'chronic_illness', medicalMessages.chronic(who(member)), [member.id], [rule.source]);
  }
  let medicalExtraAid: MedicalExtraAidResult[] = [];
  if (rules.medicalExtraAid) {
    const rule = rules.medicalExtraAid;
    medicalExtraAid = members.map((m) => medicalExtraAidEligibility(m, asOf, rule));
    for (const result of medicalExtraAid) if (result.outcome === 'extra_aid') addFinding(rule.measure, 'medical_extra_aid', result, [rule.source]);
  }

  let compulsoryEducation: CompulsoryEducationResult[] = [];
  if (rules.compulsoryEducation) {
    const rule = rules.compulsoryEducation;
    compulsoryEducation = members.map((m) => compulsoryEducationCheck(m, asOf, rule));
    for (const result of compulsoryEducation) {
      if (result.outcome === 'education_measure') addFinding(rule.measure, 'compulsory_education', result, [rule.source]);
      if (result.outcome === 'unknown') toVerify.push({ measure: rule.measure, text: joinReasons(result.reasons), memberIds: [result.memberId] });
    }
  }
  if (rules.educationAid) {
    for (const member of members.filter((m) => m.isStudent)) add(rules.educationAid.measure, 'education_aid', educationMessages.aid(who(member)), [member.id], [rules.educationAid.source]);
  }

  let housing: HousingResult | null = null;
  if (rules.housing) {
    housing = housingEligibility(household.housing, rules.housing);
    const text = joinReasons(housing.reasons);
    if (housing.action === 'rebuild' || housing.action === 'reinforce' || housing.action === 'appraise') add(rules.housing.measure, 'housing', text, [], [rules.housing.source]);
    if (housing.action === 'unknown') toVerify.push({ measure: rules.housing.measure, text, memberIds: [] });
  }

  if (rules.drinkingWater) {
    const rule = rules.drinkingWater;
    const status = household.drinkingWater;
    if (status === 'unsafe' || status === 'not_tested') {
      add(rule.measure, 'drinking_water', status === 'unsafe' ? suggestionMessages.waterUnsafe : suggestionMessages.waterNotTested, [], [rule.source]);
    }
    if (status === undefined) toVerify.push({ measure: rule.measure, text: suggestionMessages.waterUnknown, memberIds: [] });
  }

  if (rules.severeDisability) {
    const rule = rules.severeDisability;
    for (const member of members) {
      const grade = member.disabilityGrade;
      if (grade !== null && rule.grades.includes(grade)) add(rule.measure, 'severe_disability', suggestionMessages.severeDisability(who(member), grade), [member.id], [rule.source]);
    }
  }

  const withheld: WithheldMeasure[] = [];
  let microcredit: MicrocreditResult[] = [];
  if (rules.microcredit) {
    const rule = rules.microcredit;
    const applications = household.microcreditApplications ?? [];
    const screened = reasons.has(rule.measure) || applications.length > 0;
    if (screened) {
      const candidates =
        applications.length > 0
          ? applications.map((a) => ({ member: members.find((m) => m.id === a.memberId)!, application: a }))
          : members.map((member) => ({ member, application: {} }));
      microcredit = candidates.map(({ member, application }) => microcreditEligibility(member, asOf, rule, application));
      const shown = applications.length > 0 ? microcredit : microcredit.filter((r) => r.outcome !== 'cannot_apply');
      for (const result of shown) addFinding(rule.measure, 'microcredit', result, [rule.source]);
      if (labour.capacity === 'capable' && microcredit.every((r) => r.outcome === 'cannot_apply')) {
        withheld.push(withhold(measureByCode(catalogue, rule.measure)!, suggestionMessages.microcreditNobody, reasons.get(rule.measure) ?? []));
        reasons.delete(rule.measure);
      }
    }
  }

  const suggestions: MeasureSuggestion[] = [];
  for (const measure of catalogue.measures) {
    const list = reasons.get(measure.code);
    if (!list) continue;
    const blocked =
      measure.nature === 'developmental' &&
      (labour.capacity === 'none' || (labour.capacity === 'weak_only' && measure.code !== rules.labour.weakLabourMeasure));
    if (blocked) {
      withheld.push(withhold(measure, labour.capacity === 'none' ? labourMessages.withheldNone : labourMessages.withheldWeak, list));
      continue;
    }
    const concerned = new Set(list.flatMap((r) => r.memberIds));
    suggestions.push({
      measure: measure.code,
      name: measure.name,
      nature: measure.nature,
      lead: measure.lead,
      coLeads: measure.coLeads ?? [],
      cooperating: measure.cooperating,
      townsCooperate: measure.townsCooperate,
      deadlineDays: measure.defaultDeadlineDays,
      memberIds: members.filter((m) => concerned.has(m.id)).map((m) => m.id),
      reasons: list,
    });
  }
  const order = new Map(catalogue.measures.map((m, i) => [m.code, i]));
  withheld.sort((a, b) => (order.get(a.measure) ?? 0) - (order.get(b.measure) ?? 0));

  return {
    asOf: formatLocalDate(asOf),
    catalogueId: catalogue.id,
    catalogueVersion: catalogue.version,
    labour,
    suggestions,
    withheld,
    toVerify,
    details: { pensionPremium, microcredit, medicalExtraAid, compulsoryEducation, housing, employment },
  };
}

/** The reasons of one finding as one text. */
function joinReasons(reasons: readonly string[]): string {
  return reasons.join('；');
}

function withhold(measure: MeasureDefinition, why: string, reasons: readonly SuggestionReason[]): WithheldMeasure {
  return { measure: measure.code, name: measure.name, why, reasons };
}

function checkHousehold(household: MeasureHousehold): void {
  const ids = household.members.map((m) => m.id);
  if (ids.length === 0) throw new RangeError('a household has at least one member');
  if (new Set(ids).size !== ids.length) throw new RangeError('a member id appears twice');
  for (const record of [...(household.employmentPlans ?? []), ...(household.microcreditApplications ?? [])]) {
    if (!ids.includes(record.memberId)) throw new RangeError(`member ${record.memberId} is not in the household`);
  }
}
