import { describe, expect, it } from 'vitest';
import {
  compulsoryEducationCheck,
  DEFAULT_MEASURE_CATALOGUE,
  employmentPlanProgress,
  householdLabour,
  housingEligibility,
  medicalExtraAidEligibility,
  MICROCREDIT_CHECKS,
  microcreditEligibility,
  parseLocalDate,
  pensionPremiumEligibility,
  ageAsOf,
  type MeasureMember,
  type MicrocreditChecklist,
} from '../../domain/measures/index.js';
import { measureMember } from '../helpers/measure-member.js';

const rules = DEFAULT_MEASURE_CATALOGUE.rules;
const pension = rules.pensionPremium!;
const credit = rules.microcredit!;
const medical = rules.medicalExtraAid!;
const housing = rules.housing!;
const school = rules.compulsoryEducation!;
const employment = rules.employment!;

const on = parseLocalDate;

function member(birthDate: string, overrides: Partial<MeasureMember> = {}): MeasureMember {
  return measureMember('m1', '张三', birthDate, overrides);
}

const allChecks: MicrocreditChecklist = Object.fromEntries(MICROCREDIT_CHECKS.map((c) => [c, true]));

describe('age in full years on the Asia/Shanghai date', () => {
  it('completes a year on the birthday, not the day before', () => {
    expect(ageAsOf(member('2009-06-15'), on('2025-06-14'))).toBe(15);
    expect(ageAsOf(member('2009-06-15'), on('2025-06-15'))).toBe(16);
  });

  it('born on 29 February: the birthday in a leap year, 1 March in a common year', () => {
    expect(ageAsOf(member('2008-02-29'), on('2024-02-28'))).toBe(15);
    expect(ageAsOf(member('2008-02-29'), on('2024-02-29'))).toBe(16);
    expect(ageAsOf(member('2008-02-29'), on('2025-02-28'))).toBe(16);
    expect(ageAsOf(member('2008-02-29'), on('2025-03-01'))).toBe(17);
  });

  it('refuses a date that does not exist and an "as of" date before the birth', () => {
    expect(() => ageAsOf(member('2009-02-29'), on('2025-01-01'))).toThrow(RangeError);
    expect(() => parseLocalDate('2025-6-1')).toThrow(RangeError);
    expect(() => ageAsOf(member('2025-06-02'), on('2025-06-01'))).toThrow(RangeError);
  });
});

describe('pension premium 养老保险代缴 [000]: age ≥ 16 and < 60, not a student or active military', () => {
  it('15 the day before the 16th birthday: no; 16 on it: yes', () => {
    const young = member('2009-06-15');
    const before = pensionPremiumEligibility(young, on('2025-06-14'), pension);
    expect(before).toMatchObject({ age: 15, eligible: false });
    expect(before.reasons).toEqual(['张三（15周岁）未满16周岁，不在养老保险代缴范围']);
    const onBirthday = pensionPremiumEligibility(young, on('2025-06-15'), pension);
    expect(onBirthday).toMatchObject({ age: 16, eligible: true });
    expect(onBirthday.reasons).toEqual(['张三（16周岁）年满16周岁且不满60周岁，不是在校生或现役军人：全额资助参加城乡居民基本养老保险']);
  });

  it('59 the day before the 60th birthday: yes; 60 on it: no', () => {
    const older = member('1965-06-15');
    expect(pensionPremiumEligibility(older, on('2025-06-14'), pension)).toMatchObject({ age: 59, eligible: true });
    const sixty = pensionPremiumEligibility(older, on('2025-06-15'), pension);
    expect(sixty).toMatchObject({ age: 60, eligible: false });
    expect(sixty.reasons).toEqual(['张三（60周岁）已满60周岁，不在养老保险代缴范围']);
  });

  it('born on 29 February: 16 on the leap-day birthday, and on 1 March when the 16th year is common (2100)', () => {
    expect(pensionPremiumEligibility(member('2008-02-29'), on('2024-02-28'), pension).eligible).toBe(false);
    expect(pensionPremiumEligibility(member('2008-02-29'), on('2024-02-29'), pension).eligible).toBe(true);
    expect(pensionPremiumEligibility(member('2084-02-29'), on('2100-02-28'), pension)).toMatchObject({ age: 15, eligible: false });
    expect(pensionPremiumEligibility(member('2084-02-29'), on('2100-03-01'), pension)).toMatchObject({ age: 16, eligible: true });
    expect(pensionPremiumEligibility(member('1964-02-29'), on('2024-02-28'), pension)).toMatchObject({ age: 59, eligible: true });
    expect(pensionPremiumEligibility(member('1964-02-29'), on('2024-02-29'), pension)).toMatchObject({ age: 60, eligible: false });
  });

  it('excludes students and active military of any age, with both reasons when both hold', () => {
    const asOf = on('2025-06-15');
    expect(pensionPremiumEligibility(member('2005-01-01', { isStudent: true }), asOf, pension).reasons).toEqual(['张三（20周岁）是在校生，不在养老保险代缴范围']);
    expect(pensionPremiumEligibility(member('2000-01-01', { isActiveMilitary: true }), asOf, pension).reasons).toEqual(['张三（25周岁）是现役军人，不在养老保险代缴范围']);
    const both = pensionPremiumEligibility(member('2005-01-01', { isStudent: true, isActiveMilitary: true }), asOf, pension);
    expect(both.eligible).toBe(false);
    expect(both.reasons).toHaveLength(2);
  });
});

