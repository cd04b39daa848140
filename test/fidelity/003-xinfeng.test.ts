/**
 * Seed [003] 新丰县 — 新农组办〔2023〕3号《新丰县2023年防止返贫动态监测和帮扶工作要点》,
 * through Xinfeng's own profile and catalogue.
 */
import { describe, expect, it } from 'vitest';
import { cadenceOf } from '../../domain/policy/index.js';
import { DEADLINE_CALENDAR } from '../../domain/deadlines/calendar.js';
import { monthPlan } from '../../domain/monitoring/month-plan.js';
import { asks, assess, originsOf, reparsed, measure, member, monthly, ownCatalogue, practiceFields, reasonsFor, storedProfile, suggest, suggested, units } from './support.js';

const xinfeng = storedProfile('xinfeng');
const rules = ownCatalogue(xinfeng).rules;
const T = true;

describe('[003] 新丰县: the items of 四、多方联动 and their 牵头 and 配合 units', () => {
  it('has a measure for each item (七)–(二十二), (八) and (九) as one, and no other (no 产业帮扶 or 小额信贷 of another county)', () => {
    expect(ownCatalogue(xinfeng).measures.map((m) => m.code)).toEqual([
      'employment_subsidy',
      'employment',
      'employment_placement',
      'farm_linkage',
      'consumption',
      'rural_economy',
      'interest_free_loan',
      'farm_training',
      'three_changes',
      'rural_reform',
      'asset_income',
      'safety_net',
      'sector_policies',
      'social_support',
      'insurance',
    ]);
  });

  const items: ReadonlyArray<readonly [string, string, string, readonly string[], boolean]> = [
    ['(七)〔由县人社局牵头负责，县发改局、县民政局、县乡村振兴局、各镇（街）按职责配合〕', 'employment_subsidy', '县人社局', ['县发改局', '县民政局', '县乡村振兴局'], T],
    ['(八)(九)〔由县人社局牵头负责，县农业农村局、县乡村振兴局、各镇（街）按职责配合〕', 'employment', '县人社局', ['县农业农村局', '县乡村振兴局'], T],
    ['(十)〔由县人社局牵头负责，县发改局、县民政局、县农业农村局、县乡村振兴局、各镇（街）按职责配合〕', 'employment_placement', '县人社局', ['县发改局', '县民政局', '县农业农村局', '县乡村振兴局'], T],
    ['(十一)〔由县农业农村局牵头负责，县乡村振兴局、县工信局、县供销社、各镇（街）按职责配合〕', 'farm_linkage', '县农业农村局', ['县乡村振兴局', '县工信局', '县供销社'], T],
    ['(十二)消费帮扶〔由县工信局牵头负责，县农业农村局、县乡村振兴局、县总工会、县供销社、各镇（街）按职责配合〕', 'consumption', '县工信局', ['县农业农村局', '县乡村振兴局', '县总工会', '县供销社'], T],
    ['(十三)〔由县农业农村局牵头负责，县乡村振兴局、县财政局、县人社局、各镇（街）按职责配合〕', 'rural_economy', '县农业农村局', ['县乡村振兴局', '县财政局', '县人社局'], T],
    [
      '(十四)小额免息贷款〔由县农业农村局牵头负责，县乡村振兴局、县人社局、县财政局、县工信局、人民银行新丰支行、各镇（街）按职责配合〕',
      'interest_free_loan',
      '县农业农村局',
      ['县乡村振兴局', '县人社局', '县财政局', '县工信局', '人民银行新丰支行'],
      T,
    ],
    ['(十五)〔由县农业农村局牵头负责，县乡村振兴局、县人社局、各镇（街）按职责配合〕', 'farm_training', '县农业农村局', ['县乡村振兴局', '县人社局'], T],
    ['(十六)〔由县农业农村局牵头负责，县乡村振兴局、县财政局、人民银行新丰支行、各镇（街）按职责配合〕', 'three_changes', '县农业农村局', ['县乡村振兴局', '县财政局', '人民银行新丰支行'], T],
    ['(十七)〔由县农业农村局牵头负责，县乡村振兴局、县财政局、人民银行新丰支行、各镇（街）按职责配合〕', 'rural_reform', '县农业农村局', ['县乡村振兴局', '县财政局', '人民银行新丰支行'], T],
    ['(十八)〔由县乡村振兴局牵头负责，县农业农村局、各镇（街）按职责配合〕', 'asset_income', '县乡村振兴局', ['县农业农村局'], T],
    [
      '(十九)〔由县民政局牵头负责，县乡村振兴局、县教育局、县人社局、县住建管理局、县医保局、县残联、各镇（街）按职责配合〕',
      'safety_net',
      '县民政局',
      ['县乡村振兴局', '县教育局', '县人社局', '县住建管理局', '县医保局', '县残联'],
      T,
    ],
    [
      '(二十)代缴〔由县乡村振兴局牵头负责，县发改局、县教育局、县民政局、县人社局、县住建管理局、县医保局、县残联、各镇（街）按职责配合〕',
      'sector_policies',
      '县乡村振兴局',
      ['县发改局', '县教育局', '县民政局', '县人社局', '县住建管理局', '县医保局', '县残联'],
      T,
    ],
    ['(二十一)〔由县乡村振兴局牵头负责，县农业农村局、县人社局、县工信局、县工商联等部门按职责配合〕', 'social_support', '县乡村振兴局', ['县农业农村局', '县人社局', '县工信局', '县工商联'], false],
    [
      '(二十二)〔由县乡村振兴局牵头负责，县教育局、县民政局、县人社局、县住建管理局、县农业农村局、县医保局、县残联等部门按职责配合〕',
      'insurance',
      '县乡村振兴局',
      ['县教育局', '县民政局', '县人社局', '县住建管理局', '县农业农村局', '县医保局', '县残联'],
      false,
    ],
  ];
  for (const [words, code, lead, cooperating, towns] of items) {
    it(`${words}${towns ? '' : ' — no towns'}`, () => {
      expect(units(xinfeng, code)).toEqual({ lead, coLeads: [], cooperating, towns });
    });
  }

  it('gives no deadline per item: each is marked as practice', () => {
    for (const m of ownCatalogue(xinfeng).measures) expect(practiceFields(m), m.code).toContain('defaultDeadlineDays');
  });
});

