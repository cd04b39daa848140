/**
 * Eligibility rules for assistance measures, as pure functions of the member
 * register, the “as of” date (Asia/Shanghai) and the rule parameters of the
 * county's catalogue. Each answers with its reasons in Simplified Chinese; a
 * person confirms or changes what follows from them.
 */
import type { LocalDate } from '../calendar/dates.js';
import { formatFen, formatYuan, yuanToFen, type Fen } from '../income/money.js';
import type {
  CompulsoryEducationRule,
  HousingRule,
  LabourRule,
  MedicalExtraAidRule,
  MicrocreditCheck,
  MicrocreditRule,
  PensionPremiumRule,
} from './catalogue.js';
import { ageAsOf, schoolingOf, type Housing, type MeasureMember, type MicrocreditApplication } from './household.js';
import {
  educationMessages,
  housingMessages,
  labourMessages,
  medicalMessages,
  memberLabel,
  microcreditCheckNames,
  microcreditMessages,
  pensionMessages,
} from './messages.js';

/** What a rule answers about one member: the reasons, in Simplified Chinese. */
export interface MemberFinding {
  readonly memberId: string;
  readonly reasons: readonly string[];
}

/** The member's age in full years on `asOf`, and how reasons name them at that age. */
function memberAsOf(member: MeasureMember, asOf: LocalDate): { readonly age: number; readonly who: string } {
  const age = ageAsOf(member, asOf);
  return { age, who: memberLabel(member.displayName, age) };
}

export function describeMember(member: MeasureMember, asOf: LocalDate): string {
  return memberAsOf(member, asOf).who;
}

// ── Labour 劳动能力 [001, 002] ─────────────────────────────────────────────

/** capable 有劳动能力 · weak 弱劳力或半劳力 · none (no labour, or not household labour: a child, a student, a serving soldier). */
export type MemberLabourClass = 'capable' | 'weak' | 'none';

export function memberLabour(member: MeasureMember, asOf: LocalDate, rule: LabourRule): MemberLabourClass {
  if (member.isStudent || member.isActiveMilitary || ageAsOf(member, asOf) < rule.minWorkingAge) return 'none';
  if (member.labourAbility === 'capable') return 'capable';
  return member.labourAbility === 'none' ? 'none' : 'weak';
}

/** A household with a labour-capable member gets developmental measures; one without, the safety net. */
export type HouseholdLabourCapacity = 'capable' | 'weak_only' | 'none';

export interface HouseholdLabour {
  readonly capacity: HouseholdLabourCapacity;
  readonly capableMemberIds: readonly string[];
  readonly weakMemberIds: readonly string[];
  readonly reasons: readonly string[];
}

export function householdLabour(members: readonly MeasureMember[], asOf: LocalDate, rule: LabourRule): HouseholdLabour {
  const capable = members.filter((m) => memberLabour(m, asOf, rule) === 'capable');
  const weak = members.filter((m) => memberLabour(m, asOf, rule) === 'weak');
  const names = (list: readonly MeasureMember[]) => list.map((m) => describeMember(m, asOf)).join('、');
  const capacity: HouseholdLabourCapacity = capable.length > 0 ? 'capable' : weak.length > 0 ? 'weak_only' : 'none';
  const reason =
    capacity === 'capable' ? labourMessages.capable(names(capable)) : capacity === 'weak_only' ? labourMessages.weakOnly(names(weak)) : labourMessages.none;
  return { capacity, capableMemberIds: capable.map((m) => m.id), weakMemberIds: weak.map((m) => m.id), reasons: [reason] };
}

// ── Pension premium 养老保险代缴 [000] ───────────────────────────────────────

export interface PensionPremiumResult extends MemberFinding {
  readonly age: number;
  readonly eligible: boolean;
}

/** 需年满16周岁且不满60周岁，不含在校生、现役军人. */
export function pensionPremiumEligibility(member: MeasureMember, asOf: LocalDate, rule: PensionPremiumRule): PensionPremiumResult {
  const { age, who } = memberAsOf(member, asOf);
  const reasons: string[] = [];
  if (age < rule.minAge) reasons.push(pensionMessages.tooYoung(who, rule.minAge));
  if (age >= rule.maxAgeExclusive) reasons.push(pensionMessages.tooOld(who, rule.maxAgeExclusive));
  if (rule.excludeStudents && member.isStudent) reasons.push(pensionMessages.student(who));
  if (rule.excludeActiveMilitary && member.isActiveMilitary) reasons.push(pensionMessages.military(who));
  const eligible = reasons.length === 0;
  if (eligible) reasons.push(pensionMessages.eligible(who, rule.minAge, rule.maxAgeExclusive));
  return { memberId: member.id, age, eligible, reasons };
}

