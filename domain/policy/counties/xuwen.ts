/**
 * Xuwen 徐闻县 (Guangdong), seed [002]: 徐扶组〔2021〕7号, the scheme for
 * monitoring unstable and marginal households from 2021 to 2025.
 */
import { DEFAULT_CADENCE, DEFAULT_MONTHLY_UPDATE_DAY, DEFAULT_TRIGGER_RULES, PRACTICE_NO_LABOUR } from '../defaults.js';
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
  ],
  yearlyLines: [
    {
      // 四(二): the line of each year 2021–2025 is 1.5 × the previous year's provincial category-4
      // rural dibao, never below the 9060 floor. 三 gives the 2020 figure as the product (“低于…9576
      // 元”), with 低于 for the comparison; 四(二) rounds it to 9600 for the range 监测范围. Seed [003]
      // (新丰县, the same province) gives the 2023 product, 10800. No seed gives 2021's or 2022's or
      // 2024's dibao: the lines of 2022, 2023 and 2025 are missing until the county enters them.
      kind: 'monitoring',
      fromYear: 2021,
      toYear: 2025,
      factor: 1.5,
      inputName: '广东省农村四类地区低保标准',
      floorApplies: true,
      rangeRounding: { toYuan: 100, mode: 'up', reading: '文件仅举一例（9576 元“取整数为 9600 元”），按向上取整到百元理解' },
      comparison: 'below',
      comparisonQuote: '要核查其家庭人均收入是否在当地农村低保标准 1.5 倍以下，即 2020 年家庭人均可支配收入低于我省农村四类地区标准 9576 元',
      meaning: '上一年广东省农村四类地区低保标准的1.5倍',
      source: '002',
      quote: '从 2021 年开始至 2025 年，每年按上一年省公布的四类地区农村低保标准的 1.5 倍以下（如 2020 年四类地区农村低保标准 1.5 倍取整数为 9600 元）的易返贫致贫人口',
      inputs: [
        {
          year: 2020,
          yuan: 9576,
          given: 'product',
          source: '002',
          quote: '即 2020 年家庭人均可支配收入低于我省农村四类地区标准 9576 元',
        },
        {
          year: 2023,
          yuan: 10800,
          given: 'product',
          source: '003',
          quote: '低于10800元(2023年广东省四类地区农村低保标准1.5倍)',
        },
      ],
    },
  ],
  categories: [
    // 三、对象界定 (一) and (二); the seed heads both parts “脱贫不稳定人口界定参考标准”, but (二) describes
    // “农村家庭”, the title's 边缘易致贫人口.
    { category: 'unstable', name: '脱贫不稳定人口', source: '002', quote: '(一) 脱贫不稳定人口界定参考标准' },
    { category: 'marginal', name: '边缘易致贫人口', source: '002', quote: '因病、因残、因灾、因新冠肺炎疫情影响等刚性支出明显超过上年度收入和收入大幅缩减的农村家庭' },
  ],
  procedure: [
    { name: '农户申报', step: 'application', participants: ['农户'], source: '002', quote: '1. 农户申报。' },
    {
      name: '镇、村、帮扶驻村干部核查',
      step: 'village_review',
      participants: ['驻村帮扶干部', '村“两委”干部', '镇干部'],
      does: '驻村帮扶干部及村“两委”干部梳理筛查、分析致贫原因或返贫风险；镇干部走访核实',
      source: '002',
      quote: '驻村帮扶干部及村“两委”干部进行梳理筛查、分析致贫原因或返贫风险，镇干部走访核实',
    },
    { name: '比对筛查', step: 'department_comparison', participants: ['相关行业主管部门'], does: '比对筛查、预警反馈', source: '002', quote: '3. 比对筛查：相关行业主管部门比对筛查预警反馈。' },
    {
      name: '确认对象',
      step: 'town_audit',
      participants: ['镇农业农村部门'],
      does: '确定监测对象、建立帮扶台账，录入广东扶贫信息系统',
      decides: true,
      decidingBody: '镇农业农村部门',
      source: '002',
      quote: '4. 确认对象：由镇农业农村部门确定监测对象、建立帮扶台账，录入广东扶贫信息系统，县扶贫部门实行动态管理。',
    },
  ],
  practice: [
    { field: 'triggerRules', note: '文件只说“刚性支出明显超过上年度收入和收入大幅缩减”，未给数值；按通行做法：刚性支出超过上年收入、收入下降30%' },
    PRACTICE_NO_LABOUR,
    { field: 'monthlyUpdateDay', note: '文件未规定月度信息更新的日期；按通行做法每月20日前' },
    { field: 'monthlyVisit', note: '文件只说“镇、村、帮扶单位三级定期开展走访摸排”，未定频次；按通行做法每月走访' },
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
  eliminationBasis: [
    {
      source: '002',
      quote: '及时掌握监测对象帮扶措施，以及家庭成员、收入、生产生活条件等变化情况，准确判断返贫和致贫风险是否已消除',
    },
  ],
  // The measures, departments and rules of this county's own document.
  measureCatalogue: xuwenMeasures,
  monthlyUpdateDay: DEFAULT_MONTHLY_UPDATE_DAY,
  // “镇、村、帮扶单位三级定期开展走访摸排” names no day; “在出现大灾大疫时及时排查” is screening at once,
  // on an event, not a date: the design's monthly visit and update by the 20th.
  cadence: DEFAULT_CADENCE,
};
