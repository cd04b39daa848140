/**
 * National practice as of 2026 (常态化帮扶, DOMAIN.md §10): the profile a new
 * county starts from. The five-year transition has ended and monitoring and
 * assistance are permanent. No seed gives these rules; every one is marked as
 * practice. The practice gives no income line: the county enters its own
 * (the profile screen asks for it) — no number is made up here.
 */
import { MONTHLY_VISIT, monthlyUpdateItem, DEFAULT_MONTHLY_UPDATE_DAY, DEFAULT_TRIGGER_RULES } from '../defaults.js';
import type { PolicyProfile } from '../profile.js';

export const NATIONAL_2026_ID = 'national-2026';

const BASIS = '2026年中央一号文件及各省常态化防止返贫致贫监测帮扶通行做法（DOMAIN.md §10）';

export const national2026V1: PolicyProfile = {
  id: NATIONAL_2026_ID,
  version: 1,
  countyName: '全国通行做法（2026年）',
  effectiveFrom: '2026-01',
  document: BASIS,
  sources: [],
  incomeMeasure: 'disposable',
  thresholds: [],
  incomeWindow: { kind: 'trailing', months: 12 },
  // 防止返贫致贫对象: income under the line, or rigid spending / a sharp drop bringing severe hardship.
  inclusionRule: 'trigger_or_below',
  triggerRules: DEFAULT_TRIGGER_RULES,
  identificationSteps: ['application', 'village_review', 'public_notice', 'town_audit', 'county_decision'],
  // At least 5 days, held once, at village level only (standingPractice.publicity).
  publicNoticeDays: 5,
  // Households without working-age members are generally not marked eliminated.
  eliminationAllowsNoLabour: false,
  monthlyUpdateDay: DEFAULT_MONTHLY_UPDATE_DAY,
  cadence: [
    MONTHLY_VISIT,
    monthlyUpdateItem(DEFAULT_MONTHLY_UPDATE_DAY),
    // At least one county-wide screening a year; the practice names no month, so by the year's end.
    { kind: 'county_screening', who: 'county', every: 'year', rule: { kind: 'date_in_year', month: 12, day: 31, shift: 'none' } },
  ],
  standingPractice: {
    jointIdentificationWith: ['dibao', 'tekun'],
    clueToDecisionDays: 15,
    publicity: { minDays: 5, once: true, level: 'village' },
    noticeNeverShows: ['idNumber', 'phone', 'bankAccount', 'health'],
    elimination: { stableAboveLineMonths: 6, minMonitoredMonths: 6, minMeasuresReceived: 1, quota: false },
    continuingAfterElimination: [
      { name: '小额信贷', until: '贷款合同期满', measures: ['microcredit'] },
      { name: '公益性岗位', until: '岗位协议期满', measures: ['employment'] },
      { name: '雨露计划', until: '当前学段结束', measures: ['education'] },
    ],
    countyScreeningsPerYear: 1,
    basis: BASIS,
  },
  practice: [
    { field: 'thresholds', note: '通行做法不给统一数额：监测标准由省里每年确定，请县里录入本年监测标准' },
    { field: 'incomeWindow', note: '通行做法：与低保、特困同一收入支出核算口径，取最近12个月' },
    { field: 'inclusionRule', note: '通行做法：收入低于监测标准，或刚性支出较大、收入大幅缩减导致基本生活出现严重困难' },
    { field: 'triggerRules', note: '通行做法未给数值；按本系统默认：刚性支出超过上年收入、收入下降30%' },
    { field: 'categories', note: '防止返贫致贫对象，与农村低保、特困人员统筹认定；按全国通行的三类' },
    { field: 'identificationSteps', note: '通行做法：从发现线索到县级确定不超过15天；申请、村评议、村级公示、镇审核、县确定' },
    { field: 'publicNoticeDays', note: '通行做法：村级公示不少于5天，只公示一次，只在村级公示；公示名单不得出现身份证号、电话、银行账号和健康状况' },
    { field: 'eliminationAllowsNoLabour', note: '通行做法：收入稳定超过当年监测标准原则上6个月以上、监测满6个月且至少落实1项帮扶措施方可消除风险，不设比例；无劳动年龄人口的户一般不标注风险消除' },
    { field: 'monthlyUpdateDay', note: '通行做法：每月20日前完成信息更新' },
    { field: 'monthlyVisit', note: '通行做法：每月走访；每年至少一次全县集中排查' },
    { field: 'measureCatalogue', note: '按本系统的帮扶措施目录；风险消除后小额信贷至合同期满、公益性岗位至协议期满、雨露计划至当前学段结束继续享受' },
  ],
};
