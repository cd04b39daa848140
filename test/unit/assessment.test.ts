import { describe, expect, it } from 'vitest';
import { assessHousehold, type AssessmentInput, type LabourAbility, type Threats } from '../../domain/assessment/assess.js';
import type { Period } from '../../domain/calendar/dates.js';
import type { IncomeRecord } from '../../domain/income/projection.js';
import { periodsOf } from '../../domain/calendar/months.js';
import { policyProfiles, type PolicyProfile } from '../../domain/policy/index.js';

const NO_THREATS: Threats = { food: false, clothing: false, compulsoryEducation: false, basicMedical: false, safeHousing: false, drinkingWater: false };

function profile(id: string): PolicyProfile {
  return policyProfiles[id]![0]!;
}

function members(...labour: LabourAbility[]) {
  return { count: labour.length, labour };
}

/** The same record every month of the span. */
function monthly(from: Period, to: Period, kind: IncomeRecord['kind'], yuan: number): IncomeRecord[] {
  return periodsOf({ from, to }).map((period) => ({ period, kind, yuan }));
}

function input(overrides: Partial<AssessmentInput> & Pick<AssessmentInput, 'profile' | 'period'>): AssessmentInput {
  return { members: members('full'), incomeRecords: [], spendingRecords: [], threats: NO_THREATS, riskCauses: [], ...overrides };
}

describe('Xinfeng 2023 [003]: monitoring line and warning lines', () => {
  // Two members, 1,580 yuan a month from 2022-12 to 2023-11: 18,960 a year, 9,480 each.
  const base = input({ profile: profile('xinfeng'), period: '2023-11', members: members('full', 'weak'), incomeRecords: monthly('2022-12', '2023-11', 'wages', 1580) });

  it('explains income under the November warning line of 10,800 and the 10,420 monitoring line', () => {
    const result = assessHousehold(base);
    expect(result.perCapitaFen).toBe(948_000);
    expect(result.projection.window.months).toBe(12);
    expect(result.warning).toMatchObject({ under: true, threshold: { profileId: 'xinfeng', profileVersion: 1, row: { yuanPerPersonYear: 10800 } } });
    expect(result.monitoring).toMatchObject({ under: true, threshold: { row: { yuanPerPersonYear: 10420, comparison: 'at_or_below' } } });
    expect(result.belowThreshold).toBe(true);
    expect(result.explanation).toContain(
      '人均可支配收入 9,480.00 元，低于 新丰县 2023-11 预警线 10,800 元（2023年广东省四类地区农村低保标准的1.5倍；政策版本 xinfeng v1）',
    );
    expect(result.explanation).toContain(
      '人均可支配收入 9,480.00 元，未超过 新丰县 2023-11 监测标准 10,420 元（2023年易返贫致贫人口监测范围；政策版本 xinfeng v1）',
    );
    expect(result.explanation[0]).toBe('适用政策：新丰县（政策版本 xinfeng v1，自 2023-01 起执行）');
    expect(result.explanation).toContain('家庭共 2 人，人均可支配收入 18,960.00 ÷ 2 = 9,480.00 元');
  });

  it('brings a household into scope by income alone (10420元以下的纳入)', () => {
    const result = assessHousehold(base);
    expect(result.triggers).toEqual([]);
    expect(result.eligibleForMonitoring).toBe(true);
    expect(result.explanation.at(-1)).toBe('结论：符合纳入监测条件（规则：人均收入在监测标准以下）');
  });

  it('includes exactly 10,420 and excludes 10,420.01', () => {
    // One member, a year of income exactly on the line.
    const onLine = assessHousehold({ ...base, members: members('full'), incomeRecords: [...monthly('2022-12', '2023-10', 'wages', 868), { period: '2023-11', kind: 'wages', yuan: 872 }] });
    expect(onLine.perCapitaFen).toBe(1_042_000);
    expect(onLine.eligibleForMonitoring).toBe(true);
    const above = assessHousehold({ ...base, members: members('full'), incomeRecords: [...monthly('2022-12', '2023-10', 'wages', 868), { period: '2023-11', kind: 'wages', yuan: 872.01 }] });
    expect(above.perCapitaFen).toBe(1_042_001);
    expect(above.eligibleForMonitoring).toBe(false);
    expect(above.explanation).toContain('人均可支配收入 10,420.01 元，高于 新丰县 2023-11 监测标准 10,420 元（2023年易返贫致贫人口监测范围；政策版本 xinfeng v1）');
  });

  it('uses the 10,600 warning line in August and none in June', () => {
    // One member, 880 a month: 10,560 a year in August (9 months 2022-12…2023-08 ÷ 9 × 12).
    const august = assessHousehold(input({ profile: profile('xinfeng'), period: '2023-08', incomeRecords: monthly('2022-12', '2023-08', 'wages', 880) }));
    expect(august.perCapitaFen).toBe(1_056_000);
    expect(august.warning?.threshold.row.yuanPerPersonYear).toBe(10600);
    expect(august.warning?.under).toBe(true);
    const june = assessHousehold(input({ profile: profile('xinfeng'), period: '2023-06', incomeRecords: monthly('2022-12', '2023-06', 'wages', 880) }));
    expect(june.warning).toBeNull();
    expect(june.explanation.some((line) => line.includes('预警线'))).toBe(false);
  });
});

