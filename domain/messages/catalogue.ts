import { cadenceItemKindNames } from '../deadlines/messages.js';
import { taskEventKindNames } from '../measures/task-messages.js';
import { memberEventKindNames } from '../people/messages.js';

/**
 * Every text a county user reads, in Simplified Chinese, in one place.
 * Parameters are filled by the functions, so wording changes here only.
 */
export const messages = {
  notLoggedIn: '请先登录',
  sessionExpired: '登录已过期，请重新登录',
  badCredentials: '用户名或密码不正确',
  forbiddenRole: (action: string, role: string) => `“${role}”不能办理“${action}”`,
  outsideJurisdiction: '该户不在您的管辖范围内',
  responsibleNotFound: '找不到该用户，或该账号已停用',
  responsibleWrongRole: '帮扶责任人须为村干部或乡镇干部（由他们入户走访、更新月度信息）',
  responsibleOutside: '帮扶责任人须为该户所在村或乡镇的干部',
  householdNotFound: '未找到该户',
  notFound: '未找到该记录',
  jurisdictionNotFound: (id: string) => `行政区划 ${id} 不存在`,
  placeMismatch: '所选村民小组、村、乡镇和县不属于同一上下级关系',
  periodInFuture: (period: string) => `${period} 尚未到来，不能提前填报`,
  periodBeforeOpened: (period: string) => `${period} 早于该户建档时间`,
  invalidInput: '填写的内容有误',
  unstorableText: '填写的内容含有无法识别的控制字符（可能是从其他软件复制带入的），请删除后重新填写',
  unstorableData: '提交的内容无法保存（含有不支持的字符或超出范围的数值），请检查后重新填写',
  internalError: '系统内部错误，请稍后重试或联系管理员',
  /** A request refused before any route saw it (malformed JSON, too large, an address no route has), by its status. */
  requestRefused: (status: number): string =>
    ({ 404: '请求的地址不存在', 405: '不支持该请求方式', 413: '提交的内容过大', 415: '提交的内容格式不受支持，请以 JSON 提交', 429: '请求过于频繁，请稍后重试' })[status] ??
    '请求有误，请检查填写的内容后重试',
  temporalUnavailable: '流程服务暂时不可用，请稍后重试',
  systemBusy: '系统繁忙，请稍后重试',
  notDepartmentsHousehold: '本部门没有该户的帮扶任务，不能查看该户信息',
  idempotencyKeyMalformed: '重复提交标识格式不正确，请刷新页面后重试',
  noPolicyProfile: (period: string) => `本县尚未配置 ${period} 适用的监测帮扶政策，请联系县乡村振兴局`,
  malformedPolicyProfile: (id: string, version: number) => `政策配置 ${id} 第${version}版不完整，请联系县乡村振兴局`,
  /** The household is saved but its workflow could not be started yet; it starts when the household is next acted on. */
  householdWorkflowPending: (id: string) => `该户已登记（户编号 ${id}），但流程服务暂时不可用，监测流程将在下次办理该户时自动启动；请勿重复登记`,
  /** The screening is saved but its workflow could not be started yet; it starts when the screening is next opened. */
  screeningWorkflowPending: (id: string) => `排查任务已保存（编号 ${id}），但流程服务暂时不可用，将在下次查看该排查时自动下发；请勿重复部署`,
} as const;

/** The API's description in its OpenAPI document. */
export const apiDocs = { title: 'Shoudi 守底 API', description: '防止返贫动态监测和帮扶' } as const;