describe('microcredit 小额信贷 [000]: age 18–65, age + term ≤ 65, the town checklist; the bank decides', () => {
  it('17 the day before the 18th birthday cannot apply; 18 on it may', () => {
    const young = member('2007-06-15');
    const before = microcreditEligibility(young, on('2025-06-14'), credit, { termYears: 3, checklist: allChecks });
    expect(before).toMatchObject({ age: 17, outcome: 'cannot_apply', unmet: ['age'] });
    expect(before.reasons[0]).toBe('张三（17周岁）年龄不在18至65周岁之间，不能新申请小额信贷');
    const after = microcreditEligibility(young, on('2025-06-15'), credit, { termYears: 3, checklist: allChecks });
    expect(after).toMatchObject({ age: 18, outcome: 'may_apply', unmet: [], unknown: [] });
  });

  it('born on 29 February 2008: 17 on 28 February 2026, 18 on 1 March 2026', () => {
    const leap = member('2008-02-29');
    expect(microcreditEligibility(leap, on('2026-02-28'), credit, { termYears: 1, checklist: allChecks }).unmet).toEqual(['age']);
    expect(microcreditEligibility(leap, on('2026-03-01'), credit, { termYears: 1, checklist: allChecks }).outcome).toBe('may_apply');
  });

  it('65 is within the age range but no term keeps age + term within 65; 66 is outside it', () => {
    const older = member('1960-06-15');
    const at65 = microcreditEligibility(older, on('2025-06-14'), credit, { checklist: allChecks });
    expect(at65.age).toBe(64);
    expect(at65.maxTermYears).toBe(1);
    const sixtyFive = microcreditEligibility(older, on('2025-06-15'), credit, { checklist: allChecks });
    expect(sixtyFive).toMatchObject({ age: 65, outcome: 'cannot_apply', unmet: ['age_plus_term'], maxTermYears: 0 });
    expect(sixtyFive.reasons[0]).toBe('张三（65周岁）年龄在18至65周岁之间');
    const sixtySix = microcreditEligibility(older, on('2026-06-15'), credit, { checklist: allChecks });
    expect(sixtySix).toMatchObject({ age: 66, outcome: 'cannot_apply' });
    expect(sixtySix.unmet).toContain('age');
  });

  it('age + term = 65 may apply; = 66 cannot, and the longest term is named', () => {
    const sixty = member('1965-01-10');
    const asOf = on('2025-06-15');
    const five = microcreditEligibility(sixty, asOf, credit, { termYears: 5, checklist: allChecks });
    expect(five).toMatchObject({ age: 60, outcome: 'may_apply' });
    expect(five.reasons).toContain('年龄 60 周岁 + 贷款期限 5 年 = 65，不超过 65 周岁');
    const six = microcreditEligibility(sixty, asOf, credit, { termYears: 6, checklist: allChecks });
    expect(six).toMatchObject({ outcome: 'cannot_apply', unmet: ['age_plus_term'], maxTermYears: 5 });
    expect(six.reasons).toContain('年龄 60 周岁 + 贷款期限 6 年 = 66，超过 65 周岁；贷款期限最长 5 年');
  });

  it('says "may apply", never approved: the bank decides', () => {
    const result = microcreditEligibility(member('1985-03-01'), on('2025-06-15'), credit, { termYears: 3, checklist: allChecks });
    expect(result.outcome).toBe('may_apply');
    expect(result.reasons.at(-1)).toBe('可以向银行申请脱贫人口小额信贷（全额贴息）；是否放贷由银行综合评估后自主决定');
    expect(result.reasons.join('')).not.toMatch(/批准|已获贷款/);
  });

  it('lists the checklist items not yet known and those not met', () => {
    const asOf = on('2025-06-15');
    const blank = microcreditEligibility(member('1985-03-01'), asOf, credit, {});
    expect(blank.outcome).toBe('needs_information');
    expect(blank.unknown).toEqual(['age_plus_term', ...MICROCREDIT_CHECKS]);
    expect(blank.reasons).toContain('贷款期限未定：年龄与期限之和不超过 65 周岁，期限最长 25 年');
    const noProject = microcreditEligibility(member('1985-03-01'), asOf, credit, { termYears: 2, checklist: { ...allChecks, project: false, repayment: undefined } });
    expect(noProject).toMatchObject({ outcome: 'cannot_apply', unmet: ['project'], unknown: ['repayment'] });
    expect(noProject.reasons).toContain('不符合：有发展项目');
    expect(noProject.reasons).toContain('待镇村核实：有一定还款能力');
  });

  it('needs a labour-capable applicant', () => {
    const weak = microcreditEligibility(member('1985-03-01', { labourAbility: 'weak' }), on('2025-06-15'), credit, { termYears: 2, checklist: allChecks });
    expect(weak).toMatchObject({ outcome: 'cannot_apply', unmet: ['labour_capacity'] });
  });

  it('refuses a loan term that is not a whole number of years', () => {
    expect(() => microcreditEligibility(member('1985-03-01'), on('2025-06-15'), credit, { termYears: 0 })).toThrow(RangeError);
    expect(() => microcreditEligibility(member('1985-03-01'), on('2025-06-15'), credit, { termYears: 1.5 })).toThrow(RangeError);
  });
});

