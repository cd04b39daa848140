/**
 * What a county's document says in its own words about its categories, its
 * procedure and its deadlines' wording, and which of the profile's rules it
 * does not give (national practice 通行做法 fills them, marked as such). The
 * console's profile screen shows each rule with where it comes from.
 */
import type { PracticeNote } from '../measures/catalogue.js';
import type { IdentificationStep, MonitoringCategory } from '../identification/steps.js';
import type { SeedId } from './versioned.js';

/** A category as the county names it, mapped onto the product's category. */
export interface CategoryName {
  readonly category: MonitoringCategory;
  readonly name: string;
  readonly source: SeedId | null;
  readonly quote: string;
}

/** A step of the county's procedure in its own words, carried by one of the product's steps. */
export interface ProcedureStep {
  /** The seed's name for it (贫情分析, 村组评议 …). */
  readonly name: string;
  /** The product's step that records it. */
  readonly step: IdentificationStep;
  /** Who takes part, as the seed lists them. */
  readonly participants: readonly string[];
  /** What they do, in the seed's words where it says. */
  readonly does?: string;
  /** The step whose decision makes the household a monitoring object. */
  readonly decides?: boolean;
  /** Who decides on it, where the seed names a body (县政府). */
  readonly decidingBody?: string;
  /** Null where the seed does not describe the step (national practice). */
  readonly source: SeedId | null;
  readonly quote: string;
}

/**
 * How a deadline's wording is read. 每月20日前: `by_end_of_day` takes the 20th
 * itself as still in time; `before_day` ends at the end of the 19th.
 */
export interface DeadlineReading {
  readonly subject: 'monthly_update';
  readonly day: number;
  readonly wording: string;
  readonly reading: 'by_end_of_day' | 'before_day';
  readonly why: string;
  readonly source: SeedId;
  readonly quote: string;
}

/** The rules of a profile a practice note may mark as not in the seed. */
export const PROFILE_RULES = [
  'thresholds',
  'incomeWindow',
  'inclusionRule',
  'triggerRules',
  'categories',
  'identificationSteps',
  'publicNoticeDays',
  'eliminationAllowsNoLabour',
  'monthlyUpdateDay',
  'monthlyVisit',
  'townReportDayOfNextMonth',
  'measureCatalogue',
  'focusCriteria',
] as const;
export type ProfileRule = (typeof PROFILE_RULES)[number];

export const PROFILE_RULE_NAMES: Record<ProfileRule, string> = {
  thresholds: '监测标准',
  incomeWindow: '收入计算期',
  inclusionRule: '纳入监测的条件',
  triggerRules: '风险情形的判断数值',
  categories: '监测对象类别',
  identificationSteps: '监测程序',
  publicNoticeDays: '公示',
  eliminationAllowsNoLabour: '无劳动能力户的风险消除',
  monthlyUpdateDay: '月度信息更新截止日',
  monthlyVisit: '每月走访',
  townReportDayOfNextMonth: '乡镇月报',
  measureCatalogue: '帮扶措施和责任单位',
  focusCriteria: '重点分析',
};

/** The three categories 三类监测对象 by their national names. */
export const NATIONAL_CATEGORY_NAMES: Record<MonitoringCategory, string> = {
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden_hardship: '突发严重困难户',
};

export function seedTextProblems(
  text: { readonly categories?: readonly CategoryName[]; readonly procedure?: readonly ProcedureStep[]; readonly readings?: readonly DeadlineReading[]; readonly practice?: readonly PracticeNote[] },
  steps: readonly IdentificationStep[],
  monthlyUpdateDay: number,
  where: string,
): string[] {
  const problems: string[] = [];
  const categories = text.categories ?? [];
  if (new Set(categories.map((c) => c.category)).size !== categories.length) problems.push(`${where}: a category is named twice`);
  for (const c of categories) if (c.name.trim() === '' || c.quote.trim() === '') problems.push(`${where}: category ${c.category} needs a name and a quote`);
  const procedure = text.procedure ?? [];
  for (const p of procedure) {
    if (!steps.includes(p.step)) problems.push(`${where}: procedure step ${p.name} is carried by ${p.step}, which the profile does not have`);
    if (p.name.trim() === '' || p.quote.trim() === '') problems.push(`${where}: procedure step ${p.step} needs a name and a quote`);
  }
  const deciding = procedure.filter((p) => p.decides);
  if (procedure.length > 0 && (deciding.length !== 1 || deciding[0]!.step !== steps.at(-1))) {
    problems.push(`${where}: exactly one procedure step decides, and it is carried by the last step (${steps.at(-1)})`);
  }
  for (const r of text.readings ?? []) {
    const due = r.reading === 'by_end_of_day' ? r.day : r.day - 1;
    if (r.subject === 'monthly_update' && due !== monthlyUpdateDay) {
      problems.push(`${where}: “${r.wording}” read as ${r.reading} makes the monthly update due on the ${due}th, but monthlyUpdateDay is ${monthlyUpdateDay}`);
    }
  }
  for (const note of text.practice ?? []) {
    if (!(PROFILE_RULES as readonly string[]).includes(note.field)) problems.push(`${where}: practice note on an unknown rule ${note.field}`);
    if (note.note.trim() === '') problems.push(`${where}: practice note on ${note.field} needs its reason`);
  }
  return problems;
}
