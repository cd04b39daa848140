/**
 * Member changes and the facts the measure rules read: who counts in a month,
 * which leavings and joinings are refused, and each rule of [000] firing and
 * not firing on the facts the application, the monthly update and the visit
 * now bring (housing grade, sole residence, water, medical cost, schooling,
 * employment, microcredit term).
 */
import { describe, expect, it } from 'vitest';
import {
  applyFacts,
  boluoMeasures,
  DEFAULT_MEASURE_CATALOGUE,
  factRows,
  factsRefusal,
  parseLocalDate,
  suggestMeasures,
  type HouseholdFacts,
  type MeasureCatalogue,
  type MeasureMember,
  type MeasureSuggestions,
} from '../../domain/measures/index.js';
import { joiningRefusal, leavingRefusal, membersOfPeriod, presentIn } from '../../domain/people/member-changes.js';
import { measureMember } from '../helpers/measure-member.js';

const member = (id: string, birthDate: string, overrides: Partial<MeasureMember> = {}) => measureMember(id, id, birthDate, overrides);
const today = parseLocalDate('2026-12-01');

/** Suggestions for the members with the facts applied, as the plan's activity makes them. */
function suggestWith(members: MeasureMember[], facts: HouseholdFacts, asOf: string, catalogue: MeasureCatalogue = boluoMeasures): MeasureSuggestions {
  const date = parseLocalDate(asOf);
  const known = applyFacts(members, factRows(facts, date.year), date);
  return suggestMeasures(
    {
      members: known.members,
      riskCauses: [],
      ...(known.housing ? { housing: known.housing } : {}),
      ...(known.drinkingWater ? { drinkingWater: known.drinkingWater } : {}),
      ...(known.microcreditApplications.length > 0 ? { microcreditApplications: known.microcreditApplications } : {}),
    },
    date,
    catalogue,
  );
}
const codes = (r: MeasureSuggestions) => r.suggestions.map((s) => s.measure);
const reasons = (r: MeasureSuggestions, code: string) => r.suggestions.find((s) => s.measure === code)?.reasons.map((x) => x.text) ?? [];

describe('the members of a month', () => {
  const died = { joinedOn: null, leftOn: '2026-03-15' };
  const born = { joinedOn: '2026-05-02', leftOn: null };
  const always = { joinedOn: null, leftOn: null };

  it('count a member who died in March in March, and not from April', () => {
    expect(presentIn(died, '2026-03')).toBe(true);
    expect(presentIn(died, '2026-04')).toBe(false);
    expect(membersOfPeriod([died, always], '2026-04')).toEqual([always]);
  });

  it('count a child born in May from May, not before', () => {
    expect(presentIn(born, '2026-04')).toBe(false);
    expect(presentIn(born, '2026-05')).toBe(true);
    expect(membersOfPeriod([died, born, always], '2026-05')).toEqual([born, always]);
  });

  it('count a member who left on the first of a month in that month', () => {
    expect(presentIn({ joinedOn: null, leftOn: '2026-04-01' }, '2026-04')).toBe(true);
  });
});

describe('a leaving or joining refused in the clerk’s words', () => {
  const head = { name: '王大山', birthDate: '1967-05-20', joinedOn: null, leftOn: null };

  it('refuses a leaving date before the birth', () => {
    expect(leavingRefusal(head, '1960-01-01', today)).toBe('减员日期早于王大山的出生日期 1967-05-20，请核对');
  });
  it('refuses a member leaving twice', () => {
    expect(leavingRefusal({ ...head, leftOn: '2026-03-15' }, '2026-04-01', today)).toBe('王大山已于 2026-03-15 减员，不能重复登记减员');
  });
  it('refuses a day in the future or one the calendar lacks', () => {
    expect(leavingRefusal(head, '2027-01-01', today)).toBe('变动日期不能晚于今天（2026-12-01）');
    expect(leavingRefusal(head, '2026-02-30', today)).toBe('日期“2026-02-30”不存在，请按 YYYY-MM-DD 填写');
  });
  it('refuses a leaving before the member joined', () => {
    expect(leavingRefusal({ ...head, joinedOn: '2020-06-01' }, '2020-05-01', today)).toBe('减员日期早于王大山的增员日期 2020-06-01，请核对');
  });
  it('accepts a leaving on a day between birth and today', () => {
    expect(leavingRefusal(head, '2026-03-15', today)).toBeUndefined();
  });
  it('refuses a joining before the birth, accepts one on it', () => {
    expect(joiningRefusal('2026-05-02', '2026-05-01', today)).toBe('增员日期早于出生日期 2026-05-02，请核对');
    expect(joiningRefusal('2026-05-02', '2026-05-02', today)).toBeUndefined();
  });
});

