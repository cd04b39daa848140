/** The facts of a submission as one sentence for the household file, in Simplified Chinese. */
import { formatFen, yuanToFen } from '../income/money.js';
import type { HouseholdFacts } from './facts.js';
import type { DrinkingWaterStatus, SchoolingStatus } from './household.js';

export const drinkingWaterNames: Record<DrinkingWaterStatus, string> = { safe: '检测合格', unsafe: '检测不合格', not_tested: '未经检测' };
export const schoolingNames: Record<SchoolingStatus, string> = { in_school: '在校', out_of_school: '失学辍学', completed_compulsory: '已完成义务教育' };

const yuan = (n: number) => `${formatFen(yuanToFen(n))} 元`;

export function describeFacts(facts: HouseholdFacts, year: number, nameOf: (memberId: string) => string): string {
  const parts: string[] = [];
  const h = facts.housing;
  if (h) {
    const grade = h.safetyGrade ? `住房安全等级${h.safetyGrade}级` : h.suspectedDangerous ? '疑似危房待鉴定' : '住房未鉴定';
    const sole = h.soleResidence === undefined ? '' : h.soleResidence ? '，为唯一住房' : '，不是唯一住房';
    parts.push(`${grade}${sole}`);
  }
  if (facts.drinkingWater) parts.push(`饮用水${drinkingWaterNames[facts.drinkingWater]}`);
  for (const f of facts.members ?? []) {
    const who = nameOf(f.memberId);
    if (f.medicalOutOfPocketYuan !== undefined) parts.push(`${who}${year}年个人自付医疗费用 ${yuan(f.medicalOutOfPocketYuan)}`);
    if (f.schooling) parts.push(`${who}${schoolingNames[f.schooling]}${f.physicallyUnableToAttend ? '（身体原因不具备学习条件）' : ''}`);
    if (f.employed !== undefined) parts.push(`${who}${f.employed ? '已就业' : '未就业'}`);
  }
  for (const loan of facts.microcredit ?? []) parts.push(`${nameOf(loan.memberId)}申请小额信贷 ${yuan(loan.amountYuan)}，期限 ${loan.termYears} 年`);
  return parts.join('；');
}
