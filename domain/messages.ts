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
  householdNotFound: '未找到该户',
  jurisdictionNotFound: (id: string) => `行政区划 ${id} 不存在`,
  placeMismatch: '所选村民小组、村、乡镇和县不属于同一上下级关系',
  periodInFuture: (period: string) => `${period} 尚未到来，不能提前填报`,
  periodBeforeOpened: (period: string) => `${period} 早于该户建档时间`,
  invalidInput: '填写的内容有误',
  internalError: '系统内部错误，请稍后重试或联系管理员',
  temporalUnavailable: '流程服务暂时不可用，请稍后重试',
  noPolicyProfile: (period: string) => `本县尚未配置 ${period} 适用的监测帮扶政策，请联系县乡村振兴局`,
  malformedPolicyProfile: (id: string, version: number) => `政策配置 ${id} 第${version}版不完整，请联系县乡村振兴局`,
} as const;

/** Names of household event kinds as they appear in the household file 一户一档. */
export const eventKindNames: Record<string, string> = {
  'household.registered': '建档登记',
  'monthly_update.submitted': '月度信息更新',
  'monthly_update.overdue': '月度信息更新逾期',
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
};

export const identificationMessages = {
  noCaseInProgress: '该户目前没有正在办理的认定申请',
  notCurrentStep: (step: string, current: string) => `当前环节是“${current}”，不能办理“${step}”`,
  departmentOnlyWarns: '行业部门只能通过“部门预警”渠道提出',
  reasonRequired: '请填写发现情况或申请理由',
  alreadyMonitored: '该户已是监测对象，无需重复认定',
  statementRequired: '请填写申请书内容',
  riskCausesRequired: '请至少选择一项风险类型',
  memberCountInvalid: '家庭人口数应为不小于1的整数',
  amountInvalid: (period: string) => `${period} 的金额应为不小于0的数字`,
  periodInvalid: (period: string) => `月份“${period}”格式不正确，应为 YYYY-MM`,
  decisionInvalid: '审核意见只能是同意、不予认定或退回补充材料',
  opinionRequired: '请填写意见',
  participantsRequired: '村组评议须登记参与人员（村民小组、村“三委”干部、驻村工作队、包村干部）',
  categoryRequired: '认定为监测对象时须选择类别：脱贫不稳定户、边缘易致贫户或突发严重困难户',
  objectionIncomplete: '请填写异议人和异议内容',
} as const;