/** Names of household event kinds as they appear in the household file 一户一档. */
export const eventKindNames: Record<string, string> = {
  'household.registered': '建档登记',
  'household.imported': '存量数据导入',
  'household.responsible_assigned': '帮扶责任人调整',
  'monthly_update.submitted': '月度信息更新',
  'monthly_update.overdue': '月度信息更新逾期',
  'monthly_visit.overdue': '月度走访逾期',
  'monitoring.visited': '入户走访',
  'monitoring.assessed': '月度收支研判',
  'monitoring.warning_raised': '风险预警',
  'monitoring.elimination_suggested': '建议启动风险消除',
  'monitoring.reentered': '出现新风险，恢复监测',
  'identification.opened': '发现登记（启动认定）',
  'identification.discovery_merged': '重复发现（并入办理中的认定）',
  'identification.application_submitted': '农户申请',
  'identification.application_resubmitted': '补充材料后重新申请',
  'identification.step_approved': '审核通过',
  'identification.returned': '退回补充材料',
  'identification.rejected': '不予认定',
  'identification.approved': '确定为监测对象',
  'identification.notice_started': '公示开始',
  'identification.notice_passed': '公示期满无异议',
  'identification.objection_raised': '公示异议',
  'identification.assessed': '收支测算与研判',
  'elimination.proposed': '村级提出风险消除',
  'elimination.reproposed': '补充材料后重新提出风险消除',
  'elimination.notice_started': '风险消除公示开始',
  'elimination.notice_passed': '风险消除公示期满无异议',
  'elimination.objection_raised': '风险消除公示异议',
  'elimination.step_approved': '风险消除审核通过',
  'elimination.returned': '风险消除退回补充材料',
  'elimination.rejected': '风险消除不予确认',
  'elimination.confirmed': '县级确认风险消除（标注，不删除）',
  'elimination.rolled_back': '风险消除回退，恢复监测',
  'member.added': '家庭成员登记',
  ...taskEventKindNames,
  ...memberEventKindNames,
  'identification.clue_overdue': '超过从发现线索到县级确定的期限（逾期）',
  'comparison.matched': '部门数据比对',
  'comparison.followed_up': '部门比对预警跟进',
  'assistance.marked': '民政低保、特困在册标注（统筹认定）',
  'assistance.mark_ended': '民政低保、特困在册标注结束',
};

export const identificationMessages = {
  noCaseInProgress: '该户目前没有正在办理的认定申请',
  noEliminationInProgress: '该户目前没有正在办理的风险消除',
  notCurrentStep: (step: string, current: string) => `当前环节是“${current}”，不能办理“${step}”`,
  departmentOnlyWarns: '行业部门只能通过“部门预警”渠道提出',
  reasonRequired: '请填写发现情况或申请理由',
  alreadyMonitored: '该户已是监测对象，无需重复认定',
  statementRequired: '请填写申请书内容',
  riskCausesRequired: '请至少选择一项风险类型',
  memberCountInvalid: '家庭人口数应为不小于1的整数',
  decisionInvalid: '审核意见只能是同意、不予认定或退回补充材料',
  opinionRequired: '请填写意见',
  participantsRequired: '村组评议须登记参与人员（村民小组、村“三委”干部、驻村工作队、包村干部）',
  categoryRequired: '认定为监测对象时须选择类别：脱贫不稳定户、边缘易致贫户或突发严重困难户',
  objectionIncomplete: '请填写异议人和异议内容',
} as const;

export const memberMessages = {
  alreadyInHousehold: (town: string, village: string, head: string, sameHousehold: boolean) =>
    sameHousehold ? '此人已是本户成员，无需重复登记' : `此人已登记在${town}${village}户主为“${head}”的家庭中，同一人不能同时在两户`,
  duplicate: '此人已登记在其他家庭中，同一人不能同时在两户',
} as const;

/** Why a citizen identity number 身份证号码 is refused, for the clerk who typed it. */
export const idNumberMessages = {
  empty: '请填写身份证号码',
  fifteenDigits: '这是15位旧版身份证号码，请填写18位身份证号码',
  wrongLength: (length: number) => `身份证号码应为18位，现填写了${length}位`,
  badCharacters: '身份证号码前17位应为数字，最后一位应为数字或字母X',
  birthDateNotExist: (date: string) => `出生日期 ${date} 不存在，请核对第7至14位`,
  birthYearImplausible: (year: number) => `出生年份 ${year} 不合理，请核对第7至10位`,
  birthDateInFuture: (date: string) => `出生日期 ${date} 晚于今天，请核对第7至14位`,
  checkCharacterWrong: '校验位不正确，请核对身份证号码是否填错',
} as const;

