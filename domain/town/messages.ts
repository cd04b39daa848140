/**
 * What town officers and the county read about the town's items: the monthly
 * report of risk and risk-eliminated households, the quarterly screening, the
 * employment ledger; in Simplified Chinese.
 */
import { cadenceItemKindNames } from '../deadlines/messages.js';
import type { DueItemKind } from '../deadlines/cadence.js';
import type { CorrectionProblem, NewRiskHow, ReportSection } from './report.js';

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

export const reportSectionNames: Record<ReportSection, string> = {
  monitoring: '风险户（监测对象）',
  newRisk: '当月新增风险户',
  eliminated: '当月风险消除户',
};

export const newRiskHowNames: Record<NewRiskHow, string> = {
  identified: '新识别纳入监测',
  reentered: '出现新风险恢复监测',
  rolled_back: '风险消除回退',
  corrected: '乡镇更正补列',
};

/** `2026年11月`, `2026年第四季度`, `2026年度` from a register period key; the key itself when it has none of these shapes. */
export function periodKeyName(periodKey: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(periodKey);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(periodKey);
  if (quarter) return `${quarter[1]}年第${QUARTER_NAMES[Number(quarter[2]) - 1]}季度`;
  return /^\d{4}$/.test(periodKey) ? `${periodKey}年度` : periodKey;
}

export function townItemName(kind: string): string {
  return cadenceItemKindNames[kind as DueItemKind] ?? kind;
}

export const townMessages = {
  submitReportAction: '上报月度风险户和风险消除户',
  completeItemAction: '办结乡镇事项',
  notOwnTown: '只能办理本乡镇的事项',
  townNotFound: '未找到该乡镇',
  outsideJurisdiction: '该乡镇不在您的管辖范围内',
  cadenceNotStarted: '该乡镇的工作日程尚未启动，请联系县乡村振兴局',
  periodInvalid: '月份格式应为 YYYY-MM',
  periodKeyInvalid: '期次格式应为 YYYY-MM（月）、YYYY-Qn（季度）或 YYYY（年度）',
  reportNotGenerated: (periodKey: string) => `${periodKeyName(periodKey)}的风险户和风险消除户报告尚未生成（每月初生成上月报告草稿）`,
  reportAlreadySubmitted: (periodKey: string) => `${periodKeyName(periodKey)}的报告已上报，上报后不能更改`,
  reportBeingSubmitted: (periodKey: string) => `${periodKeyName(periodKey)}的报告正在上报，请稍后刷新查看`,
  noteTooLong: (max: number) => `备注不能超过${max}字`,
  tooManyCorrections: (max: number) => `一次最多更正${max}户`,
  sectionUnknown: '更正的名单类别有误',
  changeUnknown: '更正方式应为“补列”或“删除”',
  householdIdInvalid: '户编号格式不正确',
  correction: (problem: CorrectionProblem): string => {
    switch (problem.kind) {
      case 'duplicate':
        return `户编号 ${problem.householdId} 在“${reportSectionNames[problem.section]}”中更正了两次`;
      case 'reason_required':
        return `请填写户编号 ${problem.householdId} 的更正理由`;
      case 'not_listed':
        return `户编号 ${problem.householdId} 不在“${reportSectionNames[problem.section]}”名单中，无法删除`;
      case 'already_listed':
        return `户编号 ${problem.householdId} 已在“${reportSectionNames[problem.section]}”名单中，无需补列`;
      case 'not_in_town':
        return `户编号 ${problem.householdId} 不是本乡镇的农户`;
    }
  },
  useReportSubmit: '月度风险户和风险消除户报告请核对草稿后通过“上报”办理',
  itemNotOpen: (kind: string, periodKey: string) => `本乡镇没有待办的${periodKeyName(periodKey)}${townItemName(kind)}`,
  itemAlreadyDone: (kind: string, periodKey: string) => `${periodKeyName(periodKey)}${townItemName(kind)}已办结`,
  itemBeingDone: (kind: string, periodKey: string) => `${periodKeyName(periodKey)}${townItemName(kind)}正在办理，请稍后刷新查看`,
  summaryRequired: '请填写办理情况',
  summaryTooLong: (max: number) => `办理情况不能超过${max}字`,
  kindUnknown: '事项类别有误',
  overdueTitle: (what: string) => `逾期提醒：${what}`,
  townItemOverdue: (town: string, periodKey: string, what: string, due: string) =>
    `${town}${periodKeyName(periodKey)}${what}未在 ${due} 前完成，已逾期，请尽快办理`,
  drawReportAction: '生成月度风险户和风险消除户报告草稿',
  monthNotEnded: (periodKey: string) => `${periodKeyName(periodKey)}尚未结束，月末后才能生成该月报告`,
  monthTooOld: (periodKey: string, months: number) => `${periodKeyName(periodKey)}已超过${months}个月，不能再生成报告草稿`,
  noReportThatMonth: (periodKey: string) => `县里的工作节奏中没有${periodKeyName(periodKey)}的乡镇月度报告`,
  reportBeingDrawn: (periodKey: string) => `${periodKeyName(periodKey)}的报告草稿正在生成，请稍后刷新查看`,
} as const;
