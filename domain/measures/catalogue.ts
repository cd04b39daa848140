/**
 * The assistance measure catalogue 帮扶措施目录 as policy data: which measures a
 * county offers, which department leads each and which cooperate, the default
 * deadline, whether the measure is developmental 开发式帮扶 or part of the
 * safety net 保障性措施, which risk causes suggest it, and the parameters of the
 * eligibility rules. Serialisable, versioned like a policy profile: a county's
 * change is a new version, never a code branch.
 */
import type { Period } from '../calendar/dates.js';
import { RISK_CAUSES, type RiskCause } from '../identification/steps.js';
import type { SeedId } from '../policy/versioned.js';
import { versionProblems } from '../policy/versioned.js';

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

export interface MeasureDefinition {
  readonly code: string;
  /** Chinese name as the seeds use it. */
  readonly name: string;
  /** Department code of the lead 牵头单位. */
  readonly lead: string;
  /** Department codes of the cooperating units 配合单位, lead excluded. */
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
}

/** Pension premium paid by the government 养老保险代缴 [000]: age ≥ minAge and < maxAgeExclusive. */
export interface PensionPremiumRule {
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

export interface MicrocreditRule {
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
export interface MedicalInsuranceRule {
  readonly measure: string;
  readonly source: SeedId;
}

/** Extra medical aid 额外救助: a person's out-of-pocket cost in a calendar year strictly above the line. */
export interface MedicalExtraAidRule {
  readonly measure: string;
  readonly outOfPocketAboveYuan: number;
  /** Calendar years the county applies it (inclusive); always when absent. */
  readonly yearsInForce?: { readonly from: number; readonly to: number };
  readonly source: SeedId;
}

/** House safety grades of the appraisal 危房鉴定 (A safe … D whole house dangerous). */
export const HOUSE_SAFETY_GRADES = ['A', 'B', 'C', 'D'] as const;
export type HouseSafetyGrade = (typeof HOUSE_SAFETY_GRADES)[number];

export interface HousingRule {
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
export interface DrinkingWaterRule {
  readonly measure: string;
  readonly source: SeedId;
}

/** 控辍保学: a child of compulsory-school age out of school, unless physically unable. */
export interface CompulsoryEducationRule {
  readonly measure: string;
  /** Inclusive bounds in full years. */
  readonly fromAge: number;
  readonly toAge: number;
  readonly exemptPhysicallyUnable: boolean;
  readonly source: SeedId;
}

/** Education aid 教育资助 for every member in school. */
export interface EducationAidRule {
  readonly measure: string;
  readonly source: SeedId;
}

/** One person one plan 一人一案 for each labour-capable member. */
export interface EmploymentRule {
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
export interface SevereDisabilityRule {
  readonly measure: string;
  readonly grades: readonly ('1' | '2' | '3' | '4')[];
  readonly source: SeedId;
}

/** Developmental measures for households with labour, the safety net for those without [001, 002]. */
export interface LabourRule {
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

const M = MEASURE_CODES;

/** Codes as in the demo county's `departments` table; 人民银行支行, 宣传部 and 妇联 added. */
const DEPARTMENTS: readonly Department[] = [
  { code: 'xczx', name: '乡村振兴局' },
  { code: 'mz', name: '民政局' },
  { code: 'jy', name: '教育局' },
  { code: 'yb', name: '医保局' },
  { code: 'wj', name: '卫健局' },
  { code: 'zj', name: '住建局' },
  { code: 'sl', name: '水利局' },
  { code: 'rs', name: '人社局' },
  { code: 'ny', name: '农业农村局' },
  { code: 'cl', name: '残联' },
  { code: 'cz', name: '财政局' },
  { code: 'jr', name: '金融工作局' },
  { code: 'rmyh', name: '人民银行支行' },
  { code: 'xcb', name: '宣传部' },
  { code: 'fl', name: '妇联' },
];

/**
 * Deadlines are design defaults: the seeds give none per measure ([001] only
 * wants every measure in place by June 30). Urgent protection (schooling, the
 * safety net) gets 15 days, building works 90.
 */
const MEASURES: readonly MeasureDefinition[] = [
  {
    code: M.industry,
    name: '产业帮扶',
    lead: 'ny',
    cooperating: ['xczx', 'rs'],
    townsCooperate: true,
    otherParties: [],
    defaultDeadlineDays: 60,
    nature: 'developmental',
    suggestedBy: ['industry_failure', 'epidemic'],
    sources: ['000', '001', '002'],
    quote: '对具备发展产业条件且有产业发展意愿的监测对象，加强生产经营技能培训，动员龙头企业、专业合作社、创业致富带头人等带动其发展生产',
  },
  {
    code: M.employment,
    name: '就业帮扶',
    lead: 'rs',
    cooperating: ['ny', 'xczx'],
    townsCooperate: true,
    otherParties: [],
    defaultDeadlineDays: 30,
    nature: 'developmental',
    suggestedBy: ['unstable_employment', 'epidemic'],
    sources: ['000', '003'],
    quote: '落实一人一案跟踪帮扶机制；至少提供1次就业指导、1次就业培训；提供1:3岗位信息；开发公益性就业岗位，优先安排监测家庭劳动力',
  },
  {
    code: M.dibaoPension,
    name: '低保和养老保险',
    lead: 'mz',
    cooperating: ['rs'],
    townsCooperate: false,
    otherParties: [],
    defaultDeadlineDays: 30,
    nature: 'safety_net',
    suggestedBy: [],
    sources: ['000'],
    quote: '将农村符合条件的易致贫人口监测对象纳入低保兜底保障；全额资助参加养老保险（需年满16周岁且不满60周岁，不含在校生、现役军人等）',
  },
  {
    code: M.medical,
    name: '医疗保障',
    lead: 'yb',
    cooperating: ['mz', 'xczx', 'wj'],
    townsCooperate: true,
    otherParties: [],
    defaultDeadlineDays: 30,
    nature: 'safety_net',
    suggestedBy: ['illness', 'epidemic'],
    sources: ['000', '001'],
    quote: '全额资助参加城乡居民基本医疗保险；纳入大病救助范围；每年12月中旬核算就医数据，对个人自付费用超过1万元的实行额外救助',
  },
  {
    code: M.education,
    name: '教育保障',
    lead: 'jy',
    cooperating: ['rs'],
    townsCooperate: true,
    otherParties: [],
    defaultDeadlineDays: 15,
    nature: 'safety_net',
    suggestedBy: ['schooling'],
    sources: ['000', '001'],
    quote: '确保义务教育阶段适龄儿童少年不因贫失学辍学（除身体原因不具备学习条件外）；就读义务教育及高中（含中职、中技）落实教育资助政策',
  },
  {
    code: M.housing,
    name: '住房安全',
    lead: 'zj',
    cooperating: [],
    townsCooperate: true,
    otherParties: [],
    defaultDeadlineDays: 90,
    nature: 'safety_net',
    suggestedBy: ['disaster'],
    sources: ['000', '001'],
    quote: '对新发生监测对象的疑似危房实行全部鉴定，现唯一居住房鉴定为C、D级危房的，给予改建（或加固维修）',
  },
  {
    code: M.drinkingWater,
    name: '饮水安全',
    lead: 'sl',
    cooperating: [],
    townsCooperate: true,
    otherParties: [],
    defaultDeadlineDays: 60,
    nature: 'safety_net',
    suggestedBy: [],
    sources: ['000', '001'],
    quote: '监测对象家庭全部有安全卫生生活饮用水，水质经县级及以上检测部门检测合格',
  },
  {
    code: M.microcredit,
    name: '小额信贷',
    lead: 'xczx',
    cooperating: ['cz', 'jr', 'rmyh'],
    townsCooperate: true,
    otherParties: ['承贷银行'],
    defaultDeadlineDays: 30,
    nature: 'developmental',
    suggestedBy: ['industry_failure'],
    sources: ['000', '001', '004'],
    quote: '申请人年龄原则上在18周岁—65周岁之间（其中年龄与贷款期限之和不超过65周岁）……银行金融机构综合评估后自主作出贷款决定；全额贴息',
  },
  {
    code: M.safetyNet,
    name: '兜底保障',
    lead: 'mz',
    cooperating: ['cl', 'xczx', 'jy', 'rs', 'zj', 'yb'],
    townsCooperate: true,
    otherParties: [],
    defaultDeadlineDays: 15,
    nature: 'safety_net',
    suggestedBy: ['disability', 'disaster', 'accident', 'epidemic'],
    sources: ['001', '002', '003', '004'],
    quote: '对无劳动能力的监测对象，强化低保、医疗、养老保险和特困人员救助供养等综合性社会保障措施；对因病、因残、因灾等意外变故返贫致贫的家庭，及时落实临时救助等政策',
  },
  {
    code: M.motivation,
    name: '扶志扶智',
    lead: 'xcb',
    cooperating: ['fl', 'xczx'],
    townsCooperate: true,
    otherParties: [],
    defaultDeadlineDays: 60,
    nature: 'developmental',
    suggestedBy: ['weak_motivation'],
    sources: ['001', '002', '004'],
    quote: '加强脱贫先进典型宣传，强化典型示范和教育引导；发挥村规民约作用，倡导赡养老人、扶养残疾人',
  },
  {
    code: M.insurance,
    name: '防返贫综合保险',
    lead: 'xczx',
    cooperating: ['jy', 'mz', 'rs', 'zj', 'ny', 'yb', 'cl'],
    townsCooperate: false,
    otherParties: ['商业保险机构'],
    defaultDeadlineDays: 30,
    nature: 'safety_net',
    suggestedBy: ['illness', 'disaster', 'schooling', 'accident'],
    sources: ['001', '003'],
    quote: '为脱贫人口和监测对象购买“防返贫综合保险”，减少因病、因灾、因学、因重大事故等返贫致贫',
  },
];

/**
 * The design's default catalogue: Boluo's measures and rules [000], with the
 * safety net, motivation and insurance of [001]–[004] and Xinfeng's employment
 * counts [003].
 */
export const DEFAULT_MEASURE_CATALOGUE: MeasureCatalogue = {
  id: 'design',
  version: 1,
  effectiveFrom: '2022-03',
  sources: ['000', '001', '002', '003', '004'],
  departments: DEPARTMENTS,
  measures: MEASURES,
  rules: {
    // Labour Law art. 15: no one under 16 may be employed.
    labour: { minWorkingAge: 16, safetyNetMeasure: M.safetyNet, weakLabourMeasure: M.employment, sources: ['001', '002', '003'] },
    pensionPremium: { measure: M.dibaoPension, minAge: 16, maxAgeExclusive: 60, excludeStudents: true, excludeActiveMilitary: true, source: '000' },
    microcredit: {
      measure: M.microcredit,
      minAge: 18,
      maxAge: 65,
      maxAgePlusTerm: 65,
      requiresLabourCapacity: true,
      checks: MICROCREDIT_CHECKS,
      source: '000',
    },
    medicalInsurance: { measure: M.medical, source: '000' },
    // 在巩固期间（2021年—2025年）每年12月中旬核算.
    medicalExtraAid: { measure: M.medical, outOfPocketAboveYuan: 10000, yearsInForce: { from: 2021, to: 2025 }, source: '000' },
    housing: { measure: M.housing, rebuildGrades: ['D'], reinforceGrades: ['C'], soleResidenceOnly: true, appraiseSuspected: true, source: '000' },
    drinkingWater: { measure: M.drinkingWater, source: '000' },
    // Compulsory Education Law art. 11 and art. 2: enrolment at 6, nine years, so ages 6 to 15 in full years.
    compulsoryEducation: { measure: M.education, fromAge: 6, toAge: 15, exemptPhysicallyUnable: true, source: '000' },
    educationAid: { measure: M.education, source: '000' },
    employment: { measure: M.employment, minGuidance: 1, minTraining: 1, jobOffersPerPerson: 3, offersOnlyIfNotEmployed: true, sources: ['000', '003'] },
    severeDisability: { measure: M.safetyNet, grades: ['1', '2'], source: '004' },
  },
};

export function measureByCode(catalogue: MeasureCatalogue, code: string): MeasureDefinition | undefined {
  return catalogue.measures.find((m) => m.code === code);
}

export function departmentName(catalogue: MeasureCatalogue, code: string): string | undefined {
  return catalogue.departments.find((d) => d.code === code)?.name;
}

const SEED_IDS: readonly SeedId[] = ['000', '001', '002', '003', '004'];

/** What is wrong with a catalogue, in English for whoever maintains the data; empty when it is sound. */
export function catalogueProblems(catalogue: MeasureCatalogue): string[] {
  const { where, problems } = versionProblems(catalogue);
  if (!isSeedList(catalogue.sources)) problems.push(`${where}: sources must be seed ids`);

  const departmentCodes = new Set<string>();
  for (const d of catalogue.departments) {
    if (!/^[a-z][a-z0-9_]*$/.test(d.code)) problems.push(`${where}: department code "${d.code}" must be lower-case letters`);
    if (departmentCodes.has(d.code)) problems.push(`${where}: department code "${d.code}" appears twice`);
    if (d.name.trim() === '') problems.push(`${where}: department "${d.code}" has no name`);
    departmentCodes.add(d.code);
  }

  const measureCodes = new Set<string>();
  for (const m of catalogue.measures) {
    const label = `${where}: measure "${m.code}"`;
    if (!/^[a-z][a-z0-9_]*$/.test(m.code)) problems.push(`${label}: code must be lower-case letters, digits and underscores`);
    if (measureCodes.has(m.code)) problems.push(`${label}: code appears twice`);
    measureCodes.add(m.code);
    if (m.name.trim() === '' || m.quote.trim() === '') problems.push(`${label}: name and quote are required`);
    if (!departmentCodes.has(m.lead)) problems.push(`${label}: lead department "${m.lead}" is not in the catalogue`);
    for (const code of m.cooperating) {
      if (!departmentCodes.has(code)) problems.push(`${label}: cooperating department "${code}" is not in the catalogue`);
      if (code === m.lead) problems.push(`${label}: the lead department is also listed as cooperating`);
    }
    if (new Set(m.cooperating).size !== m.cooperating.length) problems.push(`${label}: a cooperating department appears twice`);
    if (!Number.isInteger(m.defaultDeadlineDays) || m.defaultDeadlineDays < 1) problems.push(`${label}: the deadline must be a positive number of days`);
    for (const cause of m.suggestedBy) {
      if (!(RISK_CAUSES as readonly string[]).includes(cause)) problems.push(`${label}: "${cause}" is not a risk cause`);
    }
    if (m.sources.length === 0 || !isSeedList(m.sources)) problems.push(`${label}: sources must be one or more seed ids`);
  }

  const rules = catalogue.rules;
  const refer = (rule: string, code: string) => {
    if (!measureCodes.has(code)) problems.push(`${where}: rule ${rule} refers to measure "${code}" that is not in the catalogue`);
  };
  const ages = (rule: string, ...values: number[]) => {
    if (!values.every((v) => Number.isInteger(v) && v >= 0 && v <= 150)) problems.push(`${where}: rule ${rule} needs whole ages`);
  };

  const { labour } = rules;
  refer('labour', labour.safetyNetMeasure);
  if (measureByCode(catalogue, labour.safetyNetMeasure)?.nature === 'developmental') {
    problems.push(`${where}: rule labour: the safety-net measure "${labour.safetyNetMeasure}" is developmental`);
  }
  if (labour.weakLabourMeasure !== null) refer('labour', labour.weakLabourMeasure);
  ages('labour', labour.minWorkingAge);

  const { pensionPremium, microcredit, medicalInsurance, medicalExtraAid, housing, drinkingWater, compulsoryEducation, educationAid, employment, severeDisability } =
    rules;
  if (pensionPremium) {
    refer('pensionPremium', pensionPremium.measure);
    ages('pensionPremium', pensionPremium.minAge, pensionPremium.maxAgeExclusive);
    if (pensionPremium.minAge >= pensionPremium.maxAgeExclusive) problems.push(`${where}: rule pensionPremium: the age range is empty`);
  }
  if (microcredit) {
    refer('microcredit', microcredit.measure);
    ages('microcredit', microcredit.minAge, microcredit.maxAge, microcredit.maxAgePlusTerm);
    if (microcredit.minAge > microcredit.maxAge) problems.push(`${where}: rule microcredit: the age range is empty`);
    if (microcredit.checks.some((c) => !(MICROCREDIT_CHECKS as readonly string[]).includes(c))) problems.push(`${where}: rule microcredit: unknown check`);
  }
  if (medicalInsurance) refer('medicalInsurance', medicalInsurance.measure);
  if (drinkingWater) refer('drinkingWater', drinkingWater.measure);
  if (medicalExtraAid) {
    refer('medicalExtraAid', medicalExtraAid.measure);
    const line = medicalExtraAid.outOfPocketAboveYuan;
    if (!(line > 0) || Math.round(line * 100) !== line * 100) problems.push(`${where}: rule medicalExtraAid: the line must be a positive amount to the fen`);
    const years = medicalExtraAid.yearsInForce;
    if (years && !(Number.isInteger(years.from) && Number.isInteger(years.to) && years.from <= years.to)) {
      problems.push(`${where}: rule medicalExtraAid: yearsInForce must be whole years, from ≤ to`);
    }
  }
  if (housing) {
    refer('housing', housing.measure);
    if (housing.rebuildGrades.some((g) => housing.reinforceGrades.includes(g))) problems.push(`${where}: rule housing: a grade is both rebuilt and reinforced`);
  }
  if (compulsoryEducation) {
    refer('compulsoryEducation', compulsoryEducation.measure);
    ages('compulsoryEducation', compulsoryEducation.fromAge, compulsoryEducation.toAge);
    if (compulsoryEducation.fromAge > compulsoryEducation.toAge) problems.push(`${where}: rule compulsoryEducation: the age range is empty`);
  }
  if (educationAid) refer('educationAid', educationAid.measure);
  if (employment) {
    refer('employment', employment.measure);
    if (![employment.minGuidance, employment.minTraining, employment.jobOffersPerPerson].every((n) => Number.isInteger(n) && n >= 0)) {
      problems.push(`${where}: rule employment: counts must be whole numbers`);
    }
    if (measureByCode(catalogue, employment.measure)?.nature === 'safety_net') problems.push(`${where}: rule employment: the measure is not developmental`);
  }
  if (severeDisability) refer('severeDisability', severeDisability.measure);
  return problems;
}

function isSeedList(sources: readonly string[]): boolean {
  return sources.every((s) => (SEED_IDS as readonly string[]).includes(s));
}