export const incomeMessages = {
  lineAmountInvalid: (period: string) => `${period} 的金额应为不小于0的数字`,
  linePeriodInvalid: (period: string) => `月份“${period}”格式不正确，应为 YYYY-MM`,
  projection: (p: { from: string; to: string; months: number; sum: string; projectedFrom: string; projectedTo: string; annual: string }) =>
    `按 ${p.from} 至 ${p.to} 共 ${p.months} 个月已采集的家庭收入合计 ${p.sum} 元，÷ ${p.months} × 12，预计 ${p.projectedFrom} 至 ${p.projectedTo} 全年家庭收入 ${p.annual} 元`,
} as const;

/** Names used in assessment explanations 研判说明. */
export const thresholdKindNames: Record<'monitoring' | 'warning' | 'focus' | 'floor', string> = {
  monitoring: '监测标准',
  warning: '预警线',
  focus: '重点分析线',
  floor: '监测底线',
};

export const incomeMeasureNames: Record<'disposable' | 'net', string> = {
  disposable: '人均可支配收入',
  net: '人均纯收入',
};

export const threatNames: Record<'food' | 'clothing' | 'compulsoryEducation' | 'basicMedical' | 'safeHousing' | 'drinkingWater', string> = {
  food: '吃饭',
  clothing: '穿衣',
  compulsoryEducation: '义务教育',
  basicMedical: '基本医疗',
  safeHousing: '住房安全',
  drinkingWater: '饮水安全',
};

export const spendingKindNames: Record<'medical' | 'schooling' | 'disaster' | 'disability' | 'other', string> = {
  medical: '医疗',
  schooling: '教育',
  disaster: '灾害',
  disability: '残疾',
  other: '其他',
};

export const inclusionRuleNames: Record<'trigger_and_below' | 'trigger_or_below' | 'below_only', string> = {
  trigger_and_below: '存在风险情形且人均收入低于监测标准',
  trigger_or_below: '人均收入低于监测标准，或存在风险情形',
  below_only: '人均收入在监测标准以下',
};

