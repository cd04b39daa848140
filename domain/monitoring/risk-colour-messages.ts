/** The words of risk colours 风险等级. */
import type { RiskColour, RiskCondition } from './risk-colour.js';

export const RISK_COLOUR_NAMES: Record<RiskColour, string> = { green: '绿色（正常）', yellow: '黄色（关注）', red: '红色（高风险）' };

export const RISK_CONDITION_NAMES: Record<RiskCondition, string> = {
  warning_past_clock: '风险预警超过处置时限仍未处置',
  warning_open: '有未处置的风险预警',
  below_line_without_measure: '收入低于监测标准且无帮扶措施',
  below_monitoring_line: '收入低于监测标准',
  below_warning_line: '收入低于预警线',
  overdue_task: '有逾期的帮扶任务',
  overdue_item: '有逾期的月度事项',
};

export const riskColourMessages = {
  notConfigured: '本县政策配置未设置风险等级规则（未配置），暂不能分级，请县乡村振兴局在政策配置中填写',
} as const;
