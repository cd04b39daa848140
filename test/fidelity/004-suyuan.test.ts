/**
 * Seed [004] 涑源县 — 涑巩固拓展〔2022〕9号《关于促进脱贫人口和防贫监测对象稳定增收工作方案》,
 * through Suyuan's own profile and catalogue.
 */
import { describe, expect, it } from 'vitest';
import { cadenceOf, categoriesOf, ruleOrigins, thresholdFor } from '../../domain/policy/index.js';
import { deriveAssessment } from '../../domain/fidelity/summary.js';
import { asks, assess, originsOf, measure, member, monthly, ownCatalogue, practiceFields, reasonsFor, reparsed, storedProfile, suggest, suggested, units, withheld } from './support.js';

const suyuan = storedProfile('suyuan');
const NO_THREATS = { food: false, clothing: false, compulsoryEducation: false, basicMedical: false, safeHousing: false, drinkingWater: false };
const rules = ownCatalogue(suyuan).rules;

describe('[004] 涑源县: the measures of 二、(三) 落实帮扶 and their 牵头部门 and 责任单位', () => {
  it('has the six measures 1–6 and no other (no 医疗、住房、饮水 or insurance measure of another county)', () => {
    expect(ownCatalogue(suyuan).measures.map((m) => m.code)).toEqual(['industry', 'employment', 'microcredit', 'safety_net', 'motivation', 'village_assistance']);
  });

  it('1. 产业收益分配 “（牵头部门：乡村振兴局、农业农村局，责任单位：各乡镇）”', () => {
    expect(units(suyuan, 'industry')).toEqual({ lead: '乡村振兴局', coLeads: ['农业农村局'], cooperating: [], towns: true });
  });

  it('2. 外出务工就业 “（牵头部门：人社局，责任单位：各乡镇）”', () => {
    expect(units(suyuan, 'employment')).toEqual({ lead: '人社局', coLeads: [], cooperating: [], towns: true });
  });

  it('3. 小额信贷 “（牵头部门：金融办，责任单位：人社局、工商联、各乡镇）” — not 乡村振兴局', () => {
    expect(units(suyuan, 'microcredit')).toEqual({ lead: '金融办', coLeads: [], cooperating: ['人社局', '工商联'], towns: true });
  });

  it('4. 资助惠民 “（牵头部门：民政局、残联、乡村振兴局、教体局、医保局、人保财险等，责任单位：各乡镇）” — 人保财险 among the leads', () => {
    expect(units(suyuan, 'safety_net')).toEqual({ lead: '民政局', coLeads: ['残联', '乡村振兴局', '教体局', '医保局', '人保财险'], cooperating: [], towns: true });
  });

  it('5. 扶志扶智 “（牵头部门：宣传部、乡村振兴局、妇联等，责任单位：各乡镇）”', () => {
    expect(units(suyuan, 'motivation')).toEqual({ lead: '宣传部', coLeads: ['乡村振兴局', '妇联'], cooperating: [], towns: true });
  });

  it('6. 驻村帮扶、结对帮扶 “（牵头部门：组织部，责任单位：各乡镇）”', () => {
    expect(units(suyuan, 'village_assistance')).toEqual({ lead: '组织部', coLeads: [], cooperating: [], towns: true });
  });

  it('a suggestion carries the co-leads, and the task goes to the first lead', () => {
    const result = suggest(suyuan, { members: [member('a', '1980-01-01')], riskCauses: ['weak_motivation'] }, '2022-08-01');
    expect(result.suggestions.find((s) => s.measure === 'motivation')).toMatchObject({ lead: 'xcb', coLeads: ['xczx', 'fl'] });
  });

  it('gives no deadline per measure: each is marked as practice', () => {
    for (const m of ownCatalogue(suyuan).measures) expect(practiceFields(m), m.code).toContain('defaultDeadlineDays');
  });
});

