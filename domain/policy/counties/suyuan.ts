/**
 * Suyuan 涑源县 (Hebei), seed [004]: 涑巩固拓展〔2022〕9号, the plan for
 * steady income growth, issued 2022-07-07.
 */
import { DEFAULT_MONTHLY_UPDATE_DAY, DEFAULT_PUBLIC_NOTICE_DAYS, DEFAULT_TRIGGER_RULES, DESIGN_IDENTIFICATION_STEPS } from '../defaults.js';
import type { PolicyProfile } from '../profile.js';

export const suyuanV1: PolicyProfile = {
  id: 'suyuan',
  version: 1,
  countyName: '涑源县',
  effectiveFrom: '2022-07',
  document: '涑源县巩固拓展脱贫攻坚成果领导小组《关于促进脱贫人口和防贫监测对象稳定增收工作方案》（涑巩固拓展〔2022〕9号）',
  sources: ['004'],
  incomeMeasure: 'disposable',
  thresholds: [
    {
      kind: 'monitoring',
      from: '2022-01',
      to: '2022-12',
      yuanPerPersonYear: 7300,
      comparison: 'below',
      meaning: '2022年防贫监测标准',
      source: '004',
      quote: '低于监测标准（7300元）',
    },
    {
      kind: 'focus',
      from: '2022-01',
      to: '2022-12',
      yuanPerPersonYear: 12550,
      comparison: 'below',
      meaning: '全国脱贫人口平均收入水平',
      source: '004',
      quote: '收入低于全国脱贫人口平均水平（12550元）',
    },
  ],
  // “2022年度收入以过去的9个月（2021年10月1日至2022年6月30日）已经采集的月收入总和/9*12作为全年预估收入”
  incomeWindow: { kind: 'fixed', from: '2021-10', to: '2022-06', projectsYear: 2022 },
  // The seed is a plan for income growth and sets no inclusion rule: DOMAIN.md §3 applies.
  inclusionRule: 'trigger_and_below',
  triggerRules: DEFAULT_TRIGGER_RULES,
  // “针对收入下降、低于监测标准（7300元）、收入低于全国脱贫人口平均水平（12550元）、收入结构不合理
  // 转移性收入占比过高、整户无劳力且收入较低的脱贫户进行重点分析”.
  // The seed gives no share for “too high” nor a line for “low”: we flag transfer income above
  // half of all income, and a household without labour under the 12550 focus line.
  focusCriteria: {
    source: '004',
    incomeDown: true,
    belowMonitoring: true,
    belowFocusLine: true,
    transferSharePercentAbove: 50,
    noLabourLowIncomeBelow: 'focus',
  },
  // The seed does not describe identification: the design's procedure with a 7-day public notice.
  identificationSteps: DESIGN_IDENTIFICATION_STEPS,
  publicNoticeDays: DEFAULT_PUBLIC_NOTICE_DAYS,
  eliminationAllowsNoLabour: false,
  monthlyUpdateDay: DEFAULT_MONTHLY_UPDATE_DAY,
};
