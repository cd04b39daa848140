/**
 * Boluo 博罗县 (Guangdong), seed [000]: 博乡振组〔2022〕5号, the plan for
 * assistance by category in the 14th five-year period, issued 2022-03-09.
 * The seed sets no income line: until the county adds one in a new version,
 * an assessment here reports that no monitoring line is in force.
 */
import { MID_MONTH_DAY } from '../../deadlines/rules.js';
import { DEFAULT_CADENCE, DEFAULT_MONTHLY_UPDATE_DAY, DEFAULT_PUBLIC_NOTICE_DAYS, DEFAULT_TRIGGER_RULES, DESIGN_IDENTIFICATION_STEPS, PRACTICE_TRIGGER_RULES, PRACTICE_NO_LABOUR } from '../defaults.js';
import { boluoMeasures } from '../../measures/catalogues/boluo.js';
import type { PolicyProfile } from '../profile.js';

export const boluoV1: PolicyProfile = {
  id: 'boluo',
  version: 1,
  countyName: '博罗县',
  effectiveFrom: '2022-03',
  document: '博罗县委实施乡村振兴战略领导小组《博罗县“十四五”时期脱贫人口监测对象分类帮扶工作方案》（博乡振组〔2022〕5号）',
  sources: ['000'],
  incomeMeasure: 'disposable',
  thresholds: [],
  // Silent in the seed; Guangdong practice as in [002].
  incomeWindow: { kind: 'since_previous_december' },
  inclusionRule: 'trigger_and_below',
  triggerRules: DEFAULT_TRIGGER_RULES,
  // “经县政府审批认定的三类监测对象”, “以村为监测主体、镇…抓落实、县负总责”: village, town and
  // county all take part and the county decides — the design's procedure with a 7-day public notice.
  identificationSteps: DESIGN_IDENTIFICATION_STEPS,
  publicNoticeDays: DEFAULT_PUBLIC_NOTICE_DAYS,
  procedure: [
    { name: '农户申请', step: 'application', participants: ['农户', '村“两委”干部'], source: null, quote: '文件未描述申请；按通行做法由农户申请或村干部走访发现' },
    { name: '村级监测', step: 'village_review', participants: ['村“两委”干部', '驻镇帮镇扶村工作队'], source: '000', quote: '建立以村为监测主体、镇（街道、管委会）抓落实、县负总责的防止返贫动态监测和帮扶工作责任制' },
    { name: '公示', step: 'public_notice', participants: ['村委会'], source: null, quote: '文件未规定公示；按通行做法公示7天' },
    { name: '镇审核', step: 'town_audit', participants: ['镇（街道、管委会）'], source: '000', quote: '镇（街道、管委会）抓落实' },
    { name: '县政府审批认定', step: 'county_decision', participants: ['县政府', '县乡村振兴局'], decides: true, decidingBody: '县政府', source: '000', quote: '经县政府审批认定的三类监测对象' },
  ],
  practice: [
    { field: 'thresholds', note: '文件未给出监测标准，请县里录入' },
    { field: 'incomeWindow', note: '文件未规定收入计算期；按广东省做法（同[002]）自上年12月起算' },
    PRACTICE_TRIGGER_RULES,
    { field: 'categories', note: '文件未列出监测对象类别的名称；按全国通行的三类：脱贫不稳定户、边缘易致贫户、突发严重困难户' },
    { field: 'identificationSteps', note: '文件只写“经县政府审批认定”和“以村为监测主体、镇…抓落实、县负总责”，未列程序；按通行做法：申请、村评议、公示、镇审核、县确定' },
    { field: 'publicNoticeDays', note: '文件未规定公示；按通行做法村级民主评议后公示7天' },
    PRACTICE_NO_LABOUR,
    { field: 'monthlyUpdateDay', note: '文件未规定月度信息更新的日期；按通行做法每月20日前' },
    { field: 'monthlyVisit', note: '文件只说“定期开展走访摸排”，未定频次；按通行做法每月走访' },
  ],
  eliminationAllowsNoLabour: false,
  // The measures, departments and rules of this county's own document.
  measureCatalogue: boluoMeasures,
  monthlyUpdateDay: DEFAULT_MONTHLY_UPDATE_DAY,
  cadence: [
    // “各镇（街道、管委会）及村要做好日常监测预警、定期开展走访摸排，按时上报人员名单”: periodic,
    // with no day: the design's monthly visit and update by the 20th.
    ...DEFAULT_CADENCE,
    // “在巩固期间（2021 年—2025 年）每年 12 月中旬核算脱贫人口就医数据，对个人自付费用超过 1 万元的
    // 脱贫人口实行额外救助”, led by 县医保局: 中旬 ends on the 20th; the five years only.
    {
      kind: 'medical_tally',
      who: 'department',
      department: '医保局',
      every: 'year',
      rule: { kind: 'date_in_year', month: 12, day: MID_MONTH_DAY, shift: 'none' },
      from: '2021-01',
      to: '2025-12',
    },
  ],
};
