/**
 * What the county bureau and a department read about the delivery of
 * notifications to a department's webhook, in Simplified Chinese.
 */
export const webhookDeliveryMessages = {
  httpStatus: (status: number) => `对方接口返回 HTTP ${status}，未确认接收，稍后自动重试`,
  redirected: (status: number) => `对方接口返回重定向（HTTP ${status}），请将推送地址改为最终接收地址，稍后自动重试`,
  timedOut: (seconds: number) => `对方接口 ${seconds} 秒内未响应，稍后自动重试`,
  unreachable: (reason: string) => `无法连接对方接口（${reason}），稍后自动重试`,
  inProgress: '该消息正在推送中，稍后自动重试',
  channelRemoved: '该部门的推送地址已停用，消息仅保留在站内信中',
} as const;