describe('[003] 新丰县: who gets which measure', () => {
  it('(八)“对有意愿未就业的有劳动能力脱贫人口和监测对象…提供1:3岗位信息”; “对在岗务工就业的…帮助实现稳定务工就业”', () => {
    const result = suggest(
      xinfeng,
      { members: [member('idle', '1985-01-01'), member('working', '1988-01-01', { employed: true })], riskCauses: [], employmentPlans: [{ memberId: 'idle', guidance: 1, training: 1, jobOffers: 2 }, { memberId: 'working', guidance: 1, training: 1, jobOffers: 0 }] },
      '2023-06-15',
    );
    const progress = result.details.employment!.members;
    expect(progress.find((p) => p.memberId === 'idle')).toMatchObject({ jobOffers: { done: 2, required: 3 }, missing: ['job_offers'] });
    expect(progress.find((p) => p.memberId === 'working')).toMatchObject({ jobOffers: { required: 0 }, missing: [] });
  });

  it('(九)“县人社局对有需求的有劳动能力脱贫人口至少提供1次就业指导、1次就业培训”', () => {
    const result = suggest(xinfeng, { members: [member('a', '1985-01-01')], riskCauses: [], employmentPlans: [{ memberId: 'a', guidance: 0, training: 0, jobOffers: 3 }] }, '2023-06-15');
    expect(result.details.employment!.members[0]?.missing).toEqual(['guidance', 'training']);
    expect(result.suggestions.find((s) => s.measure === 'employment')?.lead).toBe('rs');
  });

  it('(十)“托底安置其中符合就业困难人员条件的弱劳力、半劳力” — weak labour only gets 吸纳就业 with the safety net', () => {
    const result = suggest(xinfeng, { members: [member('w', '1970-01-01', { labourAbility: 'weak' })], riskCauses: [] }, '2023-06-15');
    expect(suggested(result)).toEqual(['employment_placement', 'safety_net', 'sector_policies']);
  });

  it('(十九)“对不符合民政纳入条件的无劳力脱贫户和监测对象，按要求纳入兜底保障” — led by 县民政局', () => {
    const result = suggest(xinfeng, { members: [member('old', '1950-01-01', { labourAbility: 'none' })], riskCauses: ['industry_failure'] }, '2023-06-15');
    expect(suggested(result)).toEqual(['safety_net', 'sector_policies']);
    expect(result.withheld.map((w) => w.measure)).toEqual(['interest_free_loan', 'farm_training']);
  });

  it('(二十)“纳入政府代缴城乡居民医保、基本养老保险费范围，实现全额代缴” — through the item 县乡村振兴局 leads; no chronic-illness rule of Boluo’s', () => {
    const result = suggest(xinfeng, { members: [member('a', '1985-01-01'), member('b', '1987-01-01', { chronicIllness: true })], riskCauses: [] }, '2023-06-15');
    const bases = reasonsFor(result, 'sector_policies').map((r) => r.basis);
    expect(bases).toEqual(['pension_premium', 'pension_premium', 'medical_insurance']);
    expect(result.suggestions.find((s) => s.measure === 'sector_policies')?.lead).toBe('xczx');
    expect(rules.medicalInsurance?.chronicIllness).toBe(false);
  });

  it('(二十)“符合条件的脱贫人口” names no age for the pension premium: the ages are marked as practice', () => {
    expect(practiceFields(rules.pensionPremium)).toEqual(['excludeActiveMilitary', 'excludeStudents', 'maxAgeExclusive', 'minAge']);
  });

  it('(二十)“积极帮助符合条件的脱贫学生申请教育补助、帮助符合条件的脱贫户申请农村危房改造补贴”', () => {
    const result = suggest(xinfeng, { members: [member('s', '2007-01-01', { isStudent: true })], riskCauses: [], housing: { soleResidence: true, safetyGrade: 'D' } }, '2023-06-15');
    const bases = reasonsFor(result, 'sector_policies').map((r) => r.basis);
    expect(bases).toEqual(expect.arrayContaining(['education_aid', 'housing']));
    expect(practiceFields(rules.housing)).toEqual(['appraiseSuspected', 'rebuildGrades', 'reinforceGrades', 'soleResidenceOnly']);
  });

  it('(十四)“对有条件扩大生产规模的脱贫户，发放小额免息贷款” — led by 县农业农村局, with no age rule of Boluo’s', () => {
    expect(measure(xinfeng, 'interest_free_loan').lead).toBe('ny');
    expect(rules.microcredit).toBeUndefined();
    const result = suggest(xinfeng, { members: [member('a', '1955-01-01')], riskCauses: ['industry_failure'] }, '2023-06-15');
    expect(suggested(result)).toContain('interest_free_loan');
    expect(result.details.microcredit).toEqual([]);
  });

  it('(二十二)“减少脱贫户和监测对象因病、因灾、因学、因重大事故等返贫致贫”', () => {
    expect(measure(xinfeng, 'insurance').suggestedBy).toEqual(['illness', 'disaster', 'schooling', 'accident']);
  });
});