describe('Xuwen 2021 [002]: trigger and income under 9,576', () => {
  // Three members; 13,000 yuan over Dec 2020 – May 2021 → 26,000 a year → 8,666.67 each.
  const records = [...monthly('2020-12', '2021-04', 'wages', 2000), { period: '2021-05', kind: 'transfer', yuan: 3000 } as IncomeRecord];
  const base = input({ profile: profile('xuwen'), period: '2021-05', members: members('full', 'none', 'none'), incomeRecords: records });

  it('is not eligible on income alone', () => {
    const result = assessHousehold({ ...base, lastYearIncomePerCapita: 9000 });
    expect(result.perCapitaFen).toBe(866_667);
    expect(result.belowThreshold).toBe(true);
    expect(result.triggers).toEqual([]);
    expect(result.eligibleForMonitoring).toBe(false);
    expect(result.explanation).toContain('未发现风险情形（刚性支出、收入大幅缩减、“两不愁三保障”及饮水安全、风险类型）');
    expect(result.explanation.at(-1)).toBe('结论：不符合纳入监测条件（规则：存在风险情形且人均收入低于监测标准）');
  });

  it('is eligible with rigid medical spending above last year’s income, explained with the numbers and the 9600 note', () => {
    const result = assessHousehold({
      ...base,
      lastYearIncomePerCapita: 9000,
      spendingRecords: [
        { period: '2021-02', kind: 'medical', yuan: 25_000, rigid: true },
        { period: '2021-03', kind: 'schooling', yuan: 3_000, rigid: true },
        { period: '2021-03', kind: 'other', yuan: 10_000, rigid: false },
      ],
      riskCauses: ['illness', 'illness'],
    });
    expect(result.triggers.map((t) => t.kind)).toEqual(['rigid_spending', 'risk_cause']);
    expect(result.triggers[0]).toMatchObject({ rigidSpendingFen: 2_800_000, lastYearHouseholdIncomeFen: 2_700_000, span: { from: '2020-06', to: '2021-05' } });
    expect(result.eligibleForMonitoring).toBe(true);
    expect(result.conclusion).toBe('eligible');
    expect(result.explanation).toContain(
      '按 2020-12 至 2021-05 共 6 个月已采集的家庭收入合计 13,000.00 元，÷ 6 × 12，预计 2020-12 至 2021-11 全年家庭收入 26,000.00 元',
    );
    expect(result.explanation).toContain(
      '人均可支配收入 8,666.67 元，低于 徐闻县 2021-05 监测标准 9,576 元（2020年广东省农村四类地区低保标准的1.5倍；依据文件002；取整数为 9600 元（监测范围），认定按 9576 元执行；政策版本 xuwen v1）',
    );
    expect(result.explanation).toContain(
      '刚性支出明显超过上年度收入：2020-06 至 2021-05 刚性支出 28,000.00 元（医疗 25,000.00 元、教育 3,000.00 元），超过上年家庭收入 27,000.00 元（上年人均 9,000.00 元 × 3 人）的 100%',
    );
    expect(result.explanation).toContain('申报的风险类型：因病');
  });

  it('flags a sharp income drop of 30 % or more, and not 29.9 %', () => {
    const sharp = assessHousehold({ ...base, lastYearIncomePerCapita: 12_381 });
    expect(sharp.triggers).toEqual([{ kind: 'income_drop', lastYearPerCapitaFen: 1_238_100, perCapitaFen: 866_667, dropPercent: 30 }]);
    expect(sharp.explanation).toContain('收入大幅缩减：人均可支配收入由上年 12,381.00 元降至 8,666.67 元，下降 30.0%，达到 30% 的大幅缩减标准');
    expect(sharp.eligibleForMonitoring).toBe(true);
    const mild = assessHousehold({ ...base, lastYearIncomePerCapita: 12_360 });
    expect(mild.triggers).toEqual([]);
  });

  it('counts a threat to 两不愁三保障 or drinking water as a trigger', () => {
    const result = assessHousehold({ ...base, threats: { ...NO_THREATS, safeHousing: true, drinkingWater: true } });
    expect(result.triggers).toEqual([{ kind: 'threat', threats: ['safeHousing', 'drinkingWater'] }]);
    expect(result.explanation).toContain('“两不愁三保障”及饮水安全受到威胁：住房安全、饮水安全');
    expect(result.eligibleForMonitoring).toBe(true);
  });

  it('says which triggers it could not judge without last year’s income', () => {
    const result = assessHousehold(base);
    expect(result.notJudged).toEqual(['rigid_spending', 'income_drop']);
    expect(result.explanation).toContain('未提供上年人均收入，无法判断刚性支出和收入缩减情形');
  });

  it('names months without records', () => {
    const result = assessHousehold({ ...base, incomeRecords: records.filter((r) => r.period !== '2021-02') });
    expect(result.explanation).toContain('以下月份没有收入记录，按 0 元计算，请核实：2021-02');
  });

  it('has no line in force in 2022 and cannot decide on income', () => {
    const result = assessHousehold({ ...base, period: '2022-03', incomeRecords: monthly('2021-12', '2022-03', 'wages', 500), riskCauses: ['disaster'] });
    expect(result.monitoring).toBeNull();
    expect(result.belowThreshold).toBeNull();
    expect(result.conclusion).toBe('undetermined');
    expect(result.eligibleForMonitoring).toBe(false);
    expect(result.explanation).toContain('徐闻县政策版本 xuwen v1 未设定 2022-03 适用的监测标准，无法按收入判断，请县乡村振兴局补充政策配置');
  });
});