describe('medical extra aid [000]: personal out-of-pocket over 10,000 yuan in the calendar year', () => {
  const asOf = on('2025-12-15');

  it('10,000.00 is not over; 10,000.01 is', () => {
    const at = medicalExtraAidEligibility(member('1960-01-01', { medicalOutOfPocketYuan: 10000 }), asOf, medical);
    expect(at).toMatchObject({ outcome: 'none', outOfPocketFen: 1_000_000, year: 2025 });
    expect(at.reasons).toEqual(['张三（65周岁）2025年个人自付医疗费用 10,000.00 元，未超过 10,000 元，不属于额外救助范围']);
    const over = medicalExtraAidEligibility(member('1960-01-01', { medicalOutOfPocketYuan: 10000.01 }), asOf, medical);
    expect(over).toMatchObject({ outcome: 'extra_aid', outOfPocketFen: 1_000_001 });
    expect(over.reasons).toEqual(['张三（65周岁）2025年个人自付医疗费用 10,000.01 元，超过 10,000 元：每年12月中旬核算后给予额外救助']);
  });

  it('an unreported amount is unknown, not "no aid"', () => {
    expect(medicalExtraAidEligibility(member('1960-01-01'), asOf, medical).outcome).toBe('unknown');
  });

  it("applies in Boluo's consolidation years 2021–2025 only, unless a county's rule says otherwise", () => {
    const sick = member('1960-01-01', { medicalOutOfPocketYuan: 20000 });
    expect(medicalExtraAidEligibility(sick, on('2026-12-15'), medical).outcome).toBe('not_in_force');
    expect(medicalExtraAidEligibility(sick, on('2021-01-01'), medical).outcome).toBe('extra_aid');
    const openEnded = { ...medical, yearsInForce: undefined };
    expect(medicalExtraAidEligibility(sick, on('2026-12-15'), openEnded).outcome).toBe('extra_aid');
  });
});

