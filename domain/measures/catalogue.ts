/**
 * The assistance measure catalogue 帮扶措施目录 as policy data: which measures a
 * county offers, which department leads each and which cooperate, the default
 * deadline, whether the measure is developmental 开发式帮扶 or part of the
 * safety net 保障性措施, which risk causes suggest it, and the parameters of the
 * eligibility rules. Serialisable, versioned like a policy profile: a county's
 * change is a new version, never a code branch. Each seed county has its own
 * catalogue from its own document (`catalogues/<county>.ts`); the design's
 * (`catalogues/design.ts`) serves the fictional demo county 示范县.
 */
import type { Period } from '../calendar/dates.js';
import type { RiskCause } from '../identification/steps.js';
import type { SeedId } from '../policy/versioned.js';

export interface Department {
  /** Short code shared with the `departments` table (`mz`, `rs`, …). */
  readonly code: string;
  readonly name: string;
}

/**
 * - developmental 开发式帮扶: builds income through work (industry, jobs, credit);
 *   only for households with labour capacity [001, 002].
 * - safety_net 保障性措施: protection whatever the household's labour (social
 *   assistance, insurance, the “三保障”); 兜底 is its last layer.
 */
export type MeasureNature = 'developmental' | 'safety_net';

/**
 * A value the seed is silent on, which the catalogue takes from national
 * practice 通行做法 or a law: the field it marks and why, in Chinese. Whatever
 * is not marked comes from the seed.
 */
export interface PracticeNote {
  readonly field: string;
  readonly note: string;
}

/** A policy document the seed cites for a measure; `number` 文号 null where the seed gives none (missing, never guessed). */
export interface CitedDocument {
  readonly title: string;
  readonly number: string | null;
}

/** Where a rule's values come from: the seed, except the fields a practice note marks. */
export interface RuleBasis {
  readonly practice?: readonly PracticeNote[];
}

export interface MeasureDefinition {
  readonly code: string;
  /** Chinese name as the seeds use it. */
  readonly name: string;
  /** Department code of the lead 牵头单位: the first the seed names, who receives the task. */
  readonly lead: string;
  /** Further lead units the seed names with it (牵头部门：民政局、残联…) [004]; absent: none. */
  readonly coLeads?: readonly string[];
  /** Department codes of the cooperating units 配合单位 (责任单位 after the lead), leads excluded. */
  readonly cooperating: readonly string[];
  /** Whether the towns 各相关镇（街道） carry it out with the departments. */
  readonly townsCooperate: boolean;
  /** Parties that are not county departments (banks, insurers), in Chinese. */
  readonly otherParties: readonly string[];
  /** Calendar days from assignment to the measure being in place. */
  readonly defaultDeadlineDays: number;
  readonly nature: MeasureNature;
  /** Risk causes 风险类型 for which the measure is suggested. */
  readonly suggestedBy: readonly RiskCause[];
  readonly sources: readonly SeedId[];
  /** The seed's own words, abridged. */
  readonly quote: string;
  /** Documents the seed names for the measure. */
  readonly documents?: readonly CitedDocument[];
  /** The fields the seed is silent on (the deadline, as a rule). */
  readonly practice?: readonly PracticeNote[];
}

/** Pension premium paid by the government 养老保险代缴 [000]: age ≥ minAge and < maxAgeExclusive. */
export interface PensionPremiumRule extends RuleBasis {
  readonly measure: string;
  readonly minAge: number;
  readonly maxAgeExclusive: number;
  readonly excludeStudents: boolean;
  readonly excludeActiveMilitary: boolean;
  readonly source: SeedId;
}

/** Conditions of [000] that the town checks for a microcredit 小额信贷 applicant; the bank decides. */
export const MICROCREDIT_CHECKS = ['civil_capacity', 'willing', 'potential', 'project', 'skills', 'repayment', 'good_conduct'] as const;
export type MicrocreditCheck = (typeof MICROCREDIT_CHECKS)[number];

export interface MicrocreditRule extends RuleBasis {
  readonly measure: string;
  /** Inclusive bounds on the applicant's age in full years. */
  readonly minAge: number;
  readonly maxAge: number;
  /** Age plus loan term in years may not exceed this. */
  readonly maxAgePlusTerm: number;
  /** 对有劳动能力的监测对象. */
  readonly requiresLabourCapacity: boolean;
  readonly checks: readonly MicrocreditCheck[];
  readonly source: SeedId;
}

/** Basic medical insurance premium paid in full for every member 全额资助参保, and chronic-illness reimbursement 慢特病报销. */
export interface MedicalInsuranceRule extends RuleBasis {
  readonly measure: string;
  /** Whether chronic and special illnesses 慢性特殊疾病 are named too (合规慢性特殊疾病门诊…报销) [000]. */
  readonly chronicIllness: boolean;
  readonly source: SeedId;
}

/** Extra medical aid 额外救助: a person's out-of-pocket cost in a calendar year strictly above the line. */
export interface MedicalExtraAidRule extends RuleBasis {
  readonly measure: string;
  readonly outOfPocketAboveYuan: number;
  /** Calendar years the county applies it (inclusive); always when absent. */
  readonly yearsInForce?: { readonly from: number; readonly to: number };
  readonly source: SeedId;
}

