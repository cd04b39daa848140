/**
 * The Simplified Chinese texts of the measure rules and suggestions, in one
 * place. Parameters are filled by the functions, so wording changes here only.
 */
import type { MicrocreditCheck } from './catalogue.js';

export const memberLabel = (name: string, age: number) => `${name}（${age}周岁）`;

export const microcreditCheckNames: Record<MicrocreditCheck, string> = {
  civil_capacity: '具有完全民事行为能力',
  willing: '有贷款意愿',
  potential: '有就业创业潜质',
  project: '有发展项目',
  skills: '有技能素质',
  repayment: '有一定还款能力',
  good_conduct: '遵纪守法、诚实守信，无不良信用记录和不良行为记录',
};

export const pensionMessages = {
  eligible: (who: string, min: number, max: number) =>
    `${who}年满${min}周岁且不满${max}周岁，不是在校生或现役军人：全额资助参加城乡居民基本养老保险`,
  tooYoung: (who: string, min: number) => `${who}未满${min}周岁，不在养老保险代缴范围`,
  tooOld: (who: string, max: number) => `${who}已满${max}周岁，不在养老保险代缴范围`,
  student: (who: string) => `${who}是在校生，不在养老保险代缴范围`,
  military: (who: string) => `${who}是现役军人，不在养老保险代缴范围`,
} as const;

const ageTermSum = (age: number, term: number) => `年龄 ${age} 周岁 + 贷款期限 ${term} 年 = ${age + term}`;

export const microcreditMessages = {
  ageWithin: (who: string, min: number, max: number) => `${who}年龄在${min}至${max}周岁之间`,
  ageOutside: (who: string, min: number, max: number) => `${who}年龄不在${min}至${max}周岁之间，不能新申请小额信贷`,
  termWithin: (age: number, term: number, limit: number) => `${ageTermSum(age, term)}，不超过 ${limit} 周岁`,
  termTooLong: (age: number, term: number, limit: number, maxTerm: number) =>
    `${ageTermSum(age, term)}，超过 ${limit} 周岁${maxTerm >= 1 ? `；贷款期限最长 ${maxTerm} 年` : ''}`,
  noTermPossible: (age: number, limit: number) => `年龄已满 ${age} 周岁，任何贷款期限都会使年龄与期限之和超过 ${limit} 周岁`,
  termUnknown: (limit: number, maxTerm: number) => `贷款期限未定：年龄与期限之和不超过 ${limit} 周岁，期限最长 ${maxTerm} 年`,
  noLabour: (who: string) => `${who}不是有劳动能力的成员，小额信贷面向有劳动能力的监测对象`,
  unmet: (items: string) => `不符合：${items}`,
  unknown: (items: string) => `待镇村核实：${items}`,
  mayApply: '可以向银行申请脱贫人口小额信贷（全额贴息）；是否放贷由银行综合评估后自主决定',
  needsInformation: '核实上述情况后可以向银行申请；是否放贷由银行综合评估后自主决定',
  cannotApply: '目前不符合新申请小额信贷的条件',
} as const;

export const medicalMessages = {
  above: (who: string, year: number, amount: string, line: string) =>
    `${who}${year}年个人自付医疗费用 ${amount} 元，超过 ${line} 元：每年12月中旬核算后给予额外救助`,
  notAbove: (who: string, year: number, amount: string, line: string) =>
    `${who}${year}年个人自付医疗费用 ${amount} 元，未超过 ${line} 元，不属于额外救助范围`,
  unknown: (who: string, year: number) => `${who}${year}年个人自付医疗费用未填报，12月中旬核算时核实`,
  notInForce: (year: number, line: string, from: number, to: number) =>
    `个人自付费用超过 ${line} 元的额外救助适用于${from}年至${to}年，${year}年不适用`,
  insurance: '全额资助参加城乡居民基本医疗保险，纳入大病救助范围，做到应保尽保',
  chronic: (who: string) => `${who}患慢性病：落实慢性特殊疾病门诊、住院报销`,
} as const;

