/**
 * Seed [001] 弥勒市 — 弥勒市扶贫开发领导小组《关于健全完善防止返贫致贫监测和帮扶机制巩固脱贫成果的实施办法》
 * (2020年5月28日), through Mile's own profile and catalogue.
 */
import { describe, expect, it } from 'vitest';
import { eliminationConditions, eliminationRefusals } from '../../domain/identification/elimination-conditions.js';
import { cadenceOf, categoriesOf, hasCategory } from '../../domain/policy/index.js';
import { DEADLINE_CALENDAR } from '../../domain/deadlines/calendar.js';
import { monthPlan } from '../../domain/monitoring/month-plan.js';
import { asks, assess, originsOf, measure, member, monthly, ownCatalogue, practiceFields, reasonsFor, storedProfile, suggest, suggested, units, withheld } from './support.js';

const mile = storedProfile('mile');
const rules = ownCatalogue(mile).rules;

describe('[001] 弥勒市: the measures of 二、帮扶措施 and their 责任单位', () => {
  it('has the ten measures (一)–(十) and no other (no 小额信贷 measure of its own: it is part of 产业帮扶)', () => {
    expect(ownCatalogue(mile).measures.map((m) => [m.code, m.name])).toEqual([
      ['industry', '产业帮扶'],
      ['employment', '就业促进'],
      ['safety_net', '兜底保障'],
      ['education', '教育保障'],
      ['medical', '医疗救助'],
      ['housing', '住房安全'],
      ['drinking_water', '饮水安全'],
      ['motivation', '志智双扶'],
      ['insurance', '保险扶贫'],
      ['infrastructure', '夯实基础'],
    ]);
  });

  it('(一)产业帮扶 “(责任单位:市农科局、市扶贫办、红河银保监分局弥勒监管组,各乡镇党委、政府)”', () => {
    expect(units(mile, 'industry')).toEqual({ lead: '市农科局', coLeads: [], cooperating: ['市扶贫办', '红河银保监分局弥勒监管组'], towns: true });
  });

  it('(二)就业促进 “(责任单位:市人力资源社会保障局,各乡镇党委、政府)”', () => {
    expect(units(mile, 'employment')).toEqual({ lead: '市人力资源社会保障局', coLeads: [], cooperating: [], towns: true });
  });

  it('(三)兜底保障 “(责任单位:市民政局、市人力资源社会保障局、市财政局、市卫生健康局、市应急局、市医保局、市残联,各乡镇党委、政府)”', () => {
    expect(units(mile, 'safety_net')).toEqual({
      lead: '市民政局',
      coLeads: [],
      cooperating: ['市人力资源社会保障局', '市财政局', '市卫生健康局', '市应急局', '市医保局', '市残联'],
      towns: true,
    });
  });

  it('(四)教育保障 “(责任单位:市教育体育局,各乡镇党委、政府)”', () => {
    expect(units(mile, 'education')).toEqual({ lead: '市教育体育局', coLeads: [], cooperating: [], towns: true });
  });

  it('(五)医疗救助 “(责任单位:市卫生健康局、市医保局,各乡镇党委、政府)” — 卫健局 first', () => {
    expect(units(mile, 'medical')).toEqual({ lead: '市卫生健康局', coLeads: [], cooperating: ['市医保局'], towns: true });
  });

  it('(六)住房安全 “(责任单位:市发展改革局、市住房城乡建设局,各乡镇党委、政府)” — 发改局 first', () => {
    expect(units(mile, 'housing')).toEqual({ lead: '市发展改革局', coLeads: [], cooperating: ['市住房城乡建设局'], towns: true });
  });

  it('(七)饮水安全 “(责任单位:市水务局,各乡镇党委、政府)”', () => {
    expect(units(mile, 'drinking_water')).toEqual({ lead: '市水务局', coLeads: [], cooperating: [], towns: true });
  });

  it('(八)志智双扶 “(责任单位:市委宣传部,各乡镇党委、政府)”', () => {
    expect(units(mile, 'motivation')).toEqual({ lead: '市委宣传部', coLeads: [], cooperating: [], towns: true });
  });

  it('(九)保险扶贫 “(责任单位:中国人民银行弥勒支行、红河银保监分局弥勒监管组,各乡镇党委、政府)”', () => {
    expect(units(mile, 'insurance')).toEqual({ lead: '中国人民银行弥勒支行', coLeads: [], cooperating: ['红河银保监分局弥勒监管组'], towns: true });
  });

  it('(十)夯实基础 “(责任单位:市住房城乡建设局、市交通运输局、市农科局,各乡镇党委、政府)”', () => {
    expect(units(mile, 'infrastructure')).toEqual({ lead: '市住房城乡建设局', coLeads: [], cooperating: ['市交通运输局', '市农科局'], towns: true });
  });

  it('cites the documents the seed names, with the numbers it gives — 弥开组〔2020〕4号, 弥开办〔2020〕11号, 弥文明委〔2020〕1号, 弥政办发〔2020〕29号 — and none where it gives none', () => {
    const docs = Object.fromEntries(ownCatalogue(mile).measures.map((m) => [m.code, (m.documents ?? []).map((d) => d.number)]));
    expect(docs).toMatchObject({
      safety_net: ['弥开组〔2020〕4号'],
      medical: ['弥开办〔2020〕11号'],
      motivation: ['弥文明委〔2020〕1号', null],
      insurance: ['弥政办发〔2020〕29号'],
      drinking_water: [null],
      industry: [],
    });
    expect(measure(mile, 'drinking_water').documents?.[0]?.title).toBe('《云南省脱贫攻坚农村饮水安全评价细则》');
  });

  it('gives no deadline per measure: each is marked as practice', () => {
    for (const m of ownCatalogue(mile).measures) expect(practiceFields(m), m.code).toContain('defaultDeadlineDays');
  });
});