describe('Mile 2020 [001]: low income or a trigger', () => {
  // One member, 400 net a month over the last 12 months: 4,800 a year, above 4,428.
  const base = input({ profile: profile('mile'), period: '2020-06', incomeRecords: monthly('2019-07', '2020-06', 'production_net', 400) });

  it('speaks of 人均纯收入 and the 4,428 line, and leaves a household above it without a trigger out', () => {
    const result = assessHousehold(base);
    expect(result.perCapitaFen).toBe(480_000);
    expect(result.belowThreshold).toBe(false);
    expect(result.eligibleForMonitoring).toBe(false);
    expect(result.explanation).toContain(
      '人均纯收入 4,800.00 元，不低于 弥勒市 2020-06 监测标准 4,428 元（国家扶贫标准的1.5倍；文件表述为“左右”，临界家庭由村组评议综合研判；政策版本 mile v1）',
    );
  });

  it('brings in a household above the line with a trigger', () => {
    const result = assessHousehold({ ...base, riskCauses: ['unstable_employment'] });
    expect(result.eligibleForMonitoring).toBe(true);
    expect(result.explanation.at(-1)).toBe('结论：符合纳入监测条件（规则：人均收入低于监测标准，或存在风险情形）');
  });

  it('brings in a household under the line without a trigger', () => {
    const result = assessHousehold({ ...base, incomeRecords: monthly('2019-07', '2020-06', 'production_net', 360) });
    expect(result.perCapitaFen).toBe(432_000);
    expect(result.eligibleForMonitoring).toBe(true);
  });
});