describe('housing [000]: a sole residence graded C is reinforced, D rebuilt', () => {
  it('grades A and B need nothing; C reinforce; D rebuild', () => {
    expect(housingEligibility({ soleResidence: true, safetyGrade: 'A' }, housing).action).toBe('none');
    expect(housingEligibility({ soleResidence: true, safetyGrade: 'B' }, housing)).toEqual({ action: 'none', reasons: ['住房鉴定为B级，无需改造'] });
    expect(housingEligibility({ soleResidence: true, safetyGrade: 'C' }, housing)).toEqual({ action: 'reinforce', reasons: ['唯一住房鉴定为C级危房：按危房改造政策加固维修'] });
    expect(housingEligibility({ soleResidence: true, safetyGrade: 'D' }, housing)).toEqual({ action: 'rebuild', reasons: ['唯一住房鉴定为D级危房：按危房改造政策改建'] });
  });

  it('a house that is not the sole residence is not rebuilt or reinforced', () => {
    expect(housingEligibility({ soleResidence: false, safetyGrade: 'D' }, housing)).toEqual({ action: 'none', reasons: ['住房鉴定为D级，但不是唯一住房，不纳入危房改造'] });
    expect(housingEligibility({ soleResidence: false, safetyGrade: 'C' }, housing).action).toBe('none');
  });

  it('a suspected dangerous house is appraised first; no housing data is unknown', () => {
    expect(housingEligibility({ soleResidence: true, suspectedDangerous: true }, housing).action).toBe('appraise');
    expect(housingEligibility({ soleResidence: false, suspectedDangerous: true }, housing).action).toBe('appraise');
    expect(housingEligibility({ soleResidence: true }, housing).action).toBe('none');
    expect(housingEligibility(undefined, housing).action).toBe('unknown');
  });
});

describe('compulsory education 控辍保学 [000]: ages 6–15 out of school, unless physically unable', () => {
  const asOf = on('2025-06-15');

  it('a child of compulsory-school age out of school gets the education measure', () => {
    const result = compulsoryEducationCheck(member('2015-09-01', { displayName: '小明', schooling: 'out_of_school' }), asOf, school);
    expect(result).toMatchObject({ age: 9, outcome: 'education_measure' });
    expect(result.reasons).toEqual(['小明（9周岁）处于义务教育适龄阶段（6至15周岁），失学辍学：落实控辍保学，劝返复学']);
  });

  it('a child physically unable to attend is exempt', () => {
    const result = compulsoryEducationCheck(member('2015-09-01', { schooling: 'out_of_school', physicallyUnableToAttend: true }), asOf, school);
    expect(result.outcome).toBe('exempt_physical');
  });

  it('the age band starts on the 6th birthday and ends on the 16th', () => {
    const out = { schooling: 'out_of_school' as const };
    expect(compulsoryEducationCheck(member('2019-06-16', out), asOf, school).outcome).toBe('not_compulsory_age');
    expect(compulsoryEducationCheck(member('2019-06-15', out), asOf, school).outcome).toBe('education_measure');
    expect(compulsoryEducationCheck(member('2009-06-16', out), asOf, school)).toMatchObject({ age: 15, outcome: 'education_measure' });
    expect(compulsoryEducationCheck(member('2009-06-15', out), asOf, school)).toMatchObject({ age: 16, outcome: 'not_compulsory_age' });
  });

  it('in school, completed, or unknown', () => {
    expect(compulsoryEducationCheck(member('2015-09-01', { isStudent: true }), asOf, school).outcome).toBe('in_school');
    expect(compulsoryEducationCheck(member('2010-01-01', { schooling: 'completed_compulsory' }), asOf, school).outcome).toBe('completed');
    expect(compulsoryEducationCheck(member('2015-09-01'), asOf, school).outcome).toBe('unknown');
  });
});

