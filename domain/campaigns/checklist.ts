/**
 * What a campaign's check of a household covers and what problems it may find:
 * Suyuan's special supervision of inaccurate screening, weak measures,
 * unresolved risk points and large income drops [004], and the 三保障 and
 * drinking water every household must have secured.
 */
export const CHECK_ITEMS = ['visit', 'verify_income', 'verify_measures', 'three_guarantees', 'drinking_water'] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];

export const CHECK_ITEM_NAMES: Record<CheckItem, string> = {
  visit: '入户走访',
  verify_income: '核实收入',
  verify_measures: '核实各项帮扶措施落实',
  three_guarantees: '核实“三保障”',
  drinking_water: '核实饮水安全',
};

export const PROBLEM_KINDS = ['inaccurate_screening', 'weak_measures', 'unresolved_risk', 'income_drop', 'three_guarantees', 'drinking_water', 'other'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const PROBLEM_KIND_NAMES: Record<ProblemKind, string> = {
  inaccurate_screening: '排查不精准',
  weak_measures: '帮扶措施不到位',
  unresolved_risk: '风险点未消除',
  income_drop: '收入大幅下降',
  three_guarantees: '“三保障”存在问题',
  drinking_water: '饮水安全存在问题',
  other: '其他问题',
};

/** Who carries out the checks (and the rectifications they find): the household's village, its town, or one department. */
export const RESPONSIBLES = ['village', 'town', 'department'] as const;
export type Responsible = (typeof RESPONSIBLES)[number];

export const RESPONSIBLE_NAMES: Record<Responsible, string> = { village: '村（社区）', town: '乡镇', department: '行业部门' };

/** Which checklist items a check left out (each one of the campaign's checklist must be confirmed). */
export function missingCheckItems(checklist: readonly CheckItem[], done: readonly string[]): CheckItem[] {
  return checklist.filter((item) => !done.includes(item));
}
