/** The console's texts for member changes, the facts the measure rules read, and the plan, in one place. */
import { drinkingWaterNames, schoolingNames } from '../../../../domain/measures/fact-summary.js';
import { joiningReasonNames, leavingReasonNames } from '../../../../domain/people/messages.js';

export { drinkingWaterNames, joiningReasonNames, leavingReasonNames, schoolingNames };

export const factTexts = {
  title: '住房、饮水、医疗、就学、就业情况（用于研判帮扶措施，不清楚的可不填）',
  safetyGrade: '住房安全等级',
  gradeOption: (g: string) => `${g}级`,
  suspected: '疑似危房，尚未鉴定',
  soleResidence: '是否唯一住房',
  yes: '是',
  no: '否',
  drinkingWater: '饮水检测结果',
  medical: (name: string) => `${name} 本年个人自付医疗费用（元）`,
  schooling: (name: string) => `${name} 就学情况`,
  unableToAttend: (name: string) => `${name} 因身体原因不具备学习条件`,
  employed: (name: string) => `${name} 是否已就业`,
  microcredit: '小额信贷申请',
  loanMember: (n: number) => `申请人（第${n}笔）`,
  loanAmount: (n: number) => `申请金额（元，第${n}笔）`,
  loanTerm: (n: number) => `贷款期限（年，第${n}笔）`,
  addLoan: '添加小额信贷申请',
  remove: '删除',
} as const;

export const memberChangeTexts = {
  leave: (name: string) => `减员 ${name}`,
  leaveTitle: (name: string) => `登记减员：${name}`,
  leavingReason: '减员原因',
  leftOn: '减员日期',
  evidence: '佐证材料名称',
  evidenceReference: '材料编号（可不填）',
  evidenceRequired: '请填写佐证材料名称',
  reasonRequired: '请选择变动原因',
  dateRequired: '请填写日期',
  left: (name: string) => `已登记 ${name} 减员`,
  joining: '新增人口（出生、婚入、迁入）',
  joiningReason: '增员原因',
  joinedOn: '增员日期',
  confirm: '登记',
  column: '人口变动',
} as const;

export const correctionTexts = {
  open: (name: string) => `更正 ${name}`,
  title: (name: string) => `更正成员信息：${name}`,
  disabilityGrade: '残疾等级',
  noDisability: '无残疾',
  grade: (name: string) => `${name}残疾`,
  military: '现役军人',
  idNotHere: '身份证号码（及由它得出的出生日期、性别）不能在此更正；号码登记错误的，请减员后按正确号码重新登记。',
  nothingChanged: '没有修改任何信息',
  confirm: '保存更正',
  corrected: (name: string) => `已更正 ${name} 的信息，已记入一户一档`,
} as const;

export const planTexts = {
  title: '帮扶计划',
  open: '帮扶计划',
  suggested: '建议的帮扶措施',
  lead: '牵头单位',
  deadline: (days: number) => `办理期限 ${days} 天`,
  reasons: '依据',
  withheld: '暂不安排的措施',
  toVerify: '需核实的情况',
  none: '暂无建议的帮扶措施',
  asOf: (date: string, catalogue: string, version: number) => `按 ${date} 的情况和措施目录 ${catalogue} 第 ${version} 版研判`,
  choose: (name: string) => `选用 ${name}`,
  confirm: '确认帮扶计划',
  confirmed: (n: number) => `已确认第 ${n} 号帮扶计划，任务已派发到各牵头单位`,
  alreadyOpen: (names: string) => `已有办理中的任务：${names}`,
} as const;