export const housingMessages = {
  rebuild: (grade: string) => `唯一住房鉴定为${grade}级危房：按危房改造政策改建`,
  reinforce: (grade: string) => `唯一住房鉴定为${grade}级危房：按危房改造政策加固维修`,
  appraise: '疑似危房尚未鉴定：进行危房鉴定',
  soleUnknown: (grade: string) => `住房鉴定为${grade}级，是否唯一住房未填报，须核实后确定是否纳入危房改造`,
  notSole: (grade: string) => `住房鉴定为${grade}级，但不是唯一住房，不纳入危房改造`,
  safe: (grade: string) => `住房鉴定为${grade}级，无需改造`,
  notAppraised: '住房未鉴定，也未报疑似危房',
  unknown: '住房安全情况未填报，须核实',
} as const;

export const educationMessages = {
  outOfSchool: (who: string, from: number, to: number) =>
    `${who}处于义务教育适龄阶段（${from}至${to}周岁），失学辍学：落实控辍保学，劝返复学`,
  exempt: (who: string) => `${who}处于义务教育适龄阶段，因身体原因不具备学习条件，不属于控辍保学劝返范围`,
  inSchool: (who: string) => `${who}在校就读`,
  completed: (who: string) => `${who}已完成义务教育`,
  notCompulsoryAge: (who: string, from: number, to: number) => `${who}不在义务教育适龄阶段（${from}至${to}周岁）`,
  unknown: (who: string) => `${who}处于义务教育适龄阶段，就学情况未填报，须核实`,
  aid: (who: string) => `${who}在校就读：落实教育资助政策`,
} as const;

export const employmentMessages = {
  noPlan: (who: string) => `${who}尚未建立“一人一案”就业帮扶计划`,
  guidanceShort: (who: string, done: number, required: number) => `${who}已提供就业指导 ${done} 次，至少须 ${required} 次`,
  trainingShort: (who: string, done: number, required: number) => `${who}已提供就业培训 ${done} 次，至少须 ${required} 次`,
  offersShort: (who: string, done: number, required: number) => `${who}已推送岗位信息 ${done} 个，按1:${required}须提供 ${required} 个`,
  employed: (who: string) => `${who}已在岗就业，无须推送岗位信息，做好稳岗服务`,
  complete: (who: string) => `${who}的“一人一案”已落实：就业指导、就业培训和岗位信息均已达到要求`,
  planFor: (who: string, guidance: number, training: number, offers: number) =>
    `${who}有劳动能力：落实“一人一案”` +
    (guidance > 0 || training > 0 ? `，至少提供 ${guidance} 次就业指导、${training} 次就业培训` : '') +
    (offers > 0 ? `，未就业的提供1:${offers}岗位信息` : ''),
  allComplete: '所有有劳动能力成员的“一人一案”均已落实',
  noCapableMember: '家庭没有有劳动能力的成员，无须建立“一人一案”',
  publicWelfarePost: (names: string) => `弱劳力、半劳力（${names}）可通过公益性岗位、劳务合作社等托底安置就业`,
} as const;

export const labourMessages = {
  capable: (names: string) => `有劳动能力的成员：${names}，以开发式帮扶为主（发展产业、转移就业）`,
  weakOnly: (names: string) => `家庭没有有劳动能力的成员，只有弱劳力、半劳力（${names}）：落实兜底保障`,
  none: '整户无劳动能力：落实低保、特困人员救助供养、临时救助等兜底保障',
  withheldNone: '整户无劳动能力，不安排开发式帮扶措施，转为兜底保障',
  withheldWeak: '家庭没有有劳动能力的成员，不安排此项开发式帮扶措施',
} as const;

export const suggestionMessages = {
  riskCauses: (causes: string) => `风险类型：${causes}`,
  severeDisability: (who: string, grade: string) => `${who}为${grade}级残疾：符合条件的可参照“单人户”纳入低保，落实残疾人两项补贴`,
  waterUnsafe: '饮用水不安全：落实安全卫生的生活饮用水',
  waterNotTested: '饮用水尚未经县级及以上检测部门检测：检测水质',
  waterUnknown: '饮水安全情况未填报，须核实',
  microcreditNobody: '家庭成员均不符合新申请小额信贷的年龄或劳动能力条件',
} as const;