describe('[004] 涑源县: who gets which measure', () => {
  it('3.“实现符合贷款条件的帮扶对象小额信贷“应贷尽贷”” — no age rule of Boluo’s (18–65, age + term ≤ 65)', () => {
    expect(rules.microcredit).toBeUndefined();
    const result = suggest(suyuan, { members: [member('a', '1956-01-01')], riskCauses: ['industry_failure'] }, '2022-08-01');
    expect(suggested(result)).toContain('microcredit');
    expect(result.details.microcredit).toEqual([]);
  });

  it('4.“对帮扶对象中完全丧失劳动能力或部分丧失劳动能力且无法通过产业就业获得稳定收入的人口，按规定纳入农村低保或特困人员救助供养范围”', () => {
    const result = suggest(suyuan, { members: [member('old', '1950-01-01', { labourAbility: 'none' })], riskCauses: ['unstable_employment'] }, '2022-08-01');
    expect(suggested(result)).toEqual(['safety_net']);
    expect(withheld(result)).toEqual(['employment']);
  });

  it('1.“对整户无劳动能力的帮扶对象，实行差异化收益分配” — the income distribution is not withheld from a household without labour', () => {
    const result = suggest(suyuan, { members: [member('old', '1950-01-01', { labourAbility: 'none' })], riskCauses: ['industry_failure'] }, '2022-08-01');
    expect(suggested(result)).toEqual(['industry', 'safety_net']);
    expect(withheld(result)).toEqual(['microcredit']);
  });

  it('2.“优先安置符合条件的帮扶人口特别是其中的弱半劳动力” — weak labour only still gets 外出务工就业', () => {
    const result = suggest(suyuan, { members: [member('w', '1970-01-01', { labourAbility: 'weak' })], riskCauses: [] }, '2022-08-01');
    expect(suggested(result)).toEqual(['employment', 'safety_net']);
  });

  it('4.“符合条件的重残人员、重病患者等低收入人口，参照“单人户”纳入低保范围” — the grades of 重残 are marked as practice', () => {
    const result = suggest(suyuan, { members: [member('a', '1980-01-01'), member('d', '1985-01-01', { disabilityGrade: '2', labourAbility: 'none' })], riskCauses: [] }, '2022-08-01');
    expect(reasonsFor(result, 'safety_net').map((r) => [r.basis, r.memberIds])).toEqual([['severe_disability', ['d']]]);
    expect(practiceFields(rules.severeDisability)).toEqual(['grades']);
  });

  it('4.“全面落实“雨露计划”、教育资助…” — a member in school brings 资助惠民', () => {
    const result = suggest(suyuan, { members: [member('a', '1980-01-01'), member('s', '2006-01-01', { isStudent: true })], riskCauses: [] }, '2022-08-01');
    expect(reasonsFor(result, 'safety_net').map((r) => r.basis)).toEqual(['education_aid']);
  });

  it('5.“对内生动力不足的帮扶对象，通过扶志扶智，增强其自主发展信心”', () => {
    expect(measure(suyuan, 'motivation').suggestedBy).toEqual(['weak_motivation']);
  });

  it('sets no pension, medical, housing or water rule: none of Boluo’s', () => {
    expect(rules.pensionPremium).toBeUndefined();
    expect(rules.medicalInsurance).toBeUndefined();
    expect(rules.medicalExtraAid).toBeUndefined();
    expect(rules.housing).toBeUndefined();
    expect(rules.drinkingWater).toBeUndefined();
    expect(rules.compulsoryEducation).toBeUndefined();
  });
});

