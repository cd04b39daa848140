/**
 * 示范县, the fictional demo county that `npm start` loads. Its lines are made
 * up for the demo, one monitoring line per year (1.5 × a fictional previous
 * year's dibao, in the manner of [002]); everything else is the design's.
 */
import { DEFAULT_MONTHLY_UPDATE_DAY, DEFAULT_PUBLIC_NOTICE_DAYS, DEFAULT_TRIGGER_RULES, DESIGN_IDENTIFICATION_STEPS, MONTHLY_VISIT, monthlyUpdateItem, townMonthlyReportItem } from '../defaults.js';
import type { PolicyProfile, ThresholdRow } from '../profile.js';

const DEMO_LINES: ReadonlyArray<readonly [year: number, yuan: number]> = [
  [2021, 9576],
  [2022, 9924],
  [2023, 10420],
  [2024, 10800],
  [2025, 11160],
  [2026, 11520],
];

/** The last line stays in force until the county adds the next year's. */
const monitoringLine = ([year, yuan]: readonly [number, number], index: number): ThresholdRow => ({
  kind: 'monitoring',
  from: `${year}-01`,
  ...(index < DEMO_LINES.length - 1 ? { to: `${year}-12` as const } : {}),
  yuanPerPersonYear: yuan,
  comparison: 'below',
  meaning: `示范县${year}年防止返贫监测标准（演示数据）`,
  source: '002',
  quote: '示范县为虚构演示县，监测标准为演示数据',
});

export const shifanV1: PolicyProfile = {
  id: 'shifan',
  version: 1,
  countyName: '示范县',
  effectiveFrom: '2021-01',
  document: '示范县防止返贫动态监测和帮扶工作实施办法（演示）',
  sources: [],
  incomeMeasure: 'disposable',
  thresholds: DEMO_LINES.map(monitoringLine),
  incomeWindow: { kind: 'trailing', months: 12 },
  inclusionRule: 'trigger_and_below',
  triggerRules: DEFAULT_TRIGGER_RULES,
  identificationSteps: DESIGN_IDENTIFICATION_STEPS,
  publicNoticeDays: DEFAULT_PUBLIC_NOTICE_DAYS,
  // National practice (DOMAIN.md §9): the township acts within 2 working days, the whole identification within 20.
  identificationClocks: { steps: { town_audit: 2 }, wholeCase: 20 },
  // Risk elimination goes through the same review: the town audits within 2 working days.
  eliminationClocks: { steps: { town_audit: 2 } },
  eliminationAllowsNoLabour: false,
  monthlyUpdateDay: DEFAULT_MONTHLY_UPDATE_DAY,
  townReportDayOfNextMonth: 3,
};

/**
 * From December 2026 the demo county takes household self-reports by a code
 * on each village's notice card, in national practice (DOMAIN.md §10, Anhui's
 * 一码申报): the township visits within 2 working days; the national hotline 12317.
 * Its department data comparison follows national practice too: a warning's
 * follow-up within 15 days (Guizhou, DOMAIN.md §10), and an out-of-pocket
 * warning line of 10,000 yuan borrowed, for the demo, from Boluo's December
 * tally [000] — both demo data, not a seed county's monthly rule.
 */
export const shifanV2: PolicyProfile = {
  ...shifanV1,
  version: 2,
  effectiveFrom: '2026-12',
  selfReport: { visitWorkingDays: 2, hotline: '12317' },
  // Demo figures, not a seed's: no seed gives the assessment's weights; a real county enters its own.
  // The 15 days from warning to action are national practice (DOMAIN.md §10, Guizhou).
  assessment: {
    weights: { monthlyUpdates: 30, tasks: 30, warnings: 20, rectifications: 20 },
    pointsPerOverdueDay: 0.5,
    warningActionDays: 15,
    note: '示范县考核权重为演示数据',
  },
  // Demo rules, not a seed's: red when a warning waits past 15 days or income is under the line with no measure.
  riskColours: {
    red: ['warning_past_clock', 'below_line_without_measure'],
    yellow: ['warning_open', 'below_warning_line', 'overdue_task', 'overdue_item'],
    warningClockDays: 15,
    note: '示范县风险等级规则为演示数据',
  },
  comparison: { followUpDays: 15, lines: { medicalOutOfPocketLineYuan: 10_000 } },
  // The design's cadence with the town's quarterly items of Xinfeng's pattern [003] (村每月、镇每季; the employment
  // ledger in a quarter's first month), so that the demo's town officers have quarterly items to do.
  cadence: [
    MONTHLY_VISIT,
    monthlyUpdateItem(DEFAULT_MONTHLY_UPDATE_DAY),
    townMonthlyReportItem(3),
    { kind: 'town_quarterly_screening', who: 'town', every: 'quarter', rule: { kind: 'day_in_quarter', monthOfQuarter: 3, day: 31, shift: 'none' } },
    { kind: 'employment_ledger', who: 'town', every: 'quarter', rule: { kind: 'day_in_quarter', monthOfQuarter: 1, day: 20, shift: 'none' } },
  ],
};