// ── Microcredit 小额信贷 [000] ───────────────────────────────────────────────

export type MicrocreditCondition = 'age' | 'age_plus_term' | 'labour_capacity' | MicrocreditCheck;

/** The bank decides: the best answer here is that the member may apply. */
export type MicrocreditOutcome = 'may_apply' | 'needs_information' | 'cannot_apply';

export interface MicrocreditResult extends MemberFinding {
  readonly age: number;
  readonly outcome: MicrocreditOutcome;
  /** The longest term that keeps age + term within the limit; 0 when none does. */
  readonly maxTermYears: number;
  readonly unmet: readonly MicrocreditCondition[];
  readonly unknown: readonly MicrocreditCondition[];
}

/**
 * Age 18–65 inclusive and age + term ≤ 65, in full years on `asOf`; a
 * labour-capable applicant; and the qualitative conditions of the town's
 * checklist. Without a term, the longest possible one is reported.
 */
export function microcreditEligibility(
  member: MeasureMember,
  asOf: LocalDate,
  rule: MicrocreditRule,
  application: MicrocreditApplication = {},
): MicrocreditResult {
  const { termYears, checklist = {} } = application;
  if (termYears !== undefined && !(Number.isInteger(termYears) && termYears >= 1)) {
    throw new RangeError(`a loan term is a whole number of years, at least 1, not ${termYears}`);
  }
  const { age, who } = memberAsOf(member, asOf);
  const unmet: MicrocreditCondition[] = [];
  const unknown: MicrocreditCondition[] = [];
  const reasons: string[] = [];

  if (age >= rule.minAge && age <= rule.maxAge) reasons.push(microcreditMessages.ageWithin(who, rule.minAge, rule.maxAge));
  else {
    unmet.push('age');
    reasons.push(microcreditMessages.ageOutside(who, rule.minAge, rule.maxAge));
  }

  const maxTermYears = Math.max(0, rule.maxAgePlusTerm - age);
  if (termYears !== undefined) {
    if (age + termYears <= rule.maxAgePlusTerm) reasons.push(microcreditMessages.termWithin(age, termYears, rule.maxAgePlusTerm));
    else {
      unmet.push('age_plus_term');
      reasons.push(microcreditMessages.termTooLong(age, termYears, rule.maxAgePlusTerm, maxTermYears));
    }
  } else if (maxTermYears < 1) {
    unmet.push('age_plus_term');
    reasons.push(microcreditMessages.noTermPossible(age, rule.maxAgePlusTerm));
  } else {
    unknown.push('age_plus_term');
    reasons.push(microcreditMessages.termUnknown(rule.maxAgePlusTerm, maxTermYears));
  }

  if (rule.requiresLabourCapacity && !(member.labourAbility === 'capable' && !member.isStudent && !member.isActiveMilitary)) {
    unmet.push('labour_capacity');
    reasons.push(microcreditMessages.noLabour(who));
  }

  const checksUnmet = rule.checks.filter((c) => checklist[c] === false);
  const checksUnknown = rule.checks.filter((c) => checklist[c] === undefined);
  unmet.push(...checksUnmet);
  unknown.push(...checksUnknown);
  const checkNames = (checks: readonly MicrocreditCheck[]) => checks.map((c) => microcreditCheckNames[c]).join('、');
  if (checksUnmet.length > 0) reasons.push(microcreditMessages.unmet(checkNames(checksUnmet)));
  if (checksUnknown.length > 0) reasons.push(microcreditMessages.unknown(checkNames(checksUnknown)));

  const outcome: MicrocreditOutcome = unmet.length > 0 ? 'cannot_apply' : unknown.length > 0 ? 'needs_information' : 'may_apply';
  reasons.push(
    outcome === 'may_apply' ? microcreditMessages.mayApply : outcome === 'needs_information' ? microcreditMessages.needsInformation : microcreditMessages.cannotApply,
  );
  return { memberId: member.id, age, outcome, maxTermYears, unmet, unknown, reasons };
}

// ── Medical extra aid 医疗额外救助 [000] ─────────────────────────────────────

export type MedicalExtraAidOutcome = 'extra_aid' | 'none' | 'unknown' | 'not_in_force';

export interface MedicalExtraAidResult extends MemberFinding {
  readonly year: number;
  readonly outcome: MedicalExtraAidOutcome;
  readonly outOfPocketFen: Fen | null;
}

