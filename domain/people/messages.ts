/** The Simplified Chinese texts of member changes and the facts the measure rules read, in one place. */
import type { JoiningReason, LeavingReason } from './member-reasons.js';

export const leavingReasonNames: Record<LeavingReason, string> = {
  death: '死亡',
  marriage_out: '婚出',
  moved_out: '迁出',
  enlisted: '参军入伍',
};

export const joiningReasonNames: Record<JoiningReason, string> = {
  birth: '出生',
  marriage_in: '婚入',
  moved_in: '迁入',
  other: '其他',
};

export const memberChangeMessages = {
  alreadyLeft: (name: string, on: string) => `${name}已于 ${on} 减员，不能重复登记减员`,
  leftMember: (name: string) => `${name}已减员，不能再修改其信息`,
  dateInvalid: (on: string) => `日期“${on}”不存在，请按 YYYY-MM-DD 填写`,
  dateInFuture: (today: string) => `变动日期不能晚于今天（${today}）`,
  leftBeforeBirth: (name: string, birth: string) => `减员日期早于${name}的出生日期 ${birth}，请核对`,
  leftBeforeJoined: (name: string, joined: string) => `减员日期早于${name}的增员日期 ${joined}，请核对`,
  joinedBeforeBirth: (birth: string) => `增员日期早于出生日期 ${birth}，请核对`,
  evidenceRequired: '请至少登记一份佐证材料（如死亡证明、结婚证、户口迁移证明、入伍通知书、出生医学证明）',
  memberNotFound: '该成员不是本户的家庭成员',
  memberNotInHousehold: '所填的成员不是本户现有的家庭成员（可能已减员），请刷新后重新选择',
  nothingToChange: '请至少修改一项成员信息',
} as const;

/** Names of the household file's entries for member changes and facts. */
export const memberEventKindNames: Record<string, string> = {
  'member.joined': '家庭成员增员',
  'member.left': '家庭成员减员',
  'member.edited': '家庭成员信息更正',
  'facts.recorded': '住房、饮水、医疗、就学、就业、小额信贷情况采集',
};

/** The names of the fields of member changes and facts, for refusals (domain/messages/fields.ts spreads them in). */
export const memberFactFieldLabels: Readonly<Record<string, string>> = {
  leavingReason: '减员原因',
  joiningReason: '增员原因',
  leftOn: '减员日期',
  joinedOn: '增员日期',
  joining: '增员情况',
  facts: '住房、饮水、医疗、就学、就业、小额信贷情况',
  housing: '住房安全',
  safetyGrade: '住房安全等级',
  soleResidence: '是否唯一住房',
  suspectedDangerous: '是否疑似危房',
  drinkingWater: '饮水检测结果',
  'facts.members': '成员情况',
  memberId: '家庭成员',
  medicalOutOfPocketYuan: '本年个人自付医疗费用',
  schooling: '就学情况',
  physicallyUnableToAttend: '是否因身体原因不具备学习条件',
  employed: '是否已就业',
  microcredit: '小额信贷申请',
  termYears: '贷款期限（年）',
};

export const memberFactValueNames: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  leavingReason: leavingReasonNames,
  joiningReason: joiningReasonNames,
  safetyGrade: { A: 'A级', B: 'B级', C: 'C级', D: 'D级' },
  drinkingWater: { safe: '检测合格', unsafe: '检测不合格', not_tested: '未经检测' },
  schooling: { in_school: '在校', out_of_school: '失学辍学', completed_compulsory: '已完成义务教育' },
};

/** The file's entries of member changes, in one sentence each. */
export const memberChangeSummary = {
  joined: (name: string, reason: string, on: string, evidence: readonly string[]) => `${name}于 ${on} ${reason}增员；佐证材料：${evidence.join('、')}`,
  left: (name: string, reason: string, on: string, evidence: readonly string[]) => `${name}于 ${on} 因${reason}减员；佐证材料：${evidence.join('、')}`,
  corrected: (name: string, fields: readonly string[]) => `更正${name}的${fields.join('、')}`,
} as const;