describe('the facts as submitted', () => {
  it('refuses a grade outside A–D, a member twice, a cost beyond the fen, a term that is not whole years', () => {
    expect(factsRefusal({ housing: { safetyGrade: 'E' as never } })).toBe('住房安全等级只能是A、B、C、D级');
    expect(factsRefusal({ members: [{ memberId: 'a' }, { memberId: 'a' }] })).toBe('同一成员的情况只能填写一次');
    expect(factsRefusal({ members: [{ memberId: 'a', medicalOutOfPocketYuan: 1.005 }] })).toBe('本年个人自付医疗费用应为不小于0的金额，精确到分');
    expect(factsRefusal({ microcredit: [{ memberId: 'a', amountYuan: 50000, termYears: 2.5 }] })).toBe('贷款期限应为1至30年的整数');
    expect(factsRefusal({ microcredit: [{ memberId: 'a', amountYuan: 0, termYears: 3 }] })).toBe('小额信贷申请金额应为大于0的金额，精确到分');
    expect(factsRefusal({ housing: { safetyGrade: 'D', soleResidence: true }, drinkingWater: 'safe', members: [{ memberId: 'a', medicalOutOfPocketYuan: 12000.5 }] })).toBeUndefined();
  });

  it('keeps the latest fact of each kind in force, and the medical cost of the year asked for only', () => {
    const older = factRows({ housing: { safetyGrade: 'B', soleResidence: true }, members: [{ memberId: 'a', medicalOutOfPocketYuan: 20000 }] }, 2024);
    const newer = factRows({ housing: { safetyGrade: 'D', soleResidence: true } }, 2025);
    const known = applyFacts([member('a', '1970-01-01')], [...older, ...newer], parseLocalDate('2025-06-15'));
    expect(known.housing).toEqual({ safetyGrade: 'D', soleResidence: true });
    expect(known.members[0]?.medicalOutOfPocketYuan).toBeUndefined();
  });
});

describe('[000] housing: 现唯一居住房鉴定为C、D级危房需改建（或加固维修）', () => {
  const members = [member('a', '1970-01-01')];
  it('fires for a grade-D sole residence, and for C (reinforced)', () => {
    expect(reasons(suggestWith(members, { housing: { safetyGrade: 'D', soleResidence: true } }, '2025-06-15'), 'housing')).toEqual(['唯一住房鉴定为D级危房：按危房改造政策改建']);
    expect(reasons(suggestWith(members, { housing: { safetyGrade: 'C', soleResidence: true } }, '2025-06-15'), 'housing')).toEqual(['唯一住房鉴定为C级危房：按危房改造政策加固维修']);
  });
  it('does not fire for grade D that is not the sole residence, nor for grade B', () => {
    expect(codes(suggestWith(members, { housing: { safetyGrade: 'D', soleResidence: false } }, '2025-06-15'))).not.toContain('housing');
    expect(codes(suggestWith(members, { housing: { safetyGrade: 'B', soleResidence: true } }, '2025-06-15'))).not.toContain('housing');
  });
  it('does not fire when whether it is the sole residence is unknown, and says what to verify', () => {
    const result = suggestWith(members, { housing: { safetyGrade: 'D' } }, '2025-06-15');
    expect(codes(result)).not.toContain('housing');
    expect(result.toVerify).toContainEqual({ measure: 'housing', text: '住房鉴定为D级，是否唯一住房未填报，须核实后确定是否纳入危房改造', memberIds: [] });
  });
  it('without any housing fact asks for it', () => {
    expect(suggestWith(members, {}, '2025-06-15').toVerify.map((v) => v.measure)).toContain('housing');
  });
});

describe('[000] pension: 年满16周岁且不满60周岁，不含在校生', () => {
  it('fires for a 59-year-old who is not a student', () => {
    expect(reasons(suggestWith([member('a', '1966-03-01')], {}, '2025-06-15'), 'dibao_pension')[0]).toContain('全额资助参加城乡居民基本养老保险');
  });
  it('does not fire for a 17-year-old the schooling fact says is in school', () => {
    const result = suggestWith([member('a', '1966-03-01'), member('s', '2008-01-01')], { members: [{ memberId: 's', schooling: 'in_school' }] }, '2025-06-15');
    expect(result.details.pensionPremium.filter((p) => p.eligible).map((p) => p.memberId)).toEqual(['a']);
  });
});

