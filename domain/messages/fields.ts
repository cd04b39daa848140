/**
 * What a clerk reads when a form is refused: the name of each field the API
 * takes, the names of the values a choice offers, and what is wrong in words.
 * A field is looked up by its key in the context of its parent first
 * (`income.kind` 收入类型), then by its key alone (`kind` 类型).
 */
import { cadenceItemKindNames } from '../deadlines/messages.js';
import { DECISION_NAMES, RISK_CAUSE_NAMES, STEP_NAMES } from '../identification/steps.js';
import type { MemberLabourAbility } from '../people/labour.js';
import { handBackReasonNames, relationNames, taskStatusNames } from '../measures/task-messages.js';
import { PLAN_CHANGE_NAMES } from '../measures/plan-changes.js';
import { MOVEMENT_NAMES } from '../supervision/movements.js';
import { reportSectionNames } from '../town/messages.js';
import { spendingKindNames, threatNames } from './catalogue.js';
import { memberFactFieldLabels, memberFactValueNames } from '../people/messages.js';
import { PLACE_LEVEL_NAMES } from '../administration/messages.js';
import { ROLE_NAMES } from '../access/roles.js';
import { comparisonMessages } from '../comparison/messages.js';

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // Places and people
  id: '户编号',
  householdId: '户编号',
  townId: '乡镇',
  villageId: '村',
  groupId: '村民小组',
  areaId: '排查范围',
  departmentId: '承办部门',
  userId: '帮扶责任人',
  responsibleUserId: '帮扶责任人',
  screeningId: '排查编号',
  address: '住址',
  headName: '户主姓名',
  name: '姓名',
  idNumber: '身份证号码',
  category: '类别',
  channel: '发现渠道',
  stage: '所处阶段',
  focus: '重点分析标记',
  joint: '民政统筹认定',
  riskColour: '风险等级',
  relation: '与户主关系',
  labourAbility: '劳动能力',
  isStudent: '是否在校学生',
  isActiveMilitary: '是否现役军人',
  disabilityGrade: '残疾等级',
  chronicIllness: '是否患慢性病',
  username: '用户名',
  password: '密码',
  // Identification, elimination, monitoring
  reason: '理由',
  statement: '情况陈述',
  phone: '联系电话',
  consent: '承诺授权',
  receiptNo: '回执号',
  challengeId: '验证算式',
  challengeAnswer: '算式答案',
  villageCode: '申报码',
  visitNote: '入户核实情况',
  riskCauses: '风险类型',
  risksFound: '发现的风险类型',
  survey: '入户调查表',
  memberCount: '家庭人口数',
  income: '收入',
  spending: '支出',
  'income.kind': '收入类型',
  'spending.kind': '支出类型',
  yuan: '金额',
  rigid: '是否刚性支出',
  lastYearIncomePerCapita: '上年人均收入',
  threats: '“两不愁三保障”及饮水安全',
  ...threatNames,
  evidence: '佐证材料',
  documents: '佐证材料',
  title: '材料名称',
  reference: '材料编号或链接',
  step: '办理环节',
  decision: '审核意见',
  opinion: '意见',
  participants: '参与人员',
  objector: '异议人',
  content: '异议内容',
  period: '月份',
  periodKey: '期次',
  note: '备注',
  memberChanges: '家庭成员变化情况',
  policiesEnjoyed: '享受的政策',
  visitedOn: '走访日期',
  findings: '走访发现的情况',
  // Plans and tasks
  measures: '帮扶措施',
  code: '措施编码',
  measure: '帮扶措施',
  measureName: '帮扶措施名称',
  changes: '对建议措施的调整',
  deadlineDays: '办理期限',
  required: '是否必要措施',
  key: '任务编号',
  status: '状态',
  dueFrom: '截止日期（起）',
  dueTo: '截止日期（止）',
  text: '说明',
  whatWasDone: '落实的措施',
  amountYuan: '金额（元）',
  date: '办结日期',
  // Towns, the county, the register, screenings
  kind: '事项类型',
  summary: '办理情况',
  corrections: '更正',
  section: '名单类别',
  change: '更正方式',
  state: '办理状态',
  minOverdueDays: '逾期天数',
  unread: '只看未读',
  maxOverdueDays: '逾期天数上限',
  riskCause: '风险类型',
  movement: '变动类型',
  by: '统计口径',
  source: '督查范围',
  dueDays: '排查期限',
  limit: '每页条数',
  offset: '起始位置',
  ...memberFactFieldLabels,
  sort: '排序',
  noTown: '仅县级事项',
  noDepartment: '仅未指定部门的事项',
  keys: '所选任务',
  filters: '筛选条件',
  // Administration (places, people, departments and channels)
  divisionCode: '区划代码',
  countyName: '县名称',
  cityName: '所属市名称',
  provinceName: '所属省名称',
  profileId: '政策模板',
  bureauUsername: '县乡村振兴局管理员用户名',
  bureauDisplayName: '县乡村振兴局管理员姓名',
  bureauPassword: '初始密码',
  parentId: '上级地区',
  level: '层级',
  placeName: '地区名称',
  displayName: '姓名',
  role: '角色',
  jurisdictionId: '所在地区',
  currentPassword: '当前密码',
  newPassword: '新密码',
  url: '推送地址',
  secret: '签名密钥',
  departmentCode: '部门代码',
  departmentName: '部门名称',
  all: '含已撤销',
};

