/**
 * The facts the measure rules read and the member register does not hold —
 * housing safety grade 危房鉴定等级 and sole residence 唯一住房, the drinking
 * water test 水质检测, a member's medical out-of-pocket cost 个人自付费用 of a
 * year, a child's schooling 就学, a labour-capable member's employment 就业,
 * a microcredit application 小额信贷申请 (amount, term) [000]. They come with
 * the application, the monthly update and the visit (later a department's
 * feed), each dated and with its source; the latest of a kind is in force.
 * Absent means unknown: a rule that needs an unknown fact does not fire.
 */
import type { LocalDate } from '../calendar/dates.js';
import { HOUSE_SAFETY_GRADES, type HouseSafetyGrade } from './catalogue.js';
import type { DrinkingWaterStatus, Housing, MeasureMember, MicrocreditApplication, SchoolingStatus } from './household.js';
import { factMessages as m } from './fact-messages.js';

export const DRINKING_WATER_STATUSES = ['safe', 'unsafe', 'not_tested'] as const satisfies readonly DrinkingWaterStatus[];
export const SCHOOLING_STATUSES = ['in_school', 'out_of_school', 'completed_compulsory'] as const satisfies readonly SchoolingStatus[];
export const FACT_SOURCES = ['application', 'monthly_update', 'visit', 'department'] as const;
export type FactSource = (typeof FACT_SOURCES)[number];
export const FACT_KINDS = ['housing', 'drinking_water', 'medical_out_of_pocket', 'schooling', 'employment', 'microcredit_application', 'social_assistance', 'disability', 'loan'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** A loan term beyond this is a typing error (the rules' own limit is the profile's age + term). */
const MAX_TERM_YEARS = 30;

export interface HousingFact {
  readonly safetyGrade?: HouseSafetyGrade;
  readonly soleResidence?: boolean;
  readonly suspectedDangerous?: boolean;
}

/** What is known of one member; each field absent when not known. */
export interface MemberFacts {
  readonly memberId: string;
  /** This year's personal out-of-pocket medical cost, in yuan. */
  readonly medicalOutOfPocketYuan?: number;
  readonly schooling?: SchoolingStatus;
  readonly physicallyUnableToAttend?: boolean;
  readonly employed?: boolean;
}

export interface MicrocreditApplicationFact {
  readonly memberId: string;
  readonly amountYuan: number;
  readonly termYears: number;
}

/** The facts a submission brings. */
export interface HouseholdFacts {
  readonly housing?: HousingFact;
  readonly drinkingWater?: DrinkingWaterStatus;
  readonly members?: readonly MemberFacts[];
  readonly microcredit?: readonly MicrocreditApplicationFact[];
}

/** One stored fact, as the table household_facts holds it. */
export interface FactRow {
  readonly kind: FactKind;
  readonly memberId: string | null;
  readonly year: number | null;
  readonly value: Readonly<Record<string, unknown>>;
}

const isToTheFen = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
const isAmount = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100_000_000 && isToTheFen(n);

/** Why the facts cannot be recorded, in the clerk's words; undefined when they can. Member ids are checked against the register elsewhere. */
export function factsRefusal(facts: HouseholdFacts): string | undefined {
  const housing = facts.housing;
  if (housing?.safetyGrade !== undefined && !HOUSE_SAFETY_GRADES.includes(housing.safetyGrade)) return m.gradeInvalid;
  if (facts.drinkingWater !== undefined && !DRINKING_WATER_STATUSES.includes(facts.drinkingWater)) return m.waterInvalid;
  const members = facts.members ?? [];
  const ids = members.map((f) => f.memberId);
  if (new Set(ids).size !== ids.length) return m.memberTwice;
  for (const f of members) {
    if (typeof f.memberId !== 'string' || f.memberId.length === 0) return m.memberMissing;
    if (f.medicalOutOfPocketYuan !== undefined && !isAmount(f.medicalOutOfPocketYuan)) return m.medicalInvalid;
    if (f.schooling !== undefined && !SCHOOLING_STATUSES.includes(f.schooling)) return m.schoolingInvalid;
  }
  const loans = facts.microcredit ?? [];
  if (new Set(loans.map((l) => l.memberId)).size !== loans.length) return m.loanTwice;
  for (const loan of loans) {
    if (typeof loan.memberId !== 'string' || loan.memberId.length === 0) return m.memberMissing;
    if (!isAmount(loan.amountYuan) || loan.amountYuan <= 0) return m.loanAmountInvalid;
    if (!Number.isInteger(loan.termYears) || loan.termYears < 1 || loan.termYears > MAX_TERM_YEARS) return m.loanTermInvalid(MAX_TERM_YEARS);
  }
  return undefined;
}

/** The members the facts name. */
export function factMemberIds(facts: HouseholdFacts): string[] {
  return [...new Set([...(facts.members ?? []).map((f) => f.memberId), ...(facts.microcredit ?? []).map((l) => l.memberId)])];
}

/** Whether the submission brings any fact at all. */
export function hasFacts(facts: HouseholdFacts | undefined): facts is HouseholdFacts {
  return factRows(facts ?? {}, 2000).length > 0;
}

const defined = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The facts as rows to store; the medical cost belongs to `year` (the submission's). */
export function factRows(facts: HouseholdFacts, year: number): FactRow[] {
  const rows: FactRow[] = [];
  const housing = defined({ ...facts.housing });
  if (Object.keys(housing).length > 0) rows.push({ kind: 'housing', memberId: null, year: null, value: housing });
  if (facts.drinkingWater !== undefined) rows.push({ kind: 'drinking_water', memberId: null, year: null, value: { status: facts.drinkingWater } });
  for (const f of facts.members ?? []) {
    if (f.medicalOutOfPocketYuan !== undefined) rows.push({ kind: 'medical_out_of_pocket', memberId: f.memberId, year, value: { yuan: f.medicalOutOfPocketYuan } });
    const schooling = defined({ status: f.schooling, physicallyUnableToAttend: f.physicallyUnableToAttend });
    if (Object.keys(schooling).length > 0) rows.push({ kind: 'schooling', memberId: f.memberId, year: null, value: schooling });
    if (f.employed !== undefined) rows.push({ kind: 'employment', memberId: f.memberId, year: null, value: { employed: f.employed } });
  }
  for (const loan of facts.microcredit ?? []) {
    rows.push({ kind: 'microcredit_application', memberId: loan.memberId, year: null, value: { amountYuan: loan.amountYuan, termYears: loan.termYears } });
  }
  return rows;
}

/** What the rules read, from the facts in force (the latest of each kind, member and year, in any order of arrival). */
export interface FactsInForce {
  readonly members: readonly MeasureMember[];
  readonly housing?: Housing;
  readonly drinkingWater?: DrinkingWaterStatus;
  readonly microcreditApplications: readonly (MicrocreditApplication & { readonly memberId: string; readonly amountYuan: number })[];
}

/**
 * Applies the facts in force (newest last) to the register's members as of
 * `asOf`: the medical cost of asOf's year, the latest schooling (a member in
 * school is a student, one out of school or done with it is not), employment,
 * the latest microcredit application of each member still in the household.
 */
export function applyFacts(members: readonly MeasureMember[], facts: readonly FactRow[], asOf: LocalDate): FactsInForce {
  const latest = new Map<string, FactRow>();
  for (const row of facts) latest.set(`${row.kind}:${row.memberId ?? ''}:${row.year ?? ''}`, row);
  const get = (kind: FactKind, memberId: string | null, year: number | null = null) => latest.get(`${kind}:${memberId ?? ''}:${year ?? ''}`)?.value;

  const withFacts = members.map((member): MeasureMember => {
    const medical = get('medical_out_of_pocket', member.id, asOf.year);
    const schooling = get('schooling', member.id);
    const employment = get('employment', member.id);
    const status = schooling?.status as SchoolingStatus | undefined;
    return {
      ...member,
      ...(typeof medical?.yuan === 'number' ? { medicalOutOfPocketYuan: medical.yuan } : {}),
      ...(status ? { schooling: status, isStudent: status === 'in_school' } : {}),
      ...(typeof schooling?.physicallyUnableToAttend === 'boolean' ? { physicallyUnableToAttend: schooling.physicallyUnableToAttend } : {}),
      ...(typeof employment?.employed === 'boolean' ? { employed: employment.employed } : {}),
    };
  });
  const housing = get('housing', null) as HousingFact | undefined;
  const water = get('drinking_water', null)?.status as DrinkingWaterStatus | undefined;
  const microcreditApplications = members.flatMap((member) => {
    const loan = get('microcredit_application', member.id);
    return typeof loan?.termYears === 'number' && typeof loan.amountYuan === 'number' ? [{ memberId: member.id, termYears: loan.termYears, amountYuan: loan.amountYuan }] : [];
  });
  return {
    members: withFacts,
    ...(housing && (housing.safetyGrade !== undefined || housing.soleResidence !== undefined || housing.suspectedDangerous !== undefined) ? { housing: housing as Housing } : {}),
    ...(water ? { drinkingWater: water } : {}),
    microcreditApplications,
  };
}