describe('[001] 弥勒市: who gets which measure', () => {
  it('四(二)“对有劳动能力的监测对象，主要采取开发式帮扶措施…对无劳动能力的监测对象，进一步强化综合性社会保障措施”', () => {
    const none = suggest(mile, { members: [member('old', '1950-01-01', { labourAbility: 'none' })], riskCauses: ['industry_failure', 'weak_motivation'] }, '2020-08-01');
    expect(suggested(none)).toEqual(['safety_net']);
    expect(withheld(none)).toEqual(['industry', 'motivation']);
    const capable = suggest(mile, { members: [member('a', '1980-01-01')], riskCauses: ['industry_failure'] }, '2020-08-01');
    expect(suggested(capable)).toEqual(['industry']);
  });

  it('(二)“对不能外出务工劳动力采取托底安置就业” — a household of weak labour only gets 就业促进 with the safety net', () => {
    const result = suggest(mile, { members: [member('w', '1970-01-01', { labourAbility: 'weak' })], riskCauses: [] }, '2020-08-01');
    expect(suggested(result)).toEqual(['employment', 'safety_net']);
  });

  it('(三)“对因病、因残、因灾、因疫等意外变故导致返贫致贫的家庭，及时落实健康扶贫、残疾人扶贫、救灾救助等帮扶政策”', () => {
    expect(measure(mile, 'safety_net').suggestedBy).toEqual(['illness', 'disability', 'disaster', 'epidemic', 'accident']);
    const result = suggest(mile, { members: [member('a', '1980-01-01')], riskCauses: ['disability'] }, '2020-08-01');
    expect(suggested(result)).toEqual(['safety_net']);
  });

  it('(五)“确保不因病返贫致贫” — illness brings 医疗救助, led by 市卫生健康局', () => {
    const result = suggest(mile, { members: [member('a', '1980-01-01')], riskCauses: ['illness'] }, '2020-08-01');
    expect(suggested(result)).toEqual(['safety_net', 'medical']);
    expect(result.suggestions.find((s) => s.measure === 'medical')?.lead).toBe('wj');
  });

  it('(九)“筑牢防止因灾、因意外返贫致贫防线” — an accident brings 保险扶贫, led by 中国人民银行弥勒支行', () => {
    const result = suggest(mile, { members: [member('a', '1980-01-01')], riskCauses: ['accident'] }, '2020-08-01');
    expect(suggested(result)).toEqual(['safety_net', 'insurance']);
    expect(result.suggestions.find((s) => s.measure === 'insurance')?.lead).toBe('rmyh');
  });

  it('(六)“对因灾等突发事件导致住房保障不达标的监测对象，建立“一户一方案”” — a disaster brings 住房安全; Boluo’s C/D grading does not apply', () => {
    const result = suggest(mile, { members: [member('a', '1980-01-01')], riskCauses: ['disaster'], housing: { soleResidence: true, safetyGrade: 'D' } }, '2020-08-01');
    expect(suggested(result)).toContain('housing');
    expect(result.details.housing).toBeNull();
  });

  it('(四)“进一步压实控辍保学…做实辍学学生分类安置” — every child out of school is placed; the seed exempts no one', () => {
    const result = suggest(mile, { members: [member('c', '2010-01-01', { schooling: 'out_of_school', physicallyUnableToAttend: true })], riskCauses: [] }, '2020-08-01');
    expect(result.details.compulsoryEducation[0]?.outcome).toBe('education_measure');
    expect(rules.compulsoryEducation?.exemptPhysicallyUnable).toBe(false);
  });

  it('sets no age or amount for any measure: none of Boluo’s pension, microcredit, extra medical aid or housing rules, nor Suyuan’s severe-disability rule', () => {
    expect(rules.pensionPremium).toBeUndefined();
    expect(rules.microcredit).toBeUndefined();
    expect(rules.medicalExtraAid).toBeUndefined();
    expect(rules.housing).toBeUndefined();
    expect(rules.severeDisability).toBeUndefined();
    const result = suggest(mile, { members: [member('a', '1980-01-01', { medicalOutOfPocketYuan: 50000 })], riskCauses: [] }, '2020-12-16');
    expect(result.details.pensionPremium).toEqual([]);
    expect(result.details.medicalExtraAid).toEqual([]);
  });
});