/** Personal out-of-pocket cost in the calendar year of `asOf` strictly above the line (个人自付费用超过1万元), compared in fen. */
export function medicalExtraAidEligibility(member: MeasureMember, asOf: LocalDate, rule: MedicalExtraAidRule): MedicalExtraAidResult {
  const year = asOf.year;
  const who = describeMember(member, asOf);
  const line = formatYuan(rule.outOfPocketAboveYuan);
  const amount = member.medicalOutOfPocketYuan;
  if (amount !== undefined && !(Number.isFinite(amount) && amount >= 0)) throw new RangeError(`an out-of-pocket cost is an amount of at least 0, not ${amount}`);
  const outOfPocketFen = amount === undefined ? null : yuanToFen(amount);
  const years = rule.yearsInForce;
  if (years && (year < years.from || year > years.to)) {
    return { memberId: member.id, year, outcome: 'not_in_force', outOfPocketFen, reasons: [medicalMessages.notInForce(year, line, years.from, years.to)] };
  }
  if (outOfPocketFen === null) return { memberId: member.id, year, outcome: 'unknown', outOfPocketFen, reasons: [medicalMessages.unknown(who, year)] };
  const above = outOfPocketFen > yuanToFen(rule.outOfPocketAboveYuan);
  const text = above ? medicalMessages.above : medicalMessages.notAbove;
  return { memberId: member.id, year, outcome: above ? 'extra_aid' : 'none', outOfPocketFen, reasons: [text(who, year, formatFen(outOfPocketFen), line)] };
}

// ── Housing 住房安全 [000] ───────────────────────────────────────────────────

export type HousingAction = 'rebuild' | 'reinforce' | 'appraise' | 'none' | 'unknown';

export interface HousingResult {
  readonly action: HousingAction;
  readonly reasons: readonly string[];
}

/** A sole residence 唯一住房 graded D is rebuilt, C reinforced; a suspected dangerous house without a grade is appraised first. */
export function housingEligibility(housing: Housing | undefined, rule: HousingRule): HousingResult {
  if (!housing) return { action: 'unknown', reasons: [housingMessages.unknown] };
  const grade = housing.safetyGrade;
  if (grade === undefined) {
    return rule.appraiseSuspected && housing.suspectedDangerous
      ? { action: 'appraise', reasons: [housingMessages.appraise] }
      : { action: 'none', reasons: [housingMessages.notAppraised] };
  }
  const rebuild = rule.rebuildGrades.includes(grade);
  const reinforce = rule.reinforceGrades.includes(grade);
  if (!rebuild && !reinforce) return { action: 'none', reasons: [housingMessages.safe(grade)] };
  if (rule.soleResidenceOnly && housing.soleResidence === undefined) return { action: 'unknown', reasons: [housingMessages.soleUnknown(grade)] };
  if (rule.soleResidenceOnly && !housing.soleResidence) return { action: 'none', reasons: [housingMessages.notSole(grade)] };
  return rebuild ? { action: 'rebuild', reasons: [housingMessages.rebuild(grade)] } : { action: 'reinforce', reasons: [housingMessages.reinforce(grade)] };
}

// ── Compulsory education 控辍保学 [000] ──────────────────────────────────────

export type CompulsoryEducationOutcome = 'education_measure' | 'exempt_physical' | 'in_school' | 'completed' | 'not_compulsory_age' | 'unknown';

export interface CompulsoryEducationResult extends MemberFinding {
  readonly age: number;
  readonly outcome: CompulsoryEducationOutcome;
}

/**
 * A child aged `fromAge`–`toAge` in full years (6–15 by default: enrolment at
 * six and nine years of schooling, Compulsory Education Law arts. 2 and 11) who
 * is out of school gets the education measure, unless physically unable to
 * attend 身体原因不具备学习条件.
 */
export function compulsoryEducationCheck(member: MeasureMember, asOf: LocalDate, rule: CompulsoryEducationRule): CompulsoryEducationResult {
  const { age, who } = memberAsOf(member, asOf);
  const result = (outcome: CompulsoryEducationOutcome, reason: string): CompulsoryEducationResult => ({ memberId: member.id, age, outcome, reasons: [reason] });
  if (age < rule.fromAge || age > rule.toAge) return result('not_compulsory_age', educationMessages.notCompulsoryAge(who, rule.fromAge, rule.toAge));
  switch (schoolingOf(member)) {
    case 'in_school':
      return result('in_school', educationMessages.inSchool(who));
    case 'completed_compulsory':
      return result('completed', educationMessages.completed(who));
    case 'out_of_school':
      return rule.exemptPhysicallyUnable && member.physicallyUnableToAttend
        ? result('exempt_physical', educationMessages.exempt(who))
        : result('education_measure', educationMessages.outOfSchool(who, rule.fromAge, rule.toAge));
    case undefined:
      return result('unknown', educationMessages.unknown(who));
  }
}