describe('[000] medical extra aid: 个人自付费用超过1万元 (2021–2025)', () => {
  const members = [member('a', '1970-01-01')];
  it('fires above 10,000 yuan of the year', () => {
    const result = suggestWith(members, { members: [{ memberId: 'a', medicalOutOfPocketYuan: 12000 }] }, '2025-12-16');
    expect(reasons(result, 'medical').join('；')).toContain('2025年个人自付医疗费用 12,000.00 元，超过 10,000 元');
    expect(result.details.medicalExtraAid[0]?.outcome).toBe('extra_aid');
  });
  it('does not fire at 10,000 yuan, nor when the cost is unknown, nor after 2025', () => {
    expect(suggestWith(members, { members: [{ memberId: 'a', medicalOutOfPocketYuan: 10000 }] }, '2025-12-16').details.medicalExtraAid[0]?.outcome).toBe('none');
    expect(suggestWith(members, {}, '2025-12-16').details.medicalExtraAid[0]?.outcome).toBe('unknown');
    expect(suggestWith(members, { members: [{ memberId: 'a', medicalOutOfPocketYuan: 20000 }] }, '2026-12-16').details.medicalExtraAid[0]?.outcome).toBe('not_in_force');
  });
});

describe('[000] microcredit: 年龄与贷款期限之和不超过65周岁', () => {
  const sixty = member('a', '1965-01-01');
  it('fires for an application whose age plus term is 65', () => {
    const result = suggestWith([sixty], { microcredit: [{ memberId: 'a', amountYuan: 50000, termYears: 5 }] }, '2025-06-15');
    expect(codes(result)).toContain('microcredit');
    expect(reasons(result, 'microcredit')[0]).toContain('年龄 60 周岁 + 贷款期限 5 年 = 65，不超过 65 周岁');
  });
  it('does not fire for a term that takes age plus term past 65: withheld with why', () => {
    const result = suggestWith([sixty], { microcredit: [{ memberId: 'a', amountYuan: 50000, termYears: 6 }] }, '2025-06-15');
    expect(codes(result)).not.toContain('microcredit');
    expect(result.withheld.map((w) => w.measure)).toContain('microcredit');
    expect(result.details.microcredit[0]?.unmet).toContain('age_plus_term');
  });
  it('without an application, the microcredit rule is not screened at all', () => {
    expect(suggestWith([sixty], {}, '2025-06-15').details.microcredit).toEqual([]);
  });
});

describe('[000] education: 义务教育阶段适龄儿童少年不因贫失学辍学', () => {
  it('fires for a ten-year-old out of school, not for one in school or physically unable; unknown schooling is to verify', () => {
    const kid = member('k', '2015-01-01', { labourAbility: 'none' });
    const parent = member('p', '1985-01-01');
    expect(codes(suggestWith([parent, kid], { members: [{ memberId: 'k', schooling: 'out_of_school' }] }, '2025-06-15'))).toContain('education');
    const inSchool = suggestWith([parent, kid], { members: [{ memberId: 'k', schooling: 'in_school' }] }, '2025-06-15');
    expect(inSchool.details.compulsoryEducation.find((r) => r.memberId === 'k')?.outcome).toBe('in_school');
    const exempt = suggestWith([parent, kid], { members: [{ memberId: 'k', schooling: 'out_of_school', physicallyUnableToAttend: true }] }, '2025-06-15');
    expect(exempt.details.compulsoryEducation.find((r) => r.memberId === 'k')?.outcome).toBe('exempt_physical');
    expect(codes(exempt)).not.toContain('education');
    expect(suggestWith([parent, kid], {}, '2025-06-15').toVerify.map((v) => v.measure)).toContain('education');
  });
});

describe('employment and water facts', () => {
  it('an employed member is owed no job offers where the county says so (the design catalogue)', () => {
    const result = suggestWith([member('a', '1985-01-01')], { members: [{ memberId: 'a', employed: true }] }, '2025-06-15', DEFAULT_MEASURE_CATALOGUE);
    expect(result.details.employment?.members[0]?.jobOffers.required).toBe(0);
    const unemployed = suggestWith([member('a', '1985-01-01')], { members: [{ memberId: 'a', employed: false }] }, '2025-06-15', DEFAULT_MEASURE_CATALOGUE);
    expect(unemployed.details.employment?.members[0]?.jobOffers.required).toBe(3);
  });
  it('water that failed its test brings the water measure; water tested safe does not', () => {
    expect(codes(suggestWith([member('a', '1985-01-01')], { drinkingWater: 'unsafe' }, '2025-06-15'))).toContain('drinking_water');
    expect(codes(suggestWith([member('a', '1985-01-01')], { drinkingWater: 'safe' }, '2025-06-15'))).not.toContain('drinking_water');
  });
});
