/**
 * Seed [002] 徐闻县 — 徐扶组〔2021〕7号《关于建立脱贫不稳定人口与边缘易致贫人口防止返贫致贫监测预警和动态帮扶机制的实施方案》,
 * through Xuwen's own profile and catalogue.
 */
import { describe, expect, it } from 'vitest';
import { eliminationConditions, eliminationRefusals } from '../../domain/identification/elimination-conditions.js';
import { resolveWindow } from '../../domain/income/projection.js';
import { DEADLINE_CALENDAR } from '../../domain/deadlines/calendar.js';
import { monthPlan } from '../../domain/monitoring/month-plan.js';
import { thresholdFor } from '../../domain/policy/index.js';
import { asks, assess, measure, member, monthly, originsOf, ownCatalogue, practiceFields, reparsed, storedProfile, suggest, suggested, units, withheld } from './support.js';

const xuwen = storedProfile('xuwen');
const rules = ownCatalogue(xuwen).rules;

describe('[002] 徐闻县: the measures of 五、帮扶措施', () => {
  it('has the five measures (一)–(五) and no other (扶贫小额信贷 is part of 产业帮扶)', () => {
    expect(ownCatalogue(xuwen).measures.map((m) => [m.code, m.name])).toEqual([
      ['industry', '产业帮扶'],
      ['employment', '就业帮扶'],
      ['safety_net', '综合保障'],
      ['motivation', '扶志扶智'],
      ['other', '其他帮扶'],
    ]);
  });

  it('names no 责任单位 for any measure: the towns carry them out (“镇级落实主体责任”) and 县扶贫办 leads each, marked as practice', () => {
    for (const m of ownCatalogue(xuwen).measures) {
      expect(units(xuwen, m.code), m.code).toEqual({ lead: '县扶贫办', coLeads: [], cooperating: [], towns: true });
      expect(practiceFields(m), m.code).toEqual(expect.arrayContaining(['lead', 'defaultDeadlineDays']));
    }
    expect(ownCatalogue(xuwen).departments).toEqual([{ code: 'xczx', name: '县扶贫办' }]);
  });

  it('(一)“…提供扶贫小额信贷支持…” — no microcredit rule of Boluo’s (ages 18–65)', () => {
    expect(measure(xuwen, 'industry').quote).toContain('提供扶贫小额信贷支持');
    expect(rules.microcredit).toBeUndefined();
    expect(rules.pensionPremium).toBeUndefined();
    expect(rules.housing).toBeUndefined();
  });

  it('(三)“对无劳动能力的监测对象，进一步强化低保、医疗、养老保险和特困人员救助供养等综合性社会保障措施”', () => {
    const result = suggest(xuwen, { members: [member('old', '1950-01-01', { labourAbility: 'none' })], riskCauses: ['industry_failure', 'unstable_employment'] }, '2021-05-15');
    expect(suggested(result)).toEqual(['safety_net']);
    expect(withheld(result)).toEqual(['industry', 'employment']);
  });

  it('(二)“强化公益岗位兜底安置” — weak labour only still gets 就业帮扶', () => {
    const result = suggest(xuwen, { members: [member('w', '1970-01-01', { labourAbility: 'partial' })], riskCauses: [] }, '2021-05-15');
    expect(suggested(result)).toEqual(['employment', 'safety_net']);
  });

  it('(三)“对因病、因残、因灾等意外变故返贫致贫的家庭，及时落实健康扶贫和残疾人、灾害、临时救助等政策”', () => {
    expect(measure(xuwen, 'safety_net').suggestedBy).toEqual(['illness', 'disability', 'disaster', 'accident']);
    expect(suggested(suggest(xuwen, { members: [member('a', '1980-01-01')], riskCauses: ['illness'] }, '2021-05-15'))).toEqual(['safety_net']);
  });

  it('(四)“更好激发贫困群体的奋斗精神…发挥村规民约作用” — weak motivation brings 扶志扶智', () => {
    expect(suggested(suggest(xuwen, { members: [member('a', '1980-01-01')], riskCauses: ['weak_motivation'] }, '2021-05-15'))).toEqual(['motivation']);
  });

  it('二、“按照“缺什么补什么”的原则” — a household with labour and no risk cause is suggested nothing', () => {
    const result = suggest(xuwen, { members: [member('a', '1980-01-01')], riskCauses: [] }, '2021-05-15');
    expect(suggested(result)).toEqual([]);
  });
});

