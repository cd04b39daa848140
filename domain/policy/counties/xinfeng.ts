/**
 * Xinfeng 新丰县 (Guangdong), seed [003]: 新农组办〔2023〕3号, the 2023 work
 * points, issued 2023-05-08. They apply the Guangdong 2023 work points to the
 * 2023 monitoring year, so this version governs from January 2023.
 */
import { DEFAULT_TRIGGER_RULES, DESIGN_IDENTIFICATION_STEPS, DEFAULT_PUBLIC_NOTICE_DAYS } from '../defaults.js';
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
  eliminationAllowsNoLabour: false,
  // “每月20日前镇村完成脱贫人口和监测对象基础信息变更、家庭收入支出、政策享受情况等信息”
  monthlyUpdateDay: 20,
};