describe('[004] 涑源县: lines, the income window, focus analysis and cadence', () => {
  // Four members without labour, 2,000 a month in the nine months, two thirds transfers.
  const records = [...monthly('2021-10', '2022-06', 'transfer', 1000), ...monthly('2021-10', '2022-06', 'production_net', 500)];

  it('二(二)“2022年度收入以过去的9个月（2021年10月1日至2022年6月30日）已经采集的月收入总和/9*12作为全年预估收入”', () => {
    const result = assess(suyuan, '2022-07', { labour: ['none', 'none', 'none', 'none'], incomeRecords: records });
    expect(result.projection.window).toMatchObject({ months: 9, actual: { from: '2021-10', to: '2022-06' }, projected: { from: '2022-01', to: '2022-12' } });
    expect(result.projection.annualFen).toBe(1_800_000);
    expect(result.perCapitaFen).toBe(450_000);
  });

  it('二(二)“2022年度收入以过去的9个月…作为全年预估收入” is 2022’s window only: in 2023 nothing is projected from it, and the county is asked for its window', () => {
    const inputs = { profileId: 'suyuan', profileVersion: 1, period: '2023-03', incomeWindowEnd: '2023-03', membersSource: 'survey', labour: ['full'], incomeRecords: records, spendingRecords: [], lastYearIncomePerCapita: null, threats: NO_THREATS, riskCauses: [] } as const;
    const summary = deriveAssessment(suyuan, inputs);
    expect(summary).toMatchObject({ conclusion: 'undetermined', perCapitaFen: null, focus: null });
    expect(summary.explanation).toContain('涑源县政策版本 suyuan v1 的收入测算期（2021-10 至 2022-06 已采集的月收入）只用于测算2022年度收入，未设定 2023-03 适用的收入测算期，无法按收入判断，请县乡村振兴局补充政策配置');
    expect(asks(suyuan)).toContain('文件只规定了2022年度的收入测算期，2023年起的收入测算期未配置，请县里录入');
  });

  it('二(二)“低于监测标准（7300元）” and “收入低于全国脱贫人口平均水平（12550元）”', () => {
    const result = assess(suyuan, '2022-07', { labour: ['none', 'none', 'none', 'none'], incomeRecords: records });
    expect(result.monitoring).toMatchObject({ under: true, threshold: { row: { yuanPerPersonYear: 7300, comparison: 'below' } } });
    expect(result.focusLine).toMatchObject({ under: true, threshold: { row: { yuanPerPersonYear: 12550 } } });
  });

  it('二(二)“针对收入下降、低于监测标准…、转移性收入占比过高、整户无劳力且收入较低的脱贫户进行重点分析”', () => {
    const result = assess(suyuan, '2022-07', { labour: ['none', 'none', 'none', 'none'], incomeRecords: records, lastYearIncomePerCapita: 6000 });
    // “占比过高” has no share in the seed: not judged (null) until the county enters one.
    expect(result.focus).toEqual({ incomeDown: true, belowMonitoring: true, belowFocusLine: true, transferShareHigh: null, noLabourLowIncome: true, any: true });
    // “收入较低” has no number either: the profile reads it as the focus line.
    expect(suyuan.focusCriteria).toMatchObject({ noLabourLowIncomeBelow: 'focus' });
    expect(suyuan.focusCriteria).not.toHaveProperty('transferSharePercentAbove');
  });

  it('二(二)“收入结构不合理转移性收入占比过高” gives no share: the policy page lists it as missing, and a county-entered share flags the household', () => {
    expect(originsOf(suyuan).focusCriteria).toBe('missing');
    expect(ruleOrigins(suyuan).find((r) => r.name === '转移性收入占比过高的比例')).toEqual({
      rule: 'focusCriteria',
      name: '转移性收入占比过高的比例',
      origin: 'missing',
      text: expect.stringContaining('“收入结构不合理转移性收入占比过高”，未给出占比'),
    });
    // 60 is test data, the county's own figure: the records' transfer share is 1000 ÷ 1500 = 66.7%.
    const entered = reparsed(suyuan, { focusCriteria: { ...suyuan.focusCriteria!, transferSharePercentAbove: 60 } });
    if (Array.isArray(entered)) throw new Error(entered.join('; '));
    expect(assess(entered, '2022-07', { labour: ['none', 'none', 'none', 'none'], incomeRecords: records }).focus).toMatchObject({ transferShareHigh: true });
    const above = reparsed(suyuan, { focusCriteria: { ...suyuan.focusCriteria!, transferSharePercentAbove: 70 } });
    if (Array.isArray(above)) throw new Error(above.join('; '));
    expect(assess(above, '2022-07', { labour: ['none', 'none', 'none', 'none'], incomeRecords: records }).focus).toMatchObject({ transferShareHigh: false });
    expect(ruleOrigins(entered).some((r) => r.origin === 'missing' && r.rule === 'focusCriteria')).toBe(false);
    expect(reparsed(suyuan, { focusCriteria: { ...suyuan.focusCriteria!, transferSharePercentAbove: 100 } })).toEqual([expect.stringContaining('the transfer share must be a percentage in (0, 100)')]);
  });

  it('二(一)“对全部脱贫户、防贫监测对象开展入户走访…逐户填写《走访服务信息采集表》” — a visit every month', () => {
    expect(cadenceOf(suyuan).find((i) => i.kind === 'monthly_visit')).toMatchObject({ who: 'village', every: 'month' });
  });

  it('三(三)“9月中旬前，各乡镇和相关部门将落实情况…上报领导小组办公室” — by 20 September 2022, towns and departments', () => {
    const reports = cadenceOf(suyuan).filter((i) => i.kind === 'assistance_count_report');
    expect(reports.map((i) => i.who)).toEqual(['town', 'department']);
    for (const r of reports) expect(r).toMatchObject({ rule: { kind: 'date_in_year', month: 9, day: 20 }, from: '2022-01', to: '2022-12' });
  });
});

describe('[004] 涑源县: what the plan for income growth gives and what it leaves to practice', () => {
  it('二(二)“低于监测标准（7300元）” is 2022’s line (“2022年度收入”): no line after 2022, and the county is asked for the years after it', () => {
    expect(thresholdFor(suyuan, 'monitoring', '2023-01')).toBeUndefined();
    expect(asks(suyuan)).toContain('文件只给出了2022年及以前的监测标准，2023年起的监测标准未配置，请县里按省里公布的标准录入');
  });

  it('二(二)“低于监测标准（7300元）” — 低于: 7300 itself is not under the line', () => {
    const row = suyuan.thresholds.find((r) => r.kind === 'monitoring')!;
    expect(row).toMatchObject({ yuanPerPersonYear: 7300, comparison: 'below', quote: '低于监测标准（7300元）' });
  });

  it('“防贫监测对象” without categories, and no identification procedure: both marked “not in the seed”', () => {
    expect(categoriesOf(suyuan).every((c) => !c.fromSeed)).toBe(true);
    expect(originsOf(suyuan)).toMatchObject({ categories: 'practice', identificationSteps: 'practice', publicNoticeDays: 'practice', inclusionRule: 'practice' });
  });

  it('二(一)“对全部脱贫户、防贫监测对象开展入户走访” and 二(二) the 9-month window: the visit, window and lines come from the seed', () => {
    expect(originsOf(suyuan)).toMatchObject({ monthlyVisit: 'seed', incomeWindow: 'seed', thresholds: 'seed', measureCatalogue: 'seed' });
  });
});