describe('[001] 弥勒市: monitoring scope, procedure and cadence', () => {
  it('一(二)“人均纯收入低于国家扶贫标准 1.5倍(即4428元)左右的家庭” — net income, compared with 低于', () => {
    expect(mile.incomeMeasure).toBe('net');
    const under = assess(mile, '2020-12', { incomeRecords: monthly('2020-01', '2020-12', 'wages', 369) });
    expect(under.perCapitaFen).toBe(442_800);
    expect(under.belowThreshold).toBe(false);
    const below = assess(mile, '2020-12', { incomeRecords: monthly('2020-01', '2020-12', 'wages', 368.99) });
    expect(below.belowThreshold).toBe(true);
    expect(below.eligibleForMonitoring).toBe(true);
  });

  it('一(二)“…的家庭，以及因病…等引发的刚性支出明显超过上年度收入和收入大幅缩减的家庭” — either group is in scope', () => {
    const result = assess(mile, '2020-12', { incomeRecords: monthly('2020-01', '2020-12', 'wages', 1000), riskCauses: ['illness'] });
    expect(result.belowThreshold).toBe(false);
    expect(result.eligibleForMonitoring).toBe(true);
  });

  it('一(四)“贫情分析、农户申报、入户调查、村组评议…、乡镇审核、市级确定” — no public notice is named', () => {
    expect(mile.identificationSteps).toEqual(['application', 'village_review', 'town_audit', 'county_decision']);
    expect(mile.publicNoticeDays).toBeUndefined();
  });

  it('一(三)“次月3日前将上月返贫致贫风险户、风险消除户上报市扶贫开发领导小组”', () => {
    expect(mile.townReportDayOfNextMonth).toBe(3);
    expect(cadenceOf(mile).find((i) => i.kind === 'town_monthly_report')).toMatchObject({ who: 'town', rule: { kind: 'day_of_next_month', day: 3 } });
  });

  it('五(三)“6月30日前，监测对象名单及帮扶措施要全部落实到位” — once, in 2020', () => {
    expect(cadenceOf(mile).find((i) => i.kind === 'measures_in_place')).toMatchObject({ rule: { kind: 'date_in_year', month: 6, day: 30 }, from: '2020-01', to: '2020-12' });
  });

  it('is built from seed 001 alone: nothing in its catalogue cites another seed', () => {
    const catalogue = ownCatalogue(mile);
    expect(catalogue.sources).toEqual(['001']);
    for (const m of catalogue.measures) expect(m.sources).toEqual(['001']);
    expect(reasonsFor(suggest(mile, { members: [member('a', '1980-01-01')], riskCauses: [] }, '2020-08-01'), 'employment')).toEqual([]);
  });

  it('一(四)“对返贫致贫风险已经消除的脱贫监测户和边缘户，在系统中进行标注，但不得在系统中作剔除处理” — a marked household keeps its monthly visit', () => {
    expect(monthPlan(mile, '2020-09', true, DEADLINE_CALENDAR).items.map((i) => i.kind)).toEqual(['monthly_visit']);
  });

  it('the seed’s line 4428 is the 2020 figure: 2021 has no line until the county adds one', () => {
    expect(assess(mile, '2021-06', { incomeRecords: monthly('2020-07', '2021-06', 'wages', 300) }).monitoring).toBeNull();
    // …and the policy page asks the county for it, never carrying 4428 on.
    expect(asks(mile)).toEqual(['文件只给出了2020年及以前的监测标准，2021年起的监测标准未配置，请县里按省里公布的标准录入']);
  });
});