describe('[002] 徐闻县: lines, income window and procedure', () => {
  // Three members, 2,000 a month from 2020-12: 24,000 a year, 8,000 each.
  const records = monthly('2020-12', '2021-05', 'wages', 2000);

  it('三、“即 2020 年家庭人均可支配收入低于我省农村四类地区标准 9576 元” — 9576 itself is not below', () => {
    const onLine = assess(xuwen, '2021-11', { labour: ['full'], incomeRecords: monthly('2020-12', '2021-11', 'wages', 798), riskCauses: ['illness'] });
    expect(onLine.perCapitaFen).toBe(957_600);
    expect(onLine.eligibleForMonitoring).toBe(false);
    const under = assess(xuwen, '2021-11', { labour: ['full'], incomeRecords: monthly('2020-12', '2021-11', 'wages', 797.99), riskCauses: ['illness'] });
    expect(under.eligibleForMonitoring).toBe(true);
    expect(under.monitoring?.threshold.row.note).toContain('9600');
  });

  it('三、“对有以上任何一项表现的脱贫户，要核查其家庭人均收入是否在…1.5 倍以下” — below the line without a trigger is not enough', () => {
    const result = assess(xuwen, '2021-05', { labour: ['full', 'none', 'none'], incomeRecords: records, lastYearIncomePerCapita: 8000 });
    expect(result.belowThreshold).toBe(true);
    expect(result.eligibleForMonitoring).toBe(false);
  });

  it('四(二)“以 2020 年我省相对扶贫脱贫标准（人均可支配收入 9060 元）为底线” — a floor for 2021–2025', () => {
    expect(xuwen.thresholds.find((r) => r.kind === 'floor')).toMatchObject({ yuanPerPersonYear: 9060, from: '2021-01', to: '2025-12' });
  });

  it('四(四)“如5月份纳入监测，则家庭人均可支配收入计算为2020年12月-2021年5月份，预计2020年12月-2021年11月全年收入”', () => {
    expect(resolveWindow(xuwen.incomeWindow, '2021-05')).toEqual({ actual: { from: '2020-12', to: '2021-05' }, months: 6, projected: { from: '2020-12', to: '2021-11' } });
    const result = assess(xuwen, '2021-05', { labour: ['full', 'none', 'none'], incomeRecords: records, riskCauses: ['illness'] });
    expect(result.perCapitaFen).toBe(800_000);
  });

  it('四(三)“1. 农户申报 2. 镇、村、帮扶驻村干部核查 3. 比对筛查 4. 确认对象：由镇农业农村部门确定监测对象” — the town decides', () => {
    expect(xuwen.identificationSteps).toEqual(['application', 'village_review', 'department_comparison', 'town_audit']);
    expect(xuwen.publicNoticeDays).toBeUndefined();
  });

  it('四(一)“以家庭为单位”: the income is per person of the household', () => {
    const result = assess(xuwen, '2021-05', { labour: ['full', 'none', 'none'], incomeRecords: records });
    expect(result.members).toBe(3);
    expect(result.perCapitaFen * 3).toBe(result.projection.annualFen);
  });

  it('四(二)“从 2021 年开始至 2025 年，每年按上一年省公布的四类地区农村低保标准的 1.5 倍” — only the 2021 figure is given: 2022 has no line until the county adds it', () => {
    const result = assess(xuwen, '2022-03', { labour: ['full'], incomeRecords: monthly('2021-12', '2022-03', 'wages', 500), riskCauses: ['illness'] });
    expect(result.monitoring).toBeNull();
    expect(result.conclusion).toBe('undetermined');
  });

  it('六(三)“及时对致贫风险已消除的进行标记，可不再进行帮扶，但不做退出处理” — a household marked eliminated keeps its monthly visit', () => {
    expect(monthPlan(xuwen, '2021-08', true, DEADLINE_CALENDAR).items.map((i) => i.kind)).toEqual(['monthly_visit']);
  });
});

