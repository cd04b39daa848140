/**
 * The caseload file's sheets and headings 导入模板. The seeds name no import
 * headings (they name the national system 全国防返贫监测信息系统 but give no
 * columns), so the headings are this system's own field names
 * (domain/messages/fields.ts) in the order a per-person roster lists them;
 * a county changes a heading here, in one place.
 */
import { RISK_CAUSE_NAMES, type RiskCause } from '../identification/steps.js';

type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandparent' | 'grandchild' | 'sibling' | 'child_in_law' | 'other';
import { FIELD_LABELS, HOUSEHOLD_CATEGORY_NAMES, INCOME_KIND_NAMES, LABOUR_ABILITY_NAMES } from '../messages/fields.js';
import { spendingKindNames } from '../messages/catalogue.js';
import { relationNames } from '../measures/task-messages.js';
import { importMessages } from './messages.js';

export type SheetKind = 'members' | 'finances';

export const MEMBER_COLUMNS = {
  householdKey: importMessages.heading.householdKey,
  town: FIELD_LABELS.townId!,
  village: FIELD_LABELS.villageId!,
  headName: FIELD_LABELS.headName!,
  address: FIELD_LABELS.address!,
  category: importMessages.heading.category,
  enteredOn: importMessages.heading.enteredOn,
  riskCauses: FIELD_LABELS.riskCauses!,
  measuresEnjoyed: importMessages.heading.measuresEnjoyed,
  name: importMessages.heading.memberName,
  idNumber: FIELD_LABELS.idNumber!,
  relation: FIELD_LABELS.relation!,
  labourAbility: FIELD_LABELS.labourAbility!,
  isStudent: FIELD_LABELS.isStudent!,
  isActiveMilitary: FIELD_LABELS.isActiveMilitary!,
  disabilityGrade: FIELD_LABELS.disabilityGrade!,
  chronicIllness: FIELD_LABELS.chronicIllness!,
} as const;
export type MemberField = keyof typeof MEMBER_COLUMNS;

export const INCOME_FIELDS = ['wages', 'production_net', 'property', 'transfer'] as const;
export const SPENDING_FIELDS = ['medical', 'schooling', 'disaster', 'disability', 'other'] as const;
export type IncomeField = (typeof INCOME_FIELDS)[number];
export type SpendingField = (typeof SPENDING_FIELDS)[number];

export const FINANCE_COLUMNS = {
  headIdNumber: importMessages.heading.headIdNumber,
  period: FIELD_LABELS.period!,
  ...Object.fromEntries(INCOME_FIELDS.map((k) => [k, INCOME_KIND_NAMES[k]])),
  ...Object.fromEntries(SPENDING_FIELDS.map((k) => [k, importMessages.heading.spending(spendingKindNames[k])])),
} as Record<'headIdNumber' | 'period' | IncomeField | SpendingField, string>;
export type FinanceField = keyof typeof FINANCE_COLUMNS;

export const SHEETS: Record<SheetKind, { readonly name: string; readonly columns: Readonly<Record<string, string>> }> = {
  members: { name: importMessages.sheet.members, columns: MEMBER_COLUMNS },
  finances: { name: importMessages.sheet.finances, columns: FINANCE_COLUMNS },
};

/** The fields a sheet's headings name, by position; undefined when the headings are not one of the sheets. */
export function recogniseSheet(headings: readonly string[]): { kind: SheetKind; positions: Map<string, number> } | undefined {
  const clean = headings.map((h) => h.replace(/\s+/g, ''));
  for (const kind of ['members', 'finances'] as const) {
    const positions = new Map<string, number>();
    for (const [field, heading] of Object.entries(SHEETS[kind].columns)) {
      const at = clean.indexOf(heading);
      if (at >= 0) positions.set(field, at);
    }
    const required = kind === 'members' ? ['householdKey', 'name', 'idNumber', 'relation'] : ['headIdNumber', 'period'];
    if (required.every((f) => positions.has(f))) return { kind, positions };
  }
  return undefined;
}

/** Choices read by their Chinese names (and the few spellings villages use). */
export const CHOICES = {
  category: invert(HOUSEHOLD_CATEGORY_NAMES, { 脱贫监测户: 'unstable', 边缘户: 'marginal', 边缘易致贫户: 'marginal', 监测户: 'unstable' }),
  relation: invert<Relation>(relationNames, { 本人: 'head', 妻: 'spouse', 夫: 'spouse', 之子: 'child', 之女: 'child', 子: 'child', 女: 'child', 儿媳: 'child_in_law', 女婿: 'child_in_law', 之父: 'parent', 之母: 'parent', 父亲: 'parent', 母亲: 'parent' }),
  labourAbility: invert(LABOUR_ABILITY_NAMES, { 普通劳动力: 'capable', 技能劳动力: 'capable', 有劳动力: 'capable', 弱劳动力: 'weak', 丧失劳动力: 'none', 无劳动力: 'none' }),
  riskCause: invert<RiskCause>(RISK_CAUSE_NAMES, { 因意外事故: 'accident', 因重大变故: 'accident', 因就业: 'unstable_employment', 因产业: 'industry_failure' }),
  disabilityGrade: { 一级: '1', 二级: '2', 三级: '3', 四级: '4', '1': '1', '2': '2', '3': '3', '4': '4', 一: '1', 二: '2', 三: '3', 四: '4' } as Record<string, string>,
};

function invert<K extends string>(names: Readonly<Record<K, string>> | Readonly<Record<string, string>>, extra: Record<string, K>): Record<string, K> {
  const out: Record<string, K> = { ...extra };
  for (const [key, name] of Object.entries(names) as [K, string][]) out[name] = key;
  return out;
}