describe('labour capacity [001, 002]', () => {
  const asOf = on('2025-06-15');

  it('a household is labour-capable through a capable member of working age not in school or the army', () => {
    expect(householdLabour([member('1980-01-01')], asOf, rules.labour).capacity).toBe('capable');
    expect(householdLabour([member('2006-01-01', { isStudent: true })], asOf, rules.labour).capacity).toBe('none');
    expect(householdLabour([member('2000-01-01', { isActiveMilitary: true })], asOf, rules.labour).capacity).toBe('none');
    expect(householdLabour([member('2010-01-01')], asOf, rules.labour).capacity).toBe('none');
    expect(householdLabour([member('1960-01-01', { labourAbility: 'partial' })], asOf, rules.labour).capacity).toBe('weak_only');
    expect(householdLabour([member('1950-01-01', { labourAbility: 'none' })], asOf, rules.labour)).toMatchObject({
      capacity: 'none',
      reasons: ['整户无劳动能力：落实低保、特困人员救助供养、临时救助等兜底保障'],
    });
  });
});

describe('employment 一人一案 [000, 003]: 1 guidance, 1 training, 3 job offers per labour-capable person', () => {
  const asOf = on('2025-06-15');
  const household: MeasureMember[] = [
    member('1980-01-01', { id: 'a', displayName: '甲' }),
    member('1982-01-01', { id: 'b', displayName: '乙' }),
    member('1990-01-01', { id: 'c', displayName: '丙' }),
    member('1985-01-01', { id: 'd', displayName: '丁', employed: true }),
    member('2008-01-01', { id: 'student', isStudent: true }),
    member('1955-01-01', { id: 'elder', labourAbility: 'none' }),
  ];

  it('says what each labour-capable member is missing', () => {
    const progress = employmentPlanProgress(
      household,
      [
        { memberId: 'a', guidance: 1, training: 1, jobOffers: 3 },
        { memberId: 'b', guidance: 0, training: 1, jobOffers: 2 },
        { memberId: 'd', guidance: 1, training: 1, jobOffers: 0 },
      ],
      asOf,
      employment,
      rules.labour,
    );
    expect(progress.complete).toBe(false);
    expect(progress.members.map((p) => [p.memberId, p.missing])).toEqual([
      ['a', []],
      ['b', ['guidance', 'job_offers']],
      ['c', ['plan', 'guidance', 'training', 'job_offers']],
      ['d', []],
    ]);
    const b = progress.members.find((p) => p.memberId === 'b')!;
    expect(b.jobOffers).toEqual({ done: 2, required: 3 });
    expect(b.reasons).toEqual(['乙（43周岁）已提供就业指导 0 次，至少须 1 次', '乙（43周岁）已推送岗位信息 2 个，按1:3须提供 3 个']);
    expect(progress.members.find((p) => p.memberId === 'd')!.jobOffers).toEqual({ done: 0, required: 0 });
    expect(progress.reasons).toContain('丙（35周岁）尚未建立“一人一案”就业帮扶计划');
    expect(progress.reasons.some((r) => r.startsWith('甲'))).toBe(false);
  });

  it('is complete when every labour-capable member has 1 guidance, 1 training and 3 offers (or a job)', () => {
    const plans = ['a', 'b', 'c'].map((memberId) => ({ memberId, guidance: 1, training: 2, jobOffers: 3 }));
    const progress = employmentPlanProgress(household, [...plans, { memberId: 'd', guidance: 1, training: 1, jobOffers: 0 }], asOf, employment, rules.labour);
    expect(progress.complete).toBe(true);
    expect(progress.reasons).toEqual(['所有有劳动能力成员的“一人一案”均已落实']);
  });

  it('two offers are one short of 1:3', () => {
    const one = [member('1980-01-01', { id: 'a' })];
    expect(employmentPlanProgress(one, [{ memberId: 'a', guidance: 1, training: 1, jobOffers: 2 }], asOf, employment, rules.labour).complete).toBe(false);
    expect(employmentPlanProgress(one, [{ memberId: 'a', guidance: 1, training: 1, jobOffers: 3 }], asOf, employment, rules.labour).complete).toBe(true);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => employmentPlanProgress(household, [{ memberId: 'a', guidance: -1, training: 0, jobOffers: 0 }], asOf, employment, rules.labour)).toThrow(RangeError);
  });
});