export const assessmentMessages = {
  policy: (county: string, id: string, version: number, from: string) => `适用政策：${county}（政策版本 ${id} v${version}，自 ${from} 起执行）`,
  monthsWithoutRecords: (periods: string) => `以下月份没有收入记录，按 0 元计算，请核实：${periods}`,
  perCapita: (measure: string, annual: string, members: number, perCapita: string) =>
    `家庭共 ${members} 人，${measure} ${annual} ÷ ${members} = ${perCapita} 元`,
  line: (p: { measure: string; perCapita: string; verdict: string; county: string; period: string; lineName: string; line: string; meaning: string; id: string; version: number; note?: string }) =>
    `${p.measure} ${p.perCapita} 元，${p.verdict} ${p.county} ${p.period} ${p.lineName} ${p.line} 元（${p.meaning}${p.note ? `；${p.note}` : ''}；政策版本 ${p.id} v${p.version}）`,
  verdictBelow: '低于',
  verdictNotBelow: '不低于',
  verdictAtOrBelow: '未超过',
  verdictAbove: '高于',
  noMonitoringLine: (county: string, id: string, version: number, period: string) =>
    `${county}政策版本 ${id} v${version} 未设定 ${period} 适用的监测标准，无法按收入判断，请县乡村振兴局补充政策配置`,
  noIncomeWindow: (county: string, id: string, version: number, from: string, to: string, year: number, period: string) =>
    `${county}政策版本 ${id} v${version} 的收入测算期（${from} 至 ${to} 已采集的月收入）只用于测算${year}年度收入，未设定 ${period} 适用的收入测算期，无法按收入判断，请县乡村振兴局补充政策配置`,
  undeterminedNoWindow: (rule: string) => `结论：无法判断是否纳入监测（规则：${rule}；缺少收入测算期）`,
  rigidSpending: (p: { from: string; to: string; spending: string; parts: string; lastYear: string; lastYearPerCapita: string; members: number; percent: number }) =>
    `刚性支出明显超过上年度收入：${p.from} 至 ${p.to} 刚性支出 ${p.spending} 元（${p.parts}），超过上年家庭收入 ${p.lastYear} 元（上年人均 ${p.lastYearPerCapita} 元 × ${p.members} 人）的 ${p.percent}%`,
  incomeDrop: (p: { measure: string; lastYear: string; now: string; percent: string; limit: number }) =>
    `收入大幅缩减：${p.measure}由上年 ${p.lastYear} 元降至 ${p.now} 元，下降 ${p.percent}%，达到 ${p.limit}% 的大幅缩减标准`,
  threats: (names: string) => `“两不愁三保障”及饮水安全受到威胁：${names}`,
  riskCauses: (names: string) => `申报的风险类型：${names}`,
  noTrigger: '未发现风险情形（刚性支出、收入大幅缩减、“两不愁三保障”及饮水安全、风险类型）',
  lastYearMissing: '未提供上年人均收入，无法判断刚性支出和收入缩减情形',
  focusHeading: (items: string) => `重点分析：${items}`,
  focusNone: '重点分析：未发现需重点分析的情形',
  focusIncomeDown: (lastYear: string, now: string) => `收入下降（上年 ${lastYear} 元，今年预计 ${now} 元）`,
  focusBelowLine: (lineName: string, line: string) => `低于${lineName} ${line} 元`,
  focusTransferShare: (percent: string, limit: number) => `转移性收入占比 ${percent}%，超过 ${limit}%`,
  focusTransferNoIncome: '转移性收入占比过高（其他收入合计为负或为零）',
  focusNoLabour: (lineName: string, line: string) => `整户无劳动能力且收入低于${lineName} ${line} 元`,
  eligible: (rule: string) => `结论：符合纳入监测条件（规则：${rule}）`,
  notEligible: (rule: string) => `结论：不符合纳入监测条件（规则：${rule}）`,
  undetermined: (rule: string) => `结论：无法判断是否纳入监测（规则：${rule}；缺少监测标准）`,
  membersRegistered: (n: number) => `按已登记的 ${n} 名家庭成员计算`,
  membersFromSurvey: (n: number) => `该户尚未登记家庭成员，按调查表填报的家庭人口 ${n} 人计算，劳动能力未登记`,
  noProfile: (period: string) => `本县尚未配置 ${period} 适用的监测帮扶政策，无法测算，请联系县乡村振兴局`,
  profileIncomplete: (id: string, version: number) => `政策配置 ${id} 第${version}版缺少监测标准等测算所需内容，无法测算，请联系县乡村振兴局`,
} as const;

/** The monthly re-assessment's signals 预警 and proposals, and the monthly items' refusals. */
export const monitoringMessages = {
  lineAfterPeriod: (line: string, period: string) => `${line} 的收支晚于本次更新的月份 ${period}`,
  memberCountInvalid: '家庭人口数应为不小于1的整数',
  visitDateInvalid: (period: string) => `走访日期应为 ${period} 内的日期（YYYY-MM-DD）`,
  findingsRequired: '请填写走访发现的情况',
  visitDateInFuture: (today: string) => `走访日期不能晚于今天（${today}）`,
  riskCauseUnknown: '风险类型不在规定的类型中',
  visitFoundRisk: (date: string, findings: string) => `${date} 入户走访发现风险：${findings}`,
  belowWarning: (period: string, perCapita: string, line: string, previousLine: string | null) =>
    `${period} 人均收入 ${perCapita} 元，低于预警线 ${line} 元${previousLine !== null ? `（预警线由 ${previousLine} 元调整为 ${line} 元）` : ''}`,
  belowMonitoring: (period: string, perCapita: string, line: string) => `${period} 人均收入 ${perCapita} 元，低于监测标准 ${line} 元`,
  eligibleAgain: (period: string) => `${period} 研判结论：符合纳入监测条件`,
  stillBelow: (period: string) => `${period} 人均收入仍低于监测标准`,
  riskLooksGone: (period: string, perCapita: string, line: string) =>
    `${period} 人均收入 ${perCapita} 元，已高于监测标准 ${line} 元，且无风险情形，建议启动风险消除程序`,
} as const;