export const HOUSEHOLD_CATEGORY_NAMES: Record<'lifted_out' | 'unstable' | 'marginal' | 'sudden_hardship', string> = {
  lifted_out: '脱贫户',
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden_hardship: '突发严重困难户',
};

export const DISCOVERY_CHANNEL_NAMES: Record<'application' | 'cadre_visit' | 'department_warning', string> = {
  application: '农户自主申请',
  cadre_visit: '干部走访排查',
  department_warning: '部门筛查预警',
};

export const HOUSEHOLD_STAGE_NAMES: Record<'registered' | 'identifying' | 'monitoring' | 'eliminated' | 'not_included', string> = {
  registered: '已建档',
  identifying: '认定中',
  monitoring: '监测对象',
  eliminated: '风险已消除',
  not_included: '未纳入监测',
};

export const INCOME_KIND_NAMES: Record<'wages' | 'production_net' | 'property' | 'transfer', string> = {
  wages: '工资性收入',
  production_net: '生产经营净收入',
  property: '财产性收入',
  transfer: '转移性收入',
};

export const LABOUR_ABILITY_NAMES: Record<MemberLabourAbility, string> = {
  capable: '有劳动能力',
  weak: '弱劳力',
  partial: '半劳力',
  none: '无劳动能力',
};

/** The values of a choice, by the field that offers them (same lookup as the labels). */
export const VALUE_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  category: HOUSEHOLD_CATEGORY_NAMES,
  channel: DISCOVERY_CHANNEL_NAMES,
  stage: HOUSEHOLD_STAGE_NAMES,
  riskCauses: RISK_CAUSE_NAMES,
  riskCause: RISK_CAUSE_NAMES,
  movement: MOVEMENT_NAMES,
  risksFound: RISK_CAUSE_NAMES,
  step: STEP_NAMES,
  decision: DECISION_NAMES,
  relation: relationNames,
  labourAbility: LABOUR_ABILITY_NAMES,
  disabilityGrade: { '1': '一级', '2': '二级', '3': '三级', '4': '四级' },
  'income.kind': INCOME_KIND_NAMES,
  'spending.kind': spendingKindNames,
  kind: cadenceItemKindNames,
  status: { ...taskStatusNames, open: '未办结', overdue: '已逾期' },
  state: { open: '待办', overdue: '已逾期', done: '已办结' },
  reason: handBackReasonNames,
  section: reportSectionNames,
  change: { add: '补列', remove: '删除' },
  'changes.change': PLAN_CHANGE_NAMES,
  ...memberFactValueNames,
  level: PLACE_LEVEL_NAMES,
  role: ROLE_NAMES,
  joint: comparisonMessages.joint.filterNames,
};

/** What is wrong with a field, in words; `field` is its name from FIELD_LABELS. */
export const validationMessages = {
  refused: '填写的内容有误',
  /** The name of a field no label names: never its key. */
  unnamedField: '填写的内容',
  /** How a message that asks for what is missing begins: it names the field itself. */
  requestPrefix: '请',
  item: (n: number) => `第${n}项`,
  required: (field: string) => `请填写${field}`,
  chooseOne: (field: string) => `请选择${field}`,
  notANumber: (field: string) => `${field}应为数字`,
  notAWholeNumber: (field: string) => `${field}应为整数`,
  notYesNo: (field: string) => `${field}应为“是”或“否”`,
  notAList: (field: string) => `${field}应为一组内容`,
  malformed: (field: string) => `${field}格式不正确`,
  notAChoice: (field: string, names: readonly string[]) => (names.length > 0 ? `${field}不在可选范围内：${names.join('、')}` : `${field}不在可选范围内`),
  tooShort: (field: string, min: number) => `${field}至少${min}个字`,
  tooLong: (field: string, max: number) => `${field}不能超过${max}个字`,
  tooSmall: (field: string, min: number) => `${field}至少为${min}`,
  tooLarge: (field: string, max: number) => `${field}最多为${max}`,
  tooFew: (field: string, min: number) => (min === 1 ? `请至少填写一项${field}` : `${field}至少${min}项`),
  tooMany: (field: string, max: number) => `${field}最多${max}项`,
  unexpected: (fields: readonly string[]) => `不能填写：${fields.join('、')}`,
  /** A field within a list or a group: `收入第2项：金额不能为负数`. */
  within: (where: string, what: string) => `${where}：${what}`,
  summary: (parts: readonly string[]) => `填写的内容有误：${parts.join('；')}`,
  // Formats the API states itself
  monthFormat: '月份格式应为 YYYY-MM',
  monthTooEarly: (earliest: string) => `月份不能早于 ${earliest}`,
  dateFormatOf: (field: string) => `${field}格式应为 YYYY-MM-DD`,
  dateNotExist: (date: string) => `日期 ${date} 不存在`,
  periodKeyFormat: '期次格式应为 YYYY、YYYY-MM 或 YYYY-Qn',
  idNumberFormat: '身份证号码应为18位，前17位为数字，最后一位为数字或字母X',
  amountNegative: '金额不能为负数',
  amountBeyondFen: '金额最多保留两位小数（到分）',
  wagesNegative: '工资性收入和转移性收入不能为负数',
  dueDaysRange: (min: number, max: number) => `排查期限应为${min}至${max}天`,
} as const;
