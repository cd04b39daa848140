/**
 * Risk colours 风险等级 (green / yellow / red) per household, graded by rules
 * the county keeps in its policy profile (DOMAIN.md §9: provinces grade
 * households by colour). No seed gives the rules: a profile without them
 * grades nobody (未配置). A rule is a list of conditions measured from the
 * records; red when any red condition holds, else yellow when any yellow one
 * does, else green.
 */
export const RISK_COLOURS = ['green', 'yellow', 'red'] as const;
export type RiskColour = (typeof RISK_COLOURS)[number];

/**
 * - warning_past_clock: a warning 风险预警 not acted on (no case opened, no plan confirmed since) for longer than the warning clock.
 * - warning_open: a warning not acted on yet.
 * - below_line_without_measure: the latest income assessment is under the monitoring line, and the household has no measure task.
 * - below_monitoring_line / below_warning_line: the latest income assessment is under that line.
 * - overdue_task: a measure task open past its deadline.
 * - overdue_item: a monthly item (update, visit) open past its deadline.
 */
export const RISK_CONDITIONS = [
  'warning_past_clock',
  'warning_open',
  'below_line_without_measure',
  'below_monitoring_line',
  'below_warning_line',
  'overdue_task',
  'overdue_item',
] as const;
export type RiskCondition = (typeof RISK_CONDITIONS)[number];

export interface RiskColourRules {
  readonly red: readonly RiskCondition[];
  readonly yellow: readonly RiskCondition[];
  /** Days a warning may stay without action before `warning_past_clock` holds. */
  readonly warningClockDays?: number;
  /** Where the rules come from, as the county puts it. */
  readonly note?: string;
}

/** What the records show of one household. */
export interface RiskFacts {
  /** Days since the oldest warning not acted on, or null when there is none. */
  readonly openWarningDays: number | null;
  readonly belowMonitoring: boolean;
  readonly belowWarning: boolean;
  readonly hasMeasure: boolean;
  readonly overdueTask: boolean;
  readonly overdueItem: boolean;
}

/** Whether a condition holds for the household. */
export function holds(condition: RiskCondition, f: RiskFacts, rules: RiskColourRules): boolean {
  switch (condition) {
    case 'warning_past_clock':
      return f.openWarningDays !== null && rules.warningClockDays !== undefined && f.openWarningDays > rules.warningClockDays;
    case 'warning_open':
      return f.openWarningDays !== null;
    case 'below_line_without_measure':
      return f.belowMonitoring && !f.hasMeasure;
    case 'below_monitoring_line':
      return f.belowMonitoring;
    case 'below_warning_line':
      return f.belowWarning;
    case 'overdue_task':
      return f.overdueTask;
    case 'overdue_item':
      return f.overdueItem;
  }
}

/** The household's colour and the conditions behind it; null when the county has no rules (未配置). */
export function riskColourOf(f: RiskFacts, rules: RiskColourRules | undefined): { colour: RiskColour; because: RiskCondition[] } | null {
  if (!rules) return null;
  const red = rules.red.filter((c) => holds(c, f, rules));
  if (red.length > 0) return { colour: 'red', because: red };
  const yellow = rules.yellow.filter((c) => holds(c, f, rules));
  if (yellow.length > 0) return { colour: 'yellow', because: yellow };
  return { colour: 'green', because: [] };
}

/** What is wrong with a profile's colour rules, in English for whoever maintains the data. */
export function riskColourRulesProblems(rules: RiskColourRules, where: string): string[] {
  const problems: string[] = [];
  const known = (list: unknown) => Array.isArray(list) && list.every((c) => (RISK_CONDITIONS as readonly unknown[]).includes(c));
  if (!known(rules.red) || !known(rules.yellow)) problems.push(`${where}: risk colour rules must list known conditions`);
  const days = rules.warningClockDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 90)) problems.push(`${where}: warningClockDays must be 1–90 days`);
  const all = [...(Array.isArray(rules.red) ? rules.red : []), ...(Array.isArray(rules.yellow) ? rules.yellow : [])];
  if (all.includes('warning_past_clock') && days === undefined) problems.push(`${where}: warning_past_clock needs warningClockDays`);
  if (Array.isArray(rules.red) && Array.isArray(rules.yellow) && rules.red.some((c) => rules.yellow.includes(c))) problems.push(`${where}: a risk condition is both red and yellow`);
  return problems;
}
