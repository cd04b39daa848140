/**
 * Xinfeng 新丰县 (Guangdong), seed [003]: 新农组办〔2023〕3号, the 2023 work
 * points, issued 2023-05-08. They apply the Guangdong 2023 work points to the
 * 2023 monitoring year, so this version governs from January 2023.
 */
import { MID_MONTH_DAY } from '../../deadlines/rules.js';
import { DEFAULT_TRIGGER_RULES, DESIGN_IDENTIFICATION_STEPS, DEFAULT_PUBLIC_NOTICE_DAYS, MONTHLY_VISIT, monthlyUpdateItem, PRACTICE_TRIGGER_RULES, PRACTICE_NO_LABOUR } from '../defaults.js';
import { xinfengMeasures } from '../../measures/catalogues/xinfeng.js';
import type { PolicyProfile } from '../profile.js';

export const xinfengV1: PolicyProfile = {
  id: 'xinfeng',
  version: 1,
  countyName: '新丰县',
  effectiveFrom: '2023-01',
  document: '中共新丰县委农村工作领导小组办公室《新丰县2023年防止返贫动态监测和帮扶工作要点》（新农组办〔2023〕3号）',
  sources: ['003'],
  incomeMeasure: 'disposable',
  thresholds: [
    {
      kind: 'monitoring',
      from: '2023-01',
      to: '2023-12',
      yuanPerPersonYear: 10420,
      // 以下 includes the number itself.
      comparison: 'at_or_below',
      meaning: '2023年易返贫致贫人口监测范围',
      source: '003',
      quote: '将脱贫人口（包括原扶贫部门2019年摸查的边缘易致贫户）家庭年人均可支配收入在10420元以下的纳入易返贫致贫人口监测和帮扶范围',
    },
    // No warning line before July: the seed sets warning lines for July–October and November–December only.
    {
      kind: 'warning',
      from: '2023-07',
      to: '2023-10',
      yuanPerPersonYear: 10600,
      comparison: 'below',
      meaning: '2023年7月至10月监测时间段预警线',
      source: '003',
      quote: '对2023年7月至10月监测时间段家庭年人均可支配收入低于10600元…的脱贫人口和监测对象进行预警',
    },
    {
      kind: 'warning',
      from: '2023-11',
      to: '2023-12',
      yuanPerPersonYear: 10800,
      comparison: 'below',
      meaning: '2023年广东省四类地区农村低保标准的1.5倍',
      source: '003',
      quote: '2023年11月至12月监测时间段家庭年人均可支配收入低于10800元(2023年广东省四类地区农村低保标准1.5倍)的脱贫人口和监测对象进行预警',
    },
  ],
  // The seed names no collection window; it follows the other Guangdong seed [002]: from the
  // previous December to the current month, projected over December–November.
  incomeWindow: { kind: 'since_previous_december' },
  // “…10420元以下的纳入…监测和帮扶范围”: the income line alone brings a household into scope.
  inclusionRule: 'below_only',
  triggerRules: DEFAULT_TRIGGER_RULES,
  // The seed does not describe the identification steps; the design's procedure with a
  // 7-day public notice applies (DOMAIN.md §4, §9).
  identificationSteps: DESIGN_IDENTIFICATION_STEPS,
  publicNoticeDays: DEFAULT_PUBLIC_NOTICE_DAYS,
  // “每月20日前”: the 20th itself is still in time. 前 marks the deadline, as in 次月3日前 [001] and
  // 6月30日前 [001]; a county that reads it as “by the 19th” sets `before_day` and monthlyUpdateDay 19.
  readings: [
    {
      subject: 'monthly_update',
      day: 20,
      wording: '每月20日前',
      reading: 'by_end_of_day',
      why: '“20日前”按截至20日当天理解：20日当天录入仍算按时',
      source: '003',
      quote: '每月20日前镇村完成脱贫人口和监测对象基础信息变更、家庭收入支出、政策享受情况等信息',
    },
  ],
  practice: [
    { field: 'incomeWindow', note: '文件未规定收入计算期；按广东省做法（同[002]）自上年12月起算' },
    { field: 'inclusionRule', note: '文件只写收入在10420元以下的纳入监测和帮扶范围；风险情形另由村组评议研判' },
    PRACTICE_TRIGGER_RULES,
    { field: 'categories', note: '文件只提“三类监测对象”，未列名称；按全国通行的三类：脱贫不稳定户、边缘易致贫户、突发严重困难户' },
    { field: 'identificationSteps', note: '文件未描述认定程序；按通行做法：申请、村评议、公示、镇审核、县确定' },
    { field: 'publicNoticeDays', note: '文件未规定公示；按通行做法村级民主评议后公示7天' },
    PRACTICE_NO_LABOUR,
  ],
  eliminationAllowsNoLabour: false,
  // The measures, departments and rules of this county's own document.
  measureCatalogue: xinfengMeasures,
  // “每月20日前镇村完成脱贫人口和监测对象基础信息变更、家庭收入支出、政策享受情况等信息”
  monthlyUpdateDay: 20,
  cadence: [
    // “落实“村每月、镇每季”排查机制，组织各镇（街）、村干部、驻镇帮扶工作队全面入户排查”
    MONTHLY_VISIT,
    { kind: 'town_quarterly_screening', who: 'town', every: 'quarter', rule: { kind: 'day_in_quarter', monthOfQuarter: 3, day: 31, shift: 'none' } },
    // “每月20日前镇村完成…信息，并及时、准确录入广东省乡村振兴综合服务信息平台”
    monthlyUpdateItem(20),
    // “县乡村振兴局每月与民政、教育、医保、残联等部门开展一次数据比对筛查”: no day, so by month end.
    { kind: 'department_data_comparison', who: 'county', every: 'month', rule: { kind: 'day_of_month', day: 31, shift: 'none' } },
    // “县、镇信息员在每季度末导出本地区数据，对重点人群和特殊群体数据予以分析”
    { kind: 'quarter_end_export', who: 'county', every: 'quarter', rule: { kind: 'day_in_quarter', monthOfQuarter: 3, day: 31, shift: 'none' } },
    { kind: 'quarter_end_export', who: 'town', every: 'quarter', rule: { kind: 'day_in_quarter', monthOfQuarter: 3, day: 31, shift: 'none' } },
    // “每季度首月中旬由脱贫劳动力所在镇（街）农办或乡村振兴办负责建立健全脱贫劳动力就业台账…反馈
    // 人社部门开展帮扶”: 中旬 ends on the 20th of January, April, July and October.
    { kind: 'employment_ledger', who: 'town', every: 'quarter', rule: { kind: 'day_in_quarter', monthOfQuarter: 1, day: MID_MONTH_DAY, shift: 'none' } },
    // “每季度最后一个月由县人社局汇总落实脱贫劳动力稳岗就业措施情况统计反馈县乡村振兴局”
    {
      kind: 'hrss_quarter_summary',
      who: 'department',
      department: '人社局',
      every: 'quarter',
      rule: { kind: 'day_in_quarter', monthOfQuarter: 3, day: 31, shift: 'none' },
    },
  ],
};