/** Items of the deadline register 台账事项, by kind: the cadence's and those raised by events. */
export const dueItemKindNames: Record<string, string> = {
  ...cadenceItemKindNames,
  screening_visit: '突发情况排查走访',
  measure_task: '帮扶措施任务',
  identification_step: '监测识别环节限时办理',
  identification_case: '监测识别全程限时办结',
  elimination_step: '风险消除环节限时办理',
  elimination_case: '风险消除全程限时办结',
  self_report_visit: selfReportItemKindName,
  campaign_check: '专项督查核查',
  campaign_rectification: '专项督查问题整改',
  comparison_follow_up: '部门比对预警跟进',
  identification_clue: '从发现线索到县级确定限时办结',
};

/** Texts of the in-app inbox. */
export const notificationMessages = {
  /** Not in the caller's inbox: someone else's, or none at all (the same answer, so that nobody learns of another's messages). */
  notFound: '未找到该消息',
  overdueTitle: (what: string) => `逾期提醒：${what}`,
  householdItemOverdue: (village: string, head: string, period: string, what: string, due: string) =>
    `${village}户主“${head}”的${period}${what}未在 ${due} 前完成，已逾期，请尽快办理`,
  caseClockOverdue: (village: string, head: string, what: string, due: string) => `${village}户主“${head}”的${what}未在 ${due} 前办结，已逾期，请尽快办理`,
} as const;

/** Risk elimination 风险消除 and its rollback 回退. */
export const eliminationMessages = {
  notMonitored: '只有监测对象才能提出风险消除',
  alreadyInProgress: '该户已有正在办理的风险消除',
  statementRequired: '请填写风险消除的理由（享受的帮扶措施、家庭成员、收入和生活条件的变化）',
  evidenceRequired: '请至少提供一份佐证材料',
  noLabour: '该户无劳动能力，按本县政策不标注风险消除，继续落实兜底保障措施',
  notEliminated: '该户未标注风险消除，无需回退',
  rollbackReasonRequired: '请填写回退理由',
} as const;

/** Immediate screenings 突发情况排查 ordered by the county. */
export const screeningMessages = {
  orderedTitle: '突发情况排查任务',
  overdueTitle: '逾期提醒：突发情况排查',
  ordered: (reason: string, village: string, n: number, due: string) => `因${reason}，请于 ${due} 前完成${village} ${n} 户的入户排查走访`,
  orderedTown: (reason: string, n: number, due: string) => `因${reason}，本镇 ${n} 户须于 ${due} 前完成入户排查走访，请督促各村按时完成`,
  overdue: (reason: string, village: string, n: number, due: string) => `因${reason}开展的排查已于 ${due} 截止，${village}尚有 ${n} 户未走访，已逾期`,
  overdueTown: (reason: string, n: number, due: string) => `因${reason}开展的排查已于 ${due} 截止，本镇尚有 ${n} 户未走访，已逾期`,
  reasonRequired: '请填写排查原因（如灾情、疫情）',
  areaOutside: '排查范围不在您的管辖范围内',
  areaNotFound: '排查范围不存在',
  notFound: '未找到该排查任务',
} as const;

/** The county bureau's and departments' own items of the cadence. */
export const countyItemMessages = {
  overdueTitle: (what: string) => `逾期提醒：${what}`,
  overdue: (period: string, what: string, due: string) => `${period}${what}未在 ${due} 前完成，已逾期，请尽快办理`,
  completeAction: '办结台账事项',
  notYours: '该事项不由您负责，不能办结',
  itemNotOpen: (what: string, period: string) => `${period}${what}尚未开始或不存在`,
  itemDone: (what: string, period: string) => `${period}${what}已办结`,
  summaryRequired: '请填写办理情况',
  cadenceNotStarted: '本县的工作日程尚未启动，请联系县乡村振兴局',
} as const;

import { selfReportItemKindName } from '../self-report/messages.js';