describe('[001] 弥勒市: categories and the six steps of 一(四) in the seed’s words', () => {
  it('一(一)“监测对象。脱贫监测户及边缘户两类人员。” — two categories, named as the seed names them, no 突发严重困难户', () => {
    expect(categoriesOf(mile)).toEqual([
      { category: 'unstable', name: '脱贫监测户', fromSeed: true },
      { category: 'marginal', name: '边缘户', fromSeed: true },
    ]);
    expect(hasCategory(mile, 'sudden_hardship')).toBe(false);
  });

  it('一(四)“通过贫情分析、农户申报、入户调查、村组评议…、乡镇审核、市级确定等程序” — six steps in that order', () => {
    expect(mile.procedure!.map((p) => p.name)).toEqual(['贫情分析', '农户申报', '入户调查', '村组评议', '乡镇审核', '市级确定']);
    expect(mile.procedure!.map((p) => p.step)).toEqual(['application', 'application', 'application', 'village_review', 'town_audit', 'county_decision']);
  });

  it('一(四)“村组评议时需村小组及村“三委”干部、驻村工作队、包村干部参与，对农户申请及入户调查情况进行分析研判”', () => {
    const review = mile.procedure!.find((p) => p.name === '村组评议')!;
    expect(review.participants).toEqual(['村小组', '村“三委”干部', '驻村工作队', '包村干部']);
    expect(review.does).toBe('对农户申请及入户调查情况进行分析研判');
  });

  it('一(四)“市级确定” is the deciding step, and the last of the profile’s steps', () => {
    expect(mile.procedure!.filter((p) => p.decides)).toMatchObject([{ name: '市级确定', step: 'county_decision' }]);
    expect(mile.identificationSteps.at(-1)).toBe('county_decision');
  });

  it('the categories, steps, lines and the town report come from the seed; the income window, trigger numbers, update day and visiting frequency (“适时遍访排查”) are marked practice', () => {
    expect(originsOf(mile)).toMatchObject({
      thresholds: 'seed',
      categories: 'seed',
      identificationSteps: 'seed',
      townReportDayOfNextMonth: 'seed',
      incomeWindow: 'practice',
      triggerRules: 'practice',
      monthlyUpdateDay: 'practice',
      monthlyVisit: 'practice',
      eliminationAllowsNoLabour: 'practice',
    });
    expect(originsOf(mile)).not.toHaveProperty('publicNoticeDays');
  });
});

describe('[001] 弥勒市: 三、风险消除 as the proposal is checked', () => {
  it('三 “准确掌握享受的帮扶措施,以及家庭成员、收入、生产生活条件等变化情况,客观准确地判断返贫和致贫风险是否已消除” — a judgment shown as the seed’s, no count refuses a proposal', () => {
    const list = eliminationConditions(mile, { monthsAboveLine: 0, monthsMonitored: 0, measuresReceived: 0 }, true);
    expect(list.map((c) => [c.key, c.origin, c.met])).toEqual([
      ['judgement', 'seed', null],
      ['labour', 'practice', true],
    ]);
    expect(list[0]!.text).toContain('客观准确地判断返贫和致贫风险是否已消除');
    expect(eliminationRefusals(mile, { monthsAboveLine: 0, monthsMonitored: 0, measuresReceived: 0 })).toEqual([]);
  });
});