describe('[002] 徐闻县: the yearly line as a rule over yearly data (四(二))', () => {
  const lineOf = (period: `${number}-${string}`) => thresholdFor(xuwen, 'monitoring', period)?.row;
  const rule = xuwen.yearlyLines![0]!;

  it('“从 2021 年开始至 2025 年，每年按上一年省公布的四类地区农村低保标准的 1.5 倍” — a rule over the years 2021–2025, factor 1.5, the previous year’s input', () => {
    expect(rule).toMatchObject({ kind: 'monitoring', fromYear: 2021, toYear: 2025, factor: 1.5, inputName: '广东省农村四类地区低保标准' });
    expect(rule.quote).toContain('每年按上一年省公布的四类地区农村低保标准的 1.5 倍以下');
    expect(xuwen.thresholds.filter((r) => r.kind === 'monitoring')).toEqual([]);
  });

  it('“即 2020 年家庭人均可支配收入低于我省农村四类地区标准 9576 元” — 2021’s line is 9576, compared with 低于, and its range figure is “取整数为 9600 元”', () => {
    expect(lineOf('2021-06')).toMatchObject({ yuanPerPersonYear: 9576, comparison: 'below', from: '2021-01', to: '2021-12' });
    expect(lineOf('2021-06')!.note).toContain('取整数为 9600 元');
    expect(rule.comparisonQuote).toContain('低于我省农村四类地区标准 9576 元');
  });

  it('seed [003] “低于10800元(2023年广东省四类地区农村低保标准1.5倍)” gives the 2023 input: 2024’s line is 10800, 10800 itself not below', () => {
    expect(rule.inputs.find((i) => i.year === 2023)).toMatchObject({ yuan: 10800, given: 'product', source: '003' });
    expect(lineOf('2024-03')).toMatchObject({ yuanPerPersonYear: 10800, comparison: 'below' });
    const onLine = assess(xuwen, '2024-11', { incomeRecords: monthly('2023-12', '2024-11', 'wages', 900), riskCauses: ['illness'] });
    expect(onLine.perCapitaFen).toBe(1_080_000);
    expect(onLine.eligibleForMonitoring).toBe(false);
    const under = assess(xuwen, '2024-11', { incomeRecords: monthly('2023-12', '2024-11', 'wages', 899.99), riskCauses: ['illness'] });
    expect(under.eligibleForMonitoring).toBe(true);
    expect(under.monitoring?.threshold.row.yuanPerPersonYear).toBe(10800);
  });

  it('no seed gives the 2021, 2022 or 2024 dibao: 2022, 2023 and 2025 have no line, and the county is asked for each figure', () => {
    for (const period of ['2022-06', '2023-06', '2025-06'] as const) expect(lineOf(period), period).toBeUndefined();
    expect(assess(xuwen, '2023-06', { incomeRecords: monthly('2022-12', '2023-06', 'wages', 500), riskCauses: ['illness'] }).conclusion).toBe('undetermined');
    expect(asks(xuwen)).toEqual([
      '2022年监测标准：文件未给出2021年广东省农村四类地区低保标准，请县里录入（按其1.5倍计算）',
      '2023年监测标准：文件未给出2022年广东省农村四类地区低保标准，请县里录入（按其1.5倍计算）',
      '2025年监测标准：文件未给出2024年广东省农村四类地区低保标准，请县里录入（按其1.5倍计算）',
      // “从 2021 年开始至 2025 年”: the rule ends with 2025, and no seed gives a line after it.
      '文件只给出了2025年及以前的监测标准，2026年起的监测标准未配置，请县里按省里公布的标准录入',
    ]);
  });

  it('“以 2020 年我省相对扶贫脱贫标准（人均可支配收入 9060 元）为底线” — a figure the county enters is multiplied by 1.5, and a product under 9060 gives the floor', () => {
    const entered = (yuan: number) => reparsed(xuwen, { yearlyLines: [{ ...rule, inputs: [...rule.inputs, { year: 2021, yuan, given: 'input', source: 'county', quote: '县里录入的2021年省定低保标准' }] }] });
    const high = entered(7000);
    const low = entered(6000);
    if (Array.isArray(high) || Array.isArray(low)) throw new Error(String(high));
    expect(thresholdFor(high, 'monitoring', '2022-05')!.row.yuanPerPersonYear).toBe(10500);
    expect(thresholdFor(low, 'monitoring', '2022-05')!.row).toMatchObject({ yuanPerPersonYear: 9060 });
    expect(thresholdFor(low, 'monitoring', '2022-05')!.row.note).toContain('按底线执行');
    expect(asks(high)).toHaveLength(3);
  });

  it('an input for a year the rule does not use, or twice for one year, is refused', () => {
    const twice = reparsed(xuwen, { yearlyLines: [{ ...rule, inputs: [...rule.inputs, { ...rule.inputs[0]!, yuan: 9000 }] }] });
    expect(twice).toEqual(expect.arrayContaining([expect.stringContaining('two inputs for 2020')]));
    const outside = reparsed(xuwen, { yearlyLines: [{ ...rule, inputs: [{ year: 2025, yuan: 8000, given: 'input', source: 'county', quote: '某' }] }] });
    expect(outside).toEqual(expect.arrayContaining([expect.stringContaining('sets no year of the rule')]));
  });
});

