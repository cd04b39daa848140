/**
 * Where each rule of a profile comes from, for the console's profile screen:
 * the county's document (文件规定), national practice where the document is
 * silent (通行做法，文件未规定), or missing — a figure no document gives, which
 * the county is asked to enter (缺少数据). Pure: the browser runs it too.
 */
import { MONITORING_CATEGORIES, STEP_NAMES } from '../identification/steps.js';
import type { MonitoringCategory } from '../identification/steps.js';
import { policyMessages } from './messages.js';
import type { PolicyProfile } from './profile.js';
import { NATIONAL_CATEGORY_NAMES, PROFILE_RULES, PROFILE_RULE_NAMES, type ProfileRule } from './seed-text.js';
import { deriveYearlyLines } from './yearly-lines.js';

export type RuleOrigin = 'seed' | 'practice' | 'missing';

export interface RuleOriginRow {
  readonly rule: ProfileRule;
  readonly name: string;
  readonly origin: RuleOrigin;
  /** The seed's words, the practice's reason, or what to enter. */
  readonly text: string;
}

const applies = (profile: PolicyProfile, rule: ProfileRule): boolean => {
  if (rule === 'publicNoticeDays') return profile.identificationSteps.includes('public_notice');
  if (rule === 'townReportDayOfNextMonth') return profile.townReportDayOfNextMonth !== undefined;
  if (rule === 'focusCriteria') return profile.focusCriteria !== undefined;
  return true;
};

function seedText(profile: PolicyProfile, rule: ProfileRule): string {
  switch (rule) {
    case 'thresholds':
      return profile.thresholds.map((r) => `${r.meaning}：${r.yuanPerPersonYear} 元（“${r.quote}”）`).join('；') || (profile.yearlyLines ?? []).map((r) => `“${r.quote}”`).join('；');
    case 'categories':
      return (profile.categories ?? []).map((c) => `${c.name}（“${c.quote}”）`).join('；');
    case 'identificationSteps':
      return profile.procedure?.length ? profile.procedure.map((p) => p.name).join(' → ') : profile.identificationSteps.map((s) => STEP_NAMES[s]).join(' → ');
    case 'monthlyUpdateDay': {
      const reading = profile.readings?.find((r) => r.subject === 'monthly_update');
      return reading ? `“${reading.quote}”；${reading.why}` : `每月${profile.monthlyUpdateDay}日`;
    }
    default:
      return `见${profile.document}`;
  }
}

/** Every rule of the profile with its origin, then one row per year whose line or income window is missing. */
export function ruleOrigins(profile: PolicyProfile): RuleOriginRow[] {
  const rows: RuleOriginRow[] = [];
  const fromSeed = profile.sources.length > 0;
  for (const rule of PROFILE_RULES) {
    if (!applies(profile, rule)) continue;
    const note = profile.practice?.find((p) => p.field === rule)?.note;
    const name = PROFILE_RULE_NAMES[rule];
    const noLine = rule === 'thresholds' && !profile.thresholds.some((r) => r.kind === 'monitoring') && !(profile.yearlyLines ?? []).length;
    if (noLine) rows.push({ rule, name, origin: 'missing', text: note ?? '文件未给出监测标准，请县里录入' });
    else if (note) rows.push({ rule, name, origin: 'practice', text: note });
    else rows.push({ rule, name, origin: fromSeed ? 'seed' : 'practice', text: fromSeed ? seedText(profile, rule) : '本配置不出自县级文件' });
  }
  for (const rule of profile.yearlyLines ?? []) {
    for (const year of deriveYearlyLines(rule, () => undefined)) {
      if (year.status === 'missing') rows.push({ rule: 'thresholds', name: `${year.year}年${PROFILE_RULE_NAMES.thresholds}`, origin: 'missing', text: year.ask });
    }
  }
  // Lines that all end (Mile's 2020, Suyuan's 2022, Xinfeng's 2023, Xuwen's rule to 2025): the years after them have none.
  const lastYear = lastMonitoringYear(profile);
  if (lastYear !== undefined) {
    rows.push({ rule: 'thresholds', name: `${lastYear + 1}年起的${PROFILE_RULE_NAMES.thresholds}`, origin: 'missing', text: policyMessages.linesEnded(lastYear) });
  }
  // A fixed window stands for one year [004]: the years after it have none until the county sets one.
  if (profile.incomeWindow.kind === 'fixed') {
    const year = profile.incomeWindow.projectsYear;
    rows.push({ rule: 'incomeWindow', name: `${year + 1}年起的${PROFILE_RULE_NAMES.incomeWindow}`, origin: 'missing', text: policyMessages.windowEnded(year) });
  }
  // “转移性收入占比过高” with no share [004]: the flag waits for the county's figure.
  if (profile.focusCriteria && profile.focusCriteria.transferSharePercentAbove === undefined) {
    rows.push({ rule: 'focusCriteria', name: policyMessages.transferShareName, origin: 'missing', text: policyMessages.transferShareMissing });
  }
  return rows;
}

/** The last year a monitoring line is in force, when every line and yearly rule ends; undefined when one runs on or there is none. */
function lastMonitoringYear(profile: PolicyProfile): number | undefined {
  const rows = profile.thresholds.filter((r) => r.kind === 'monitoring');
  const rules = profile.yearlyLines ?? [];
  if (rows.length + rules.length === 0 || rows.some((r) => r.to === undefined)) return undefined;
  return Math.max(...rows.map((r) => Number(r.to!.slice(0, 4))), ...rules.map((r) => r.toYear));
}

/** The county's names for the categories it has; the national three where the profile names none. */
export function categoriesOf(profile: PolicyProfile): { category: MonitoringCategory; name: string; fromSeed: boolean }[] {
  if (profile.categories?.length) return profile.categories.map((c) => ({ category: c.category, name: c.name, fromSeed: c.source !== null }));
  return MONITORING_CATEGORIES.map((category) => ({ category, name: NATIONAL_CATEGORY_NAMES[category], fromSeed: false }));
}

/** Whether the county's document has the category (Mile and Xuwen have two). */
export function hasCategory(profile: PolicyProfile, category: MonitoringCategory): boolean {
  return categoriesOf(profile).some((c) => c.category === category);
}
