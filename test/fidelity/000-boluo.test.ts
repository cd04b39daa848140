/**
 * Seed [000] 博罗县 — 博乡振组〔2022〕5号《博罗县“十四五”时期脱贫人口监测对象分类帮扶工作方案》,
 * through Boluo's own profile and catalogue.
 */
import { describe, expect, it } from 'vitest';
import { cadenceOf, categoriesOf, ruleOrigins } from '../../domain/policy/index.js';
import { medicalExtraAidEligibility, microcreditEligibility, parseLocalDate } from '../../domain/measures/index.js';
import { assess, originsOf, measure, member, ownCatalogue, practiceFields, reasonsFor, storedProfile, suggest, suggested, units, withheld } from './support.js';

const boluo = storedProfile('boluo');
const rules = ownCatalogue(boluo).rules;
const asOf = parseLocalDate('2025-06-15');

describe('[000] 博罗县: the measures of 四、工作任务 and their 责任单位', () => {
  it('has the eight measures 1–8 of 四、工作任务 and no other (no 兜底、扶志、保险 measure of another county)', () => {
    expect(ownCatalogue(boluo).measures.map((m) => m.code)).toEqual([
      'industry',
      'employment',
      'dibao_pension',
      'medical',
      'education',
      'housing',
      'drinking_water',
      'microcredit',
    ]);
    expect(ownCatalogue(boluo).sources).toEqual(['000']);
  });

  it('1、产业帮扶支持 “（责任单位：县农业农村局、县乡村振兴局、县人社局、各相关镇<街道、管委会>）”', () => {
    expect(units(boluo, 'industry')).toEqual({ lead: '县农业农村局', coLeads: [], cooperating: ['县乡村振兴局', '县人社局'], towns: true });
  });

  it('2、就业政策支持 “（责任单位：县人社局、县农业农村局、县乡村振兴局）” — no towns named', () => {
    expect(units(boluo, 'employment')).toEqual({ lead: '县人社局', coLeads: [], cooperating: ['县农业农村局', '县乡村振兴局'], towns: false });
  });

  it('3、最低生活保障和养老保险政策支持 “（责任单位：县民政局、县人社局）”', () => {
    expect(units(boluo, 'dibao_pension')).toEqual({ lead: '县民政局', coLeads: [], cooperating: ['县人社局'], towns: false });
  });

  it('4、医疗救助 “（责任单位：县医保局、县民政局、县乡村振兴局、各相关镇〈街道、管委会〉）” — no 卫健局', () => {
    expect(units(boluo, 'medical')).toEqual({ lead: '县医保局', coLeads: [], cooperating: ['县民政局', '县乡村振兴局'], towns: true });
  });

  it('5、教育保障支持 “（责任单位：县教育局、县人社局、各相关镇〈街道、管委会〉）”', () => {
    expect(units(boluo, 'education')).toEqual({ lead: '县教育局', coLeads: [], cooperating: ['县人社局'], towns: true });
  });

  it('6.住房保障政策支持 “（责任单位：县住建局、各相关镇〈街道、管委会〉）”', () => {
    expect(units(boluo, 'housing')).toEqual({ lead: '县住建局', coLeads: [], cooperating: [], towns: true });
  });

  it('7、农村饮水安全政策支持 “（责任单位：县水利局、各相关镇〈街道、管委会〉）”', () => {
    expect(units(boluo, 'drinking_water')).toEqual({ lead: '县水利局', coLeads: [], cooperating: [], towns: true });
  });

  it('8、小额信贷政策支持 “（责任单位：县乡村振兴局、县财政局、县金融工作局、县人民银行博罗县支行、各相关镇…）”', () => {
    expect(units(boluo, 'microcredit')).toEqual({
      lead: '县乡村振兴局',
      coLeads: [],
      cooperating: ['县财政局', '县金融工作局', '县人民银行博罗县支行'],
      towns: true,
    });
  });

  it('8、names the lending banks “博罗县农商银行、农业银行博罗县支行、邮储银行博罗支行”, who decide (“自主作出贷款决定”)', () => {
    expect(measure(boluo, 'microcredit').otherParties).toEqual(['博罗县农商银行', '农业银行博罗县支行', '邮储银行博罗支行']);
  });

  it('gives no deadline per measure: every deadline is marked as practice, and no document number is invented', () => {
    for (const m of ownCatalogue(boluo).measures) {
      expect(practiceFields(m), m.code).toContain('defaultDeadlineDays');
      expect(m.documents ?? []).toEqual([]);
    }
  });
});