describe('[003] 新丰县: lines and cadence', () => {
  it('(二)“家庭年人均可支配收入在10420元以下的纳入…监测和帮扶范围” — 以下 includes 10420, by income alone', () => {
    const onLine = assess(xinfeng, '2023-11', { incomeRecords: [...monthly('2022-12', '2023-10', 'wages', 868), { period: '2023-11', kind: 'wages', yuan: 872 }] });
    expect(onLine.perCapitaFen).toBe(1_042_000);
    expect(onLine.triggers).toEqual([]);
    expect(onLine.eligibleForMonitoring).toBe(true);
  });

  it('(二) 10420 is the line of the 2023 plan: 2024 has no line, and the console asks the county for the years after 2023', () => {
    expect(assess(xinfeng, '2024-03', { incomeRecords: monthly('2023-12', '2024-03', 'wages', 500) }).monitoring).toBeNull();
    expect(asks(xinfeng)).toEqual(['文件只给出了2023年及以前的监测标准，2024年起的监测标准未配置，请县里按省里公布的标准录入']);
  });

  it('(三)“对2023年7月至10月…低于10600元以及2023年11月至12月…低于10800元…进行预警” — no warning line before July', () => {
    const warning = (period: '2023-06' | '2023-07' | '2023-10' | '2023-11') => assess(xinfeng, period, { incomeRecords: monthly('2022-12', period, 'wages', 880) }).warning?.threshold.row.yuanPerPersonYear;
    expect(warning('2023-06')).toBeUndefined();
    expect(warning('2023-07')).toBe(10600);
    expect(warning('2023-10')).toBe(10600);
    expect(warning('2023-11')).toBe(10800);
  });

  it('(五)“每月20日前镇村完成…基础信息变更、家庭收入支出、政策享受情况等信息”', () => {
    expect(xinfeng.monthlyUpdateDay).toBe(20);
    expect(cadenceOf(xinfeng).find((i) => i.kind === 'monthly_update')).toMatchObject({ who: 'village', rule: { kind: 'day_of_month', day: 20 } });
  });

  it('(五)“落实“村每月、镇每季”排查机制”', () => {
    const kinds = cadenceOf(xinfeng).map((i) => [i.kind, i.every]);
    expect(kinds).toEqual(expect.arrayContaining([['monthly_visit', 'month'], ['town_quarterly_screening', 'quarter']]));
  });

  it('(四)“县乡村振兴局每月与民政、教育、医保、残联等部门开展一次数据比对筛查” and “县、镇信息员在每季度末导出本地区数据”', () => {
    const cadence = cadenceOf(xinfeng);
    expect(cadence.find((i) => i.kind === 'department_data_comparison')).toMatchObject({ who: 'county', every: 'month' });
    expect(cadence.filter((i) => i.kind === 'quarter_end_export').map((i) => i.who)).toEqual(['county', 'town']);
  });

  it('(六)“每季度首月中旬由…镇（街）农办或乡村振兴办负责建立健全脱贫劳动力就业台账” and “每季度最后一个月由县人社局汇总”', () => {
    const cadence = cadenceOf(xinfeng);
    expect(cadence.find((i) => i.kind === 'employment_ledger')).toMatchObject({ who: 'town', rule: { kind: 'day_in_quarter', monthOfQuarter: 1, day: 20 } });
    expect(cadence.find((i) => i.kind === 'hrss_quarter_summary')).toMatchObject({ department: '人社局', rule: { monthOfQuarter: 3 } });
  });

  it('(五)“每月20日前” — the June 2023 update is due by the end of 20 June, Asia/Shanghai', () => {
    const update = monthPlan(xinfeng, '2023-06', false, DEADLINE_CALENDAR).items.find((i) => i.kind === 'monthly_update');
    expect(update?.dueAt).toBe(Date.parse('2023-06-21T00:00:00+08:00'));
  });
});

