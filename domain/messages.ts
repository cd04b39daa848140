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
} as const;

/** Names of household event kinds as they appear in the household file 一户一档. */
export const eventKindNames: Record<string, string> = {
  'household.registered': '建档登记',
  'monthly_update.submitted': '月度信息更新',
  'monthly_update.overdue': '月度信息更新逾期',
};
