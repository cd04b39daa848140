/**
 * Suyuan 涑源县 (Hebei), seed [004]: 涑巩固拓展〔2022〕9号, the plan for
 * steady income growth, issued 2022-07-07.
 */
import { MID_MONTH_DAY } from '../../deadlines/rules.js';
import { DEFAULT_MONTHLY_UPDATE_DAY, DEFAULT_PUBLIC_NOTICE_DAYS, DEFAULT_TRIGGER_RULES, DESIGN_IDENTIFICATION_STEPS, MONTHLY_VISIT, monthlyUpdateItem, PRACTICE_TRIGGER_RULES, PRACTICE_NO_LABOUR } from '../defaults.js';
import { suyuanMeasures } from '../../measures/catalogues/suyuan.js';
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
  // The seed gives no share for “占比过高”: it is missing (the flag is not judged) until the county
  // enters one, and the policy page asks for it. It gives no line for “收入较低” either: a household
  // without labour is flagged under the 12550 focus line.
  focusCriteria: {
    source: '004',
    incomeDown: true,
    belowMonitoring: true,
    belowFocusLine: true,
    noLabourLowIncomeBelow: 'focus',
  },
  // The seed does not describe identification: the design's procedure with a 7-day public notice.
  identificationSteps: DESIGN_IDENTIFICATION_STEPS,
  publicNoticeDays: DEFAULT_PUBLIC_NOTICE_DAYS,
  practice: [
    { field: 'inclusionRule', note: '文件为增收工作方案，未规定纳入条件；按通行做法：风险情形且收入低于监测标准' },
    PRACTICE_TRIGGER_RULES,
    { field: 'categories', note: '文件只说“防贫监测对象”，未分类别；按全国通行的三类：脱贫不稳定户、边缘易致贫户、突发严重困难户' },
    { field: 'identificationSteps', note: '文件未描述认定程序；按通行做法：申请、村评议、公示、镇审核、县确定' },
    { field: 'publicNoticeDays', note: '文件未规定公示；按通行做法村级民主评议后公示7天' },
    PRACTICE_NO_LABOUR,
    { field: 'monthlyUpdateDay', note: '文件未规定月度信息更新的日期；按通行做法每月20日前' },
  ],
  eliminationAllowsNoLabour: false,
  // The measures, departments and rules of this county's own document.
  measureCatalogue: suyuanMeasures,
  monthlyUpdateDay: DEFAULT_MONTHLY_UPDATE_DAY,
  cadence: [
    // “结合我县印发的《关于对全部脱贫户和防止返贫监测对象开展月走访服务工作的通知》要求…逐户填写
    // 《走访服务信息采集表》”: a visit every month, no day named.
    MONTHLY_VISIT,
    // “各乡镇要坚持按月边排查边落实帮扶措施” names no day: the design's update by the 20th.
    monthlyUpdateItem(DEFAULT_MONTHLY_UPDATE_DAY),
    // “9月中旬前，各乡镇和相关部门将落实情况包括落实帮扶措施的户数、帮扶措施具体数量等工作情况上报
    // 领导小组办公室”: by the end of 中旬 (the 20th), once, in the plan's year.
    { kind: 'assistance_count_report', who: 'town', every: 'year', rule: { kind: 'date_in_year', month: 9, day: MID_MONTH_DAY, shift: 'none' }, from: '2022-01', to: '2022-12' },
    { kind: 'assistance_count_report', who: 'department', every: 'year', rule: { kind: 'date_in_year', month: 9, day: MID_MONTH_DAY, shift: 'none' }, from: '2022-01', to: '2022-12' },
  ],
};