describe('[003] 新丰县: the reading of “每月20日前” as a profile setting, and what the seed leaves to practice', () => {
  const reading = xinfeng.readings!.find((r) => r.subject === 'monthly_update')!;

  it('(五)“每月20日前镇村完成…信息” — the wording is quoted and read as “by the end of the 20th”', () => {
    expect(reading).toMatchObject({ day: 20, wording: '每月20日前', reading: 'by_end_of_day', source: '003' });
    expect(reading.quote).toContain('每月20日前镇村完成脱贫人口和监测对象基础信息变更');
    expect(xinfeng.monthlyUpdateDay).toBe(20);
  });

  it('read as “before the 20th” the setting needs the 19th as the update day, and then the June 2023 update is due by the end of 19 June', () => {
    const before = { ...reading, reading: 'before_day' as const, why: '“20日前”按19日前理解' };
    expect(reparsed(xinfeng, { readings: [before] })).toEqual(expect.arrayContaining([expect.stringContaining('monthlyUpdateDay is 20')]));
    const cadence = cadenceOf(xinfeng).map((i) => (i.kind === 'monthly_update' ? { ...i, rule: { ...i.rule, day: 19 } } : i));
    const moved = reparsed(xinfeng, { readings: [before], monthlyUpdateDay: 19, cadence });
    if (Array.isArray(moved)) throw new Error(moved.join('; '));
    const update = monthPlan(moved, '2023-06', false, DEADLINE_CALENDAR).items.find((i) => i.kind === 'monthly_update');
    expect(update?.dueAt).toBe(Date.parse('2023-06-20T00:00:00+08:00'));
  });

  it('(二)“10420元以下” keeps 以下 (at or below) and (三)“低于10600元”“低于10800元” keep 低于 (strictly below)', () => {
    expect(xinfeng.thresholds.map((r) => [r.yuanPerPersonYear, r.comparison])).toEqual([
      [10420, 'at_or_below'],
      [10600, 'below'],
      [10800, 'below'],
    ]);
  });

  it('the seed does not describe the identification steps or a public notice, nor the income window: each is marked practice; the update day and visits are the seed’s', () => {
    expect(originsOf(xinfeng)).toMatchObject({
      identificationSteps: 'practice',
      publicNoticeDays: 'practice',
      incomeWindow: 'practice',
      categories: 'practice',
      monthlyUpdateDay: 'seed',
      monthlyVisit: 'seed',
      thresholds: 'seed',
    });
  });
});