/** House safety grades of the appraisal 危房鉴定 (A safe … D whole house dangerous). */
export const HOUSE_SAFETY_GRADES = ['A', 'B', 'C', 'D'] as const;
export type HouseSafetyGrade = (typeof HOUSE_SAFETY_GRADES)[number];

export interface HousingRule extends RuleBasis {
  readonly measure: string;
  /** Grades rebuilt 改建. */
  readonly rebuildGrades: readonly HouseSafetyGrade[];
  /** Grades reinforced and repaired 加固维修. */
  readonly reinforceGrades: readonly HouseSafetyGrade[];
  /** Only a sole residence 唯一住房 qualifies. */
  readonly soleResidenceOnly: boolean;
  /** A suspected dangerous house without a grade is appraised 疑似危房全部鉴定. */
  readonly appraiseSuspected: boolean;
  readonly source: SeedId;
}

/** Safe drinking water 饮水安全, tested by a county-level (or higher) laboratory. */
export interface DrinkingWaterRule extends RuleBasis {
  readonly measure: string;
  readonly source: SeedId;
}

/** 控辍保学: a child of compulsory-school age out of school, unless physically unable. */
export interface CompulsoryEducationRule extends RuleBasis {
  readonly measure: string;
  /** Inclusive bounds in full years. */
  readonly fromAge: number;
  readonly toAge: number;
  readonly exemptPhysicallyUnable: boolean;
  readonly source: SeedId;
}

/** Education aid 教育资助 for every member in school. */
export interface EducationAidRule extends RuleBasis {
  readonly measure: string;
  readonly source: SeedId;
}

/** One person one plan 一人一案 for each labour-capable member. */
export interface EmploymentRule extends RuleBasis {
  readonly measure: string;
  readonly minGuidance: number;
  readonly minTraining: number;
  /** Job offers per person (1:3). */
  readonly jobOffersPerPerson: number;
  /** Offers are owed to those not in work 有意愿未就业 [003]; those in work get help to keep it. */
  readonly offersOnlyIfNotEmployed: boolean;
  readonly sources: readonly SeedId[];
}

/** Severely disabled members 重残人员 are brought to the safety net [004]. */
export interface SevereDisabilityRule extends RuleBasis {
  readonly measure: string;
  readonly grades: readonly ('1' | '2' | '3' | '4')[];
  readonly source: SeedId;
}

/** Developmental measures for households with labour, the safety net for those without [001, 002]. */
export interface LabourRule extends RuleBasis {
  /** Youngest age at which a member counts as household labour. */
  readonly minWorkingAge: number;
  /** The measure a household without full labour is given. */
  readonly safetyNetMeasure: string;
  /** The developmental measure still open to weak or partial labour (public-welfare posts), if any. */
  readonly weakLabourMeasure: string | null;
  readonly sources: readonly SeedId[];
}

export interface MeasureRules {
  readonly labour: LabourRule;
  readonly pensionPremium?: PensionPremiumRule;
  readonly microcredit?: MicrocreditRule;
  readonly medicalInsurance?: MedicalInsuranceRule;
  readonly medicalExtraAid?: MedicalExtraAidRule;
  readonly housing?: HousingRule;
  readonly drinkingWater?: DrinkingWaterRule;
  readonly compulsoryEducation?: CompulsoryEducationRule;
  readonly educationAid?: EducationAidRule;
  readonly employment?: EmploymentRule;
  readonly severeDisability?: SevereDisabilityRule;
}

export interface MeasureCatalogue {
  /** Stable per county (`design`, `boluo`); versions share it. */
  readonly id: string;
  readonly version: number;
  readonly effectiveFrom: Period;
  readonly sources: readonly SeedId[];
  readonly departments: readonly Department[];
  readonly measures: readonly MeasureDefinition[];
  readonly rules: MeasureRules;
}

/** The measure codes of DOMAIN.md §5, as the default catalogue spells them. */
export const MEASURE_CODES = {
  industry: 'industry',
  employment: 'employment',
  dibaoPension: 'dibao_pension',
  medical: 'medical',
  education: 'education',
  housing: 'housing',
  drinkingWater: 'drinking_water',
  microcredit: 'microcredit',
  safetyNet: 'safety_net',
  motivation: 'motivation',
  insurance: 'insurance',
} as const;

/** The measure of `code`, or undefined when the catalogue has none. */
export function measureByCode(catalogue: MeasureCatalogue, code: string): MeasureDefinition | undefined {
  return catalogue.measures.find((m) => m.code === code);
}

/** A department's name as the catalogue (its seed) spells it. */
export function departmentName(catalogue: MeasureCatalogue, code: string): string | undefined {
  return catalogue.departments.find((d) => d.code === code)?.name;
}

/** The units a measure names, leads first, as department codes. */
export function unitsOf(measure: MeasureDefinition): readonly string[] {
  return [measure.lead, ...(measure.coLeads ?? []), ...measure.cooperating];
}

/** The measures a department leads or co-leads (a department that leads one may not be retired). */
export function measuresLedBy(catalogue: MeasureCatalogue, code: string): MeasureDefinition[] {
  return catalogue.measures.filter((m) => m.lead === code || (m.coLeads ?? []).includes(code));
}