describe('[000] 博罗县: the rules of its measures', () => {
  it('3、“需年满 16 周岁且不满 60 周岁，不含在校生、现役军人等” — the pension premium paid in full', () => {
    const result = suggest(
      boluo,
      {
        members: [
          member('m15', '2010-01-01'),
          member('m16', '2009-06-15'),
          member('m59', '1965-06-16'),
          member('m60', '1965-06-15'),
          member('student', '2004-01-01', { isStudent: true }),
          member('soldier', '2000-01-01', { isActiveMilitary: true }),
        ],
        riskCauses: [],
      },
      '2025-06-15',
    );
    expect(result.details.pensionPremium.filter((r) => r.eligible).map((r) => r.memberId)).toEqual(['m16', 'm59']);
    expect(reasonsFor(result, 'dibao_pension').map((r) => r.basis)).toEqual(['pension_premium', 'pension_premium']);
  });

  it('3、“将农村符合条件的易致贫人口监测对象纳入低保兜底保障（含原建档立卡无劳力脱贫困户）” — a household without labour gets dibao, no developmental measure', () => {
    const result = suggest(boluo, { members: [member('old', '1950-01-01', { labourAbility: 'none' })], riskCauses: ['industry_failure', 'unstable_employment'] }, '2025-06-15');
    expect(suggested(result)).toEqual(['dibao_pension', 'medical']);
    expect(reasonsFor(result, 'dibao_pension').map((r) => r.basis)).toEqual(['labour_capacity']);
    expect(withheld(result)).toEqual(['industry', 'employment', 'microcredit']);
  });

  it('8、“申请人年龄原则上在18周岁—65周岁之间（其中年龄与贷款期限之和不超过65周岁）”', () => {
    const rule = rules.microcredit!;
    expect(microcreditEligibility(member('a', '1963-06-15'), asOf, rule, { termYears: 3 }).unmet).not.toContain('age_plus_term');
    expect(microcreditEligibility(member('a', '1963-06-15'), asOf, rule, { termYears: 4 }).unmet).toContain('age_plus_term');
    expect(microcreditEligibility(member('b', '2007-06-16'), asOf, rule).unmet).toContain('age');
    expect(microcreditEligibility(member('c', '1959-06-14'), asOf, rule).unmet).toContain('age');
  });

  it('8、“对有劳动能力的监测对象新申请脱贫人口小额信贷” and “银行金融机构…自主作出贷款决定”: the best answer is that the member may apply', () => {
    const rule = rules.microcredit!;
    expect(microcreditEligibility(member('n', '1980-01-01', { labourAbility: 'none' }), asOf, rule).unmet).toContain('labour_capacity');
    const checklist = Object.fromEntries(rule.checks.map((c) => [c, true]));
    const ok = microcreditEligibility(member('y', '1980-01-01'), asOf, rule, { termYears: 3, checklist });
    expect(ok.outcome).toBe('may_apply');
    expect(ok.reasons.at(-1)).toContain('由银行综合评估后自主决定');
  });

  it('4、“落实全额资助监测对象参加城乡居民基本医疗保险政策” and “合规慢性特殊疾病门诊、住院报销”', () => {
    const result = suggest(boluo, { members: [member('a', '1980-01-01'), member('b', '1982-01-01', { chronicIllness: true })], riskCauses: [] }, '2025-06-15');
    expect(reasonsFor(result, 'medical').map((r) => [r.basis, r.memberIds])).toEqual([
      ['medical_insurance', ['a', 'b']],
      ['chronic_illness', ['b']],
    ]);
  });

  it('4、“在巩固期间（2021 年—2025 年）每年 12 月中旬核算…对个人自付费用超过 1 万元的脱贫人口实行额外救助”', () => {
    const rule = rules.medicalExtraAid!;
    const dec = parseLocalDate('2025-12-16');
    expect(medicalExtraAidEligibility(member('a', '1980-01-01', { medicalOutOfPocketYuan: 10000 }), dec, rule).outcome).toBe('none');
    expect(medicalExtraAidEligibility(member('a', '1980-01-01', { medicalOutOfPocketYuan: 10000.01 }), dec, rule).outcome).toBe('extra_aid');
    expect(medicalExtraAidEligibility(member('a', '1980-01-01', { medicalOutOfPocketYuan: 20000 }), parseLocalDate('2026-12-16'), rule).outcome).toBe('not_in_force');
  });

  it('4、“每年 12 月中旬核算脱贫人口就医数据” — a yearly tally by 医保局 due by 20 December, 2021–2025', () => {
    expect(cadenceOf(boluo).find((i) => i.kind === 'medical_tally')).toMatchObject({
      department: '医保局',
      every: 'year',
      rule: { kind: 'date_in_year', month: 12, day: 20 },
      from: '2021-01',
      to: '2025-12',
    });
  });

  it('5、“确保…义务教育阶段适龄儿童少年不因贫失学辍学（除身体原因不具备学习条件外）”', () => {
    const out = suggest(boluo, { members: [member('child', '2015-01-01', { schooling: 'out_of_school' })], riskCauses: [] }, '2025-06-15');
    expect(reasonsFor(out, 'education').map((r) => r.basis)).toEqual(['compulsory_education']);
    const unable = suggest(boluo, { members: [member('child', '2015-01-01', { schooling: 'out_of_school', physicallyUnableToAttend: true })], riskCauses: [] }, '2025-06-15');
    expect(unable.details.compulsoryEducation[0]?.outcome).toBe('exempt_physical');
    expect(practiceFields(rules.compulsoryEducation)).toEqual(['fromAge', 'toAge']);
  });

  it('5、“对监测对象家庭子女就读义务教育及高中（含中职、中技）等教育阶段落实好各项教育资助政策”', () => {
    const result = suggest(boluo, { members: [member('pupil', '2008-01-01', { isStudent: true })], riskCauses: [] }, '2025-06-15');
    expect(reasonsFor(result, 'education').map((r) => r.basis)).toContain('education_aid');
  });

  it('6、“对新发生监测对象的疑似危房实行全部鉴定，对…现唯一居住房鉴定为 C、D 级危房需改建（或加固维修）的…给予改建（或加固维修）”', () => {
    const action = (housing: Parameters<typeof suggest>[1]['housing']) => suggest(boluo, { members: [member('a', '1980-01-01')], riskCauses: [], housing }, '2025-06-15').details.housing?.action;
    expect(action({ soleResidence: true, suspectedDangerous: true })).toBe('appraise');
    expect(action({ soleResidence: true, safetyGrade: 'D' })).toBe('rebuild');
    expect(action({ soleResidence: true, safetyGrade: 'C' })).toBe('reinforce');
    expect(action({ soleResidence: false, safetyGrade: 'D' })).toBe('none');
    expect(action({ soleResidence: true, safetyGrade: 'B' })).toBe('none');
    // Which of C and D is rebuilt and which reinforced the seed does not say.
    expect(practiceFields(rules.housing)).toEqual(['rebuildGrades', 'reinforceGrades']);
  });

  it('7、“水质经县级及以上检测部门检测合格” — untested water brings the water measure', () => {
    const result = suggest(boluo, { members: [member('a', '1980-01-01')], riskCauses: [], drinkingWater: 'not_tested' }, '2025-06-15');
    expect(suggested(result)).toContain('drinking_water');
  });

  it('2、“对有意愿务工的监测家庭劳动力，落实一人一案跟踪帮扶机制” — a plan, without Xinfeng’s 1:3 and 1 + 1 counts', () => {
    const result = suggest(boluo, { members: [member('a', '1985-01-01')], riskCauses: [] }, '2025-06-15');
    const texts = reasonsFor(result, 'employment').map((r) => r.text);
    expect(texts[0]).toBe('a（40周岁）有劳动能力：落实“一人一案”');
    expect(result.details.employment?.members[0]?.missing).toEqual(['plan']);
    expect(rules.severeDisability).toBeUndefined();
  });
});

