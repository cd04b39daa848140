/**
 * Mile 弥勒市 (Yunnan), seed [001]: 弥勒市扶贫开发领导小组《关于健全完善防止返贫致贫
 * 监测和帮扶机制巩固脱贫成果的实施办法》, signed 2020-05-28.
 */
import { DEFAULT_CADENCE, DEFAULT_MONTHLY_UPDATE_DAY, DEFAULT_TRIGGER_RULES, townMonthlyReportItem, PRACTICE_TRIGGER_RULES, PRACTICE_NO_LABOUR } from '../defaults.js';
import { mileMeasures } from '../../measures/catalogues/mile.js';
import type { PolicyProfile } from '../profile.js';

export const mileV1: PolicyProfile = {
  id: 'mile',
  version: 1,
  countyName: '弥勒市',
  effectiveFrom: '2020-05',
  document: '弥勒市扶贫开发领导小组《关于健全完善防止返贫致贫监测和帮扶机制巩固脱贫成果的实施办法》（2020年5月28日）',
  sources: ['001'],
  // “人均纯收入低于国家扶贫标准 1.5倍(即4428元)左右”: the seed speaks of net income 纯收入.
  incomeMeasure: 'net',
  thresholds: [
    {
      // The seed names no year; it is the 2020 document and DOMAIN.md §3 lists the line for 2020.
      // After 2020 the county needs a new version of this profile.
      kind: 'monitoring',
      from: '2020-01',
      to: '2020-12',
      yuanPerPersonYear: 4428,
      comparison: 'below',
      meaning: '国家扶贫标准的1.5倍',
      source: '001',
      quote: '人均纯收入低于国家扶贫标准 1.5倍(即4428元)左右的家庭',
      note: '文件表述为“左右”，临界家庭由村组评议综合研判',
    },
  ],
  // The seed gives no collection window; a year's net income is the last twelve months.
  incomeWindow: { kind: 'trailing', months: 12 },
  // “监测范围。人均纯收入低于…4428元左右的家庭，以及因病…刚性支出明显超过上年度收入和收入大幅缩减的家庭”:
  // two groups joined by 以及 — either one is in scope.
  inclusionRule: 'trigger_or_below',
  triggerRules: DEFAULT_TRIGGER_RULES,
  // “贫情分析、农户申报、入户调查、村组评议…、乡镇审核、市级确定”: the situation analysis and home
  // investigation belong to the application; no public notice is named, so none is held.
  identificationSteps: ['application', 'village_review', 'town_audit', 'county_decision'],
  // 一(一)“监测对象。脱贫监测户及边缘户两类人员。”: two categories, no 突发严重困难户.
  categories: [
    { category: 'unstable', name: '脱贫监测户', source: '001', quote: '脱贫监测户及边缘户两类人员' },
    { category: 'marginal', name: '边缘户', source: '001', quote: '脱贫监测户及边缘户两类人员' },
  ],
  // 一(四) 监测程序, the six steps in the seed's words, each recorded on one of the product's steps.
  procedure: [
    { name: '贫情分析', step: 'application', participants: ['乡村干部', '驻村工作队'], does: '分析返贫致贫风险', source: '001', quote: '通过贫情分析、农户申报、入户调查、村组评议' },
    { name: '农户申报', step: 'application', participants: ['农户'], does: '提交脱贫监测户申请书或边缘户申请书（附件1、2）', source: '001', quote: '农户申报' },
    { name: '入户调查', step: 'application', participants: ['乡村干部', '驻村工作队', '结对帮扶干部'], does: '填写返贫致贫风险户调查表、收支测算表（附件3-1、3-2）', source: '001', quote: '入户调查' },
    {
      name: '村组评议',
      step: 'village_review',
      participants: ['村小组', '村“三委”干部', '驻村工作队', '包村干部'],
      does: '对农户申请及入户调查情况进行分析研判',
      source: '001',
      quote: '村组评议时需村小组及村“三委”干部、驻村工作队、包村干部参与，对农户申请及入户调查情况进行分析研判',
    },
    { name: '乡镇审核', step: 'town_audit', participants: ['乡镇党委、政府'], source: '001', quote: '乡镇审核' },
    { name: '市级确定', step: 'county_decision', participants: ['市扶贫开发领导小组'], decides: true, decidingBody: '市级', source: '001', quote: '市级确定等程序' },
  ],
  practice: [
    PRACTICE_TRIGGER_RULES,
    PRACTICE_NO_LABOUR,
    { field: 'monthlyUpdateDay', note: '文件未规定月度信息更新的日期；按通行做法每月20日前' },
    { field: 'monthlyVisit', note: '文件只说“乡村干部、驻村工作队、结对帮扶干部适时遍访排查”，未定频次；按通行做法每月走访' },
    { field: 'incomeWindow', note: '文件未规定收入计算期；按通行做法取最近12个月' },
  ],
  eliminationAllowsNoLabour: false,
  eliminationBasis: [
    {
      source: '001',
      quote: '对脱贫监测户和边缘户,准确掌握享受的帮扶措施,以及家庭成员、收入、生产生活条件等变化情况,客观准确地判断返贫和致贫风险是否已消除',
    },
  ],
  // The measures, departments and rules of this county's own document.
  measureCatalogue: mileMeasures,
  monthlyUpdateDay: DEFAULT_MONTHLY_UPDATE_DAY,
  // “次月3日前将上月返贫致贫风险户、风险消除户上报”
  townReportDayOfNextMonth: 3,
  cadence: [
    // “乡村干部、驻村工作队、结对帮扶干部适时遍访排查” names no day: the design's monthly visit and update.
    ...DEFAULT_CADENCE,
    // “以乡镇为单位，每月开展风险监测对象动态排查形成报告，次月3日前将上月返贫致贫风险户、风险消除户
    // 上报市扶贫开发领导小组”
    townMonthlyReportItem(3),
    // “6月30日前，监测对象名单及帮扶措施要全部落实到位，形成常态化运行机制”: once, in the year of the
    // document (2020); the towns carry out the measures with the departments.
    {
      kind: 'measures_in_place',
      who: 'town',
      every: 'year',
      rule: { kind: 'date_in_year', month: 6, day: 30, shift: 'none' },
      from: '2020-01',
      to: '2020-12',
    },
  ],
};