describe('Suyuan 2022 [004]: focus analysis', () => {
  // Four members, none able to work; 500 wages and 1,000 transfers a month over the nine months:
  // 13,500 → 18,000 a year → 4,500 each; transfers are two thirds of income.
  const records = [...monthly('2021-10', '2022-06', 'wages', 500), ...monthly('2021-10', '2022-06', 'transfer', 1000)];
  // The seed gives no share for “转移性收入占比过高”: these tests run on a county's entry of 50% (test data).
  const shipped = profile('suyuan');
  const entered: PolicyProfile = { ...shipped, focusCriteria: { ...shipped.focusCriteria!, transferSharePercentAbove: 50 } };
  const base = input({ profile: entered, period: '2022-07', members: members('none', 'none', 'none', 'none'), incomeRecords: records, lastYearIncomePerCapita: 6000 });

  it('does not judge the transfer share on the shipped profile, which has no share until the county enters one', () => {
    const result = assessHousehold({ ...base, profile: shipped });
    expect(result.transferSharePercent).toBe(66.7);
    expect(result.focus).toEqual({ incomeDown: true, belowMonitoring: true, belowFocusLine: true, transferShareHigh: null, noLabourLowIncome: true, any: true });
    expect(result.explanation).not.toContain('转移性收入占比');
  });

  it('flags every focus criterion with its numbers', () => {
    const result = assessHousehold(base);
    expect(result.projection.window).toMatchObject({ months: 9, actual: { from: '2021-10', to: '2022-06' } });
    expect(result.perCapitaFen).toBe(450_000);
    expect(result.transferSharePercent).toBe(66.7);
    expect(result.focus).toEqual({ incomeDown: true, belowMonitoring: true, belowFocusLine: true, transferShareHigh: true, noLabourLowIncome: true, any: true });
    expect(result.explanation).toContain(
      '重点分析：收入下降（上年 6,000.00 元，今年预计 4,500.00 元）；低于监测标准 7,300 元；低于全国脱贫人口平均收入水平 12,550 元；转移性收入占比 66.7%，超过 50%；整户无劳动能力且收入低于重点分析线 12,550 元',
    );
    expect(result.explanation).toContain('人均可支配收入 4,500.00 元，低于 涑源县 2022-07 重点分析线 12,550 元（全国脱贫人口平均收入水平；政策版本 suyuan v1）');
  });

  it('does not flag a labour household above the lines with wages as its income', () => {
    const result = assessHousehold({
      ...base,
      members: members('full', 'full'),
      incomeRecords: [...monthly('2021-10', '2022-06', 'wages', 2000), ...monthly('2021-10', '2022-06', 'transfer', 100)],
    });
    // 18,900 → 25,200 a year → 12,600 each: above 12,550 and up on last year.
    expect(result.perCapitaFen).toBe(1_260_000);
    expect(result.focus).toEqual({ incomeDown: false, belowMonitoring: false, belowFocusLine: false, transferShareHigh: false, noLabourLowIncome: false, any: false });
    expect(result.explanation).toContain('重点分析：未发现需重点分析的情形');
    expect(result.eligibleForMonitoring).toBe(false);
  });

  it('needs a trigger as well as income under 7,300 to include (DOMAIN §3 default)', () => {
    expect(assessHousehold(base).triggers).toEqual([]);
    expect(assessHousehold(base).eligibleForMonitoring).toBe(false);
    const ill = assessHousehold({ ...base, spendingRecords: [{ period: '2022-03', kind: 'medical', yuan: 30_000, rigid: true }] });
    expect(ill.triggers.map((t) => t.kind)).toEqual(['rigid_spending']);
    expect(ill.eligibleForMonitoring).toBe(true);
  });
});

describe('Boluo [000] and input checks', () => {
  it('reports that no monitoring line is configured', () => {
    const result = assessHousehold(input({ profile: profile('boluo'), period: '2022-05', incomeRecords: monthly('2021-12', '2022-05', 'wages', 300), riskCauses: ['illness'] }));
    expect(result.conclusion).toBe('undetermined');
    expect(result.explanation.at(-1)).toBe('结论：无法判断是否纳入监测（规则：存在风险情形且人均收入低于监测标准；缺少监测标准）');
  });

  it('refuses a period before the profile version is in force and mismatched labour lists', () => {
    expect(() => assessHousehold(input({ profile: profile('suyuan'), period: '2022-06' }))).toThrow(/in force from 2022-07/);
    expect(() => assessHousehold(input({ profile: profile('xinfeng'), period: '2023-05', members: { count: 3, labour: ['full'] } }))).toThrow(RangeError);
  });
});