describe('[000] 博罗县: procedure and lines', () => {
  it('二、“经县政府审批认定的三类监测对象” and “以村为监测主体、镇（街道、管委会）抓落实、县负总责” — the village reviews, the town audits, the county decides', () => {
    expect(boluo.identificationSteps).toEqual(['application', 'village_review', 'public_notice', 'town_audit', 'county_decision']);
  });

  it('sets no income line: an assessment says no monitoring line is in force rather than borrowing another county’s', () => {
    const result = assess(boluo, '2022-06', { incomeRecords: [], lastYearIncomePerCapita: 8000 });
    expect(result.monitoring).toBeNull();
    expect(result.conclusion).toBe('undetermined');
  });
});

describe('[000] 博罗县: approval by the county government, and what the seed leaves to practice', () => {
  it('二、“经县政府审批认定的三类监测对象” — the county government approves: the deciding step, the last', () => {
    expect(boluo.procedure!.filter((p) => p.decides)).toMatchObject([{ name: '县政府审批认定', step: 'county_decision', decidingBody: '县政府' }]);
    expect(boluo.procedure!.find((p) => p.decides)!.quote).toBe('经县政府审批认定的三类监测对象');
  });

  it('一、“建立以村为监测主体、镇（街道、管委会）抓落实、县负总责” — the village and town steps come from the seed', () => {
    expect(boluo.procedure!.filter((p) => p.source === '000').map((p) => p.step)).toEqual(['village_review', 'town_audit', 'county_decision']);
  });

  it('the seed names no public notice: the notice is marked “not in the seed” both as a step and as a rule', () => {
    expect(boluo.procedure!.find((p) => p.step === 'public_notice')).toMatchObject({ source: null });
    expect(originsOf(boluo)).toMatchObject({ publicNoticeDays: 'practice', identificationSteps: 'practice', monthlyVisit: 'practice', eliminationAllowsNoLabour: 'practice' });
  });

  it('“三类监测对象” without their names: the national three, marked as not from the seed', () => {
    expect(categoriesOf(boluo).map((c) => [c.name, c.fromSeed])).toEqual([
      ['脱贫不稳定户', false],
      ['边缘易致贫户', false],
      ['突发严重困难户', false],
    ]);
    expect(originsOf(boluo).categories).toBe('practice');
  });

  it('gives no income line: the profile screen shows the line as missing and asks the county for it', () => {
    expect(ruleOrigins(boluo).find((r) => r.rule === 'thresholds')).toEqual({ rule: 'thresholds', name: '监测标准', origin: 'missing', text: '文件未给出监测标准，请县里录入' });
    expect(originsOf(boluo).measureCatalogue).toBe('seed');
  });
});