describe('[002] 徐闻县: groups and procedure in the seed’s words', () => {
  it('三、“(一) 脱贫不稳定人口” and “(二)…农村家庭” — two groups, no 突发严重困难户', () => {
    expect(xuwen.categories!.map((c) => [c.category, c.name])).toEqual([
      ['unstable', '脱贫不稳定人口'],
      ['marginal', '边缘易致贫人口'],
    ]);
  });

  it('四(三)2.“驻村帮扶干部及村“两委”干部进行梳理筛查、分析致贫原因或返贫风险，镇干部走访核实” — the town cadre’s verification visit', () => {
    const check = xuwen.procedure!.find((p) => p.name === '镇、村、帮扶驻村干部核查')!;
    expect(check).toMatchObject({ step: 'village_review', participants: ['驻村帮扶干部', '村“两委”干部', '镇干部'] });
    expect(check.does).toContain('镇干部走访核实');
  });

  it('四(三)3.“相关行业主管部门比对筛查预警反馈” — the departments act on the comparison step', () => {
    expect(xuwen.procedure!.find((p) => p.step === 'department_comparison')).toMatchObject({ name: '比对筛查', participants: ['相关行业主管部门'] });
  });

  it('四(三)4.“由镇农业农村部门确定监测对象” — the town’s confirmation is the deciding step, and the last', () => {
    const deciding = xuwen.procedure!.filter((p) => p.decides);
    expect(deciding).toMatchObject([{ name: '确认对象', step: 'town_audit', decidingBody: '镇农业农村部门' }]);
    expect(xuwen.identificationSteps.at(-1)).toBe('town_audit');
  });

  it('the seed gives no numbers for “刚性支出明显超过上年度收入和收入大幅缩减”, no day for the update, no visiting frequency (“定期开展走访摸排”): each is marked practice', () => {
    expect(originsOf(xuwen)).toMatchObject({
      thresholds: 'seed',
      incomeWindow: 'seed',
      categories: 'seed',
      identificationSteps: 'seed',
      triggerRules: 'practice',
      eliminationAllowsNoLabour: 'practice',
      monthlyUpdateDay: 'practice',
      monthlyVisit: 'practice',
    });
  });
});

describe('[002] 徐闻县: 六(三) 动态管理 as the proposal is checked', () => {
  it('六(三) “及时掌握监测对象帮扶措施，以及家庭成员、收入、生产生活条件等变化情况，准确判断返贫和致贫风险是否已消除” — a judgment shown as the seed’s, no count refuses a proposal', () => {
    const list = eliminationConditions(xuwen, { monthsAboveLine: 0, monthsMonitored: 0, measuresReceived: 0 }, true);
    expect(list.map((c) => [c.key, c.origin, c.met])).toEqual([
      ['judgement', 'seed', null],
      ['labour', 'practice', true],
    ]);
    expect(list[0]!.text).toContain('准确判断返贫和致贫风险是否已消除');
    expect(eliminationRefusals(xuwen, { monthsAboveLine: 0, monthsMonitored: 0, measuresReceived: 0 })).toEqual([]);
  });
});
