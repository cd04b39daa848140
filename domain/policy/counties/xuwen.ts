/**
 * Xuwen 徐闻县 (Guangdong), seed [002]: 徐扶组〔2021〕7号, the scheme for
 * monitoring unstable and marginal households from 2021 to 2025.
 */
import { DEFAULT_CADENCE, DEFAULT_MONTHLY_UPDATE_DAY, DEFAULT_TRIGGER_RULES } from '../defaults.js';
import { xuwenMeasures } from '../../measures/catalogues/xuwen.js';
import type { PolicyProfile } from '../profile.js';

export const xuwenV1: PolicyProfile = {
  id: 'xuwen',
  version: 1,
  countyName: '徐闻县',
  effectiveFrom: '2021-01',
  document: '徐闻县扶贫开发领导小组《关于建立脱贫不稳定人口与边缘易致贫人口防止返贫致贫监测预警和动态帮扶机制的实施方案》（徐扶组〔2021〕7号）',
  sources: ['002'],
  incomeMeasure: 'disposable',
  thresholds: [
    {
      // The 2020 provincial standard is the bottom line of the monitoring scope for the whole
      // scheme (2021–2025): no year's line may be set below it.
      kind: 'floor',
      from: '2021-01',
      to: '2025-12',
      yuanPerPersonYear: 9060,
      comparison: 'below',
      meaning: '2020年广东省相对扶贫脱贫标准，监测范围的底线',
      source: '002',
      quote: '以 2020 年我省相对扶贫脱贫标准（人均可支配收入 9060 元）为底线',
    },
    {
      // The seed gives 9576 in the identification criteria (三、对象界定: “低于…9576 元”) and
      // 9600 only as an example of the rounded figure (四(二): “如…取整数为 9600 元”). The
      // criterion that decides a household is the exact 1.5 × dibao, 9576, compared with 低于.
      kind: 'monitoring',
      from: '2021-01',
      to: '2021-12',
      yuanPerPersonYear: 9576,
      comparison: 'below',
      meaning: '2020年广东省农村四类地区低保标准的1.5倍',
      source: '002',
      quote: '要核查其家庭人均收入是否在当地农村低保标准 1.5 倍以下，即 2020 年家庭人均可支配收入低于我省农村四类地区标准 9576 元',
      note: '文件另有“取整数为 9600 元”的表述；认定按 9576 元执行',
    },
  ],
  // “家庭人均可支配收入计算为上一年12月份至当年当月，预计全年收入。”
  incomeWindow: { kind: 'since_previous_december' },
  // “对有以上任何一项表现的脱贫户，要核查其家庭人均收入是否在…1.5 倍以下”: a trigger, then the line.
  inclusionRule: 'trigger_and_below',
  triggerRules: DEFAULT_TRIGGER_RULES,
  // 1. 农户申报 → 2. 镇、村、帮扶驻村干部核查 (village verification and town visit) → 3. 比对筛查
  // (departments compare) → 4. 确认对象: “由镇农业农村部门确定监测对象” — the town decides, so the
  // town audit is the last step. No public notice is named.
  identificationSteps: ['application', 'village_review', 'department_comparison', 'town_audit'],
  eliminationAllowsNoLabour: false,
  // The measures, departments and rules of this county's own document.
  measureCatalogue: xuwenMeasures,
  monthlyUpdateDay: DEFAULT_MONTHLY_UPDATE_DAY,
  // “镇、村、帮扶单位三级定期开展走访摸排” names no day; “在出现大灾大疫时及时排查” is screening at once,
  // on an event, not a date: the design's monthly visit and update by the 20th.
  cadence: DEFAULT_CADENCE,
};
