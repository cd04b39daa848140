import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS } from '../../db/seed.js';
import { RISK_CAUSES } from '../../domain/identification/steps.js';
import {
  boluoMeasures,
  catalogueProblems,
  DEFAULT_MEASURE_CATALOGUE,
  mileMeasures,
  MEASURE_CODES,
  MICROCREDIT_CHECKS,
  parseLocalDate,
  suggestMeasures,
  type MeasureCatalogue,
  type MeasureHousehold,
  type MeasureMember,
  type MeasureSuggestions,
} from '../../domain/measures/index.js';
import { measureMember } from '../helpers/measure-member.js';
import { shifanV1 } from '../../domain/policy/counties/shifan.js';
import { catalogueOf, parseProfile } from '../../domain/policy/parse.js';
import { policyProfiles, registryProblems } from '../../domain/policy/index.js';
import { measureName } from '../../domain/measures/tasks.js';

const catalogue = DEFAULT_MEASURE_CATALOGUE;

function member(id: string, birthDate: string, overrides: Partial<MeasureMember> = {}): MeasureMember {
  return measureMember(id, id, birthDate, overrides);
}

const codes = (result: MeasureSuggestions) => result.suggestions.map((s) => s.measure);
const suggestion = (result: MeasureSuggestions, code: string) => {
  const found = result.suggestions.find((s) => s.measure === code);
  if (!found) throw new Error(`no suggestion ${code}`);
  return found;
};

describe('the default measure catalogue', () => {
  it('is sound', () => {
    expect(catalogueProblems(catalogue)).toEqual([]);
  });

  it('holds every measure of DOMAIN §5 once, each with a Chinese name and a seed', () => {
    expect(catalogue.measures.map((m) => m.code).sort()).toEqual(Object.values(MEASURE_CODES).sort());
    expect(new Set(catalogue.measures.map((m) => m.code)).size).toBe(catalogue.measures.length);
    for (const m of catalogue.measures) {
      expect(m.name).toMatch(/\p{Script=Han}/u);
      expect(m.sources.length).toBeGreaterThan(0);
      for (const cause of m.suggestedBy) expect(RISK_CAUSES).toContain(cause);
    }
  });

  it('names a lead and cooperating departments that the catalogue defines, once each', () => {
    const departments = new Set(catalogue.departments.map((d) => d.code));
    expect(departments.size).toBe(catalogue.departments.length);
    for (const m of catalogue.measures) {
      expect(departments.has(m.lead), `${m.code} lead ${m.lead}`).toBe(true);
      for (const code of m.cooperating) expect(departments.has(code), `${m.code} cooperating ${code}`).toBe(true);
      expect(m.cooperating).not.toContain(m.lead);
    }
  });

  it('leads as §5 says: 人社局 employment, 民政局 dibao and the safety net, 医保局 medical, 乡村振兴局 microcredit', () => {
    const lead = (code: string) => catalogue.measures.find((m) => m.code === code)?.lead;
    expect(lead('employment')).toBe('rs');
    expect(lead('dibao_pension')).toBe('mz');
    expect(lead('safety_net')).toBe('mz');
    expect(lead('medical')).toBe('yb');
    expect(lead('education')).toBe('jy');
    expect(lead('housing')).toBe('zj');
    expect(lead('drinking_water')).toBe('sl');
    expect(lead('microcredit')).toBe('xczx');
    expect(lead('industry')).toBe('ny');
  });

  it("uses the demo county's department codes for the same departments", () => {
    const names = new Map(catalogue.departments.map((d) => [d.code, d.name]));
    for (const [code, name] of DEMO_DEPARTMENTS) {
      if (names.has(code)) expect(names.get(code)).toBe(name);
    }
    const demoNames = new Map(DEMO_DEPARTMENTS.map(([code, name]) => [name as string, code as string]));
    for (const d of catalogue.departments) {
      if (demoNames.has(d.name)) expect(d.code).toBe(demoNames.get(d.name));
    }
  });

  it('survives JSON unchanged (it is policy data)', () => {
    expect(JSON.parse(JSON.stringify(catalogue))).toEqual(catalogue);
  });

  it('reports a duplicate measure, an unknown lead, a rule pointing nowhere and a developmental safety net', () => {
    const first = catalogue.measures[0]!;
    const broken: MeasureCatalogue = {
      ...catalogue,
      measures: [...catalogue.measures.map((m) => (m.code === 'housing' ? { ...m, lead: 'nobody' } : m)), first],
      rules: { ...catalogue.rules, labour: { ...catalogue.rules.labour, safetyNetMeasure: 'employment' }, pensionPremium: { ...catalogue.rules.pensionPremium!, measure: 'pension' } },
    };
    const problems = catalogueProblems(broken);
    expect(problems).toContain(`design v1: measure "${first.code}": code appears twice`);
    expect(problems).toContain('design v1: measure "housing": lead department "nobody" is not in the catalogue');
    expect(problems).toContain('design v1: rule pensionPremium refers to measure "pension" that is not in the catalogue');
    expect(problems).toContain('design v1: rule labour: the safety-net measure "employment" is developmental');
    expect(catalogueProblems({ ...catalogue, departments: [...catalogue.departments, { code: 'mz', name: '民政局' }] })).toContain(
      'design v1: department code "mz" appears twice',
    );
  });
});

describe('suggestMeasures', () => {
  it('a household without labour capacity gets the safety net and no developmental measure', () => {
    const household: MeasureHousehold = {
      members: [member('grandpa', '1950-03-01', { labourAbility: 'none' }), member('grandma', '1952-08-01', { labourAbility: 'none', chronicIllness: true })],
      riskCauses: ['illness', 'weak_motivation', 'industry_failure', 'unstable_employment'],
      housing: { soleResidence: true, safetyGrade: 'B' },
      drinkingWater: 'safe',
    };
    const result = suggestMeasures(household, parseLocalDate('2025-06-15'), catalogue);
    expect(result.labour.capacity).toBe('none');
    expect(codes(result)).toEqual(['medical', 'safety_net', 'insurance']);
    expect(result.suggestions.every((s) => s.nature === 'safety_net')).toBe(true);
    expect(result.withheld.map((w) => w.measure)).toEqual(['industry', 'employment', 'microcredit', 'motivation']);
    expect(result.withheld.every((w) => w.why === '整户无劳动能力，不安排开发式帮扶措施，转为兜底保障')).toBe(true);
    expect(suggestion(result, 'safety_net').reasons[0]).toMatchObject({
      basis: 'labour_capacity',
      text: '整户无劳动能力：落实低保、特困人员救助供养、临时救助等兜底保障',
    });
    expect(suggestion(result, 'safety_net')).toMatchObject({ lead: 'mz', deadlineDays: 15 });
  });

  it('a labour-capable household gets developmental measures and what its members and house call for', () => {
    const household: MeasureHousehold = {
      members: [
        member('father', '1985-04-01'),
        member('mother', '1987-09-30'),
        member('son', '2015-05-01', { schooling: 'out_of_school' }),
        member('daughter', '2017-01-20', { schooling: 'out_of_school', physicallyUnableToAttend: true, disabilityGrade: '1' }),
        member('grandma', '1960-02-01', { labourAbility: 'none', chronicIllness: true, medicalOutOfPocketYuan: 10000.01 }),
        member('uncle', '1990-01-01', { medicalOutOfPocketYuan: 10000 }),
      ],
      riskCauses: ['illness', 'schooling'],
      housing: { soleResidence: true, safetyGrade: 'D' },
      drinkingWater: 'not_tested',
    };
    const result = suggestMeasures(household, parseLocalDate('2025-12-16'), catalogue);
    expect(result.labour).toMatchObject({ capacity: 'capable', capableMemberIds: ['father', 'mother', 'uncle'] });
    expect(codes(result)).toEqual(['employment', 'dibao_pension', 'medical', 'education', 'housing', 'drinking_water', 'safety_net', 'insurance']);
    expect(result.withheld).toEqual([]);

    expect(suggestion(result, 'employment')).toMatchObject({ lead: 'rs', nature: 'developmental', memberIds: ['father', 'mother', 'uncle'] });
    expect(suggestion(result, 'dibao_pension').memberIds).toEqual(['father', 'mother', 'uncle']);

    const medical = suggestion(result, 'medical');
    expect(medical.reasons.filter((r) => r.basis === 'medical_extra_aid').map((r) => r.memberIds)).toEqual([['grandma']]);
    expect(medical.reasons.find((r) => r.basis === 'chronic_illness')?.memberIds).toEqual(['grandma']);
    expect(result.details.medicalExtraAid.find((r) => r.memberId === 'uncle')?.outcome).toBe('none');

    const education = suggestion(result, 'education');
    expect(education.reasons.filter((r) => r.basis === 'compulsory_education').map((r) => r.memberIds)).toEqual([['son']]);
    expect(result.details.compulsoryEducation.find((r) => r.memberId === 'daughter')?.outcome).toBe('exempt_physical');

    expect(suggestion(result, 'housing').reasons).toEqual([{ basis: 'housing', text: '唯一住房鉴定为D级危房：按危房改造政策改建', memberIds: [], sources: ['000'] }]);
    expect(suggestion(result, 'safety_net').reasons.map((r) => [r.basis, r.memberIds])).toEqual([['severe_disability', ['daughter']]]);
    expect(suggestion(result, 'insurance').reasons[0]?.text).toBe('风险类型：因病、因学');
  });

  it('a household with only weak labour gets the safety net and public-welfare posts, not industry', () => {
    const household: MeasureHousehold = {
      members: [member('head', '1970-01-01', { labourAbility: 'weak' }), member('wife', '1972-01-01', { labourAbility: 'none' })],
      riskCauses: ['industry_failure', 'unstable_employment'],
    };
    const result = suggestMeasures(household, parseLocalDate('2025-06-15'), catalogue);
    expect(result.labour.capacity).toBe('weak_only');
    expect(codes(result)).toContain('safety_net');
    expect(codes(result)).toContain('employment');
    expect(suggestion(result, 'employment').reasons.map((r) => r.text)).toContain('弱劳力、半劳力（head（55周岁））可通过公益性岗位、劳务合作社等托底安置就业');
    expect(result.withheld.map((w) => [w.measure, w.why])).toEqual([
      ['industry', '家庭没有有劳动能力的成员，不安排此项开发式帮扶措施'],
      ['microcredit', '家庭没有有劳动能力的成员，不安排此项开发式帮扶措施'],
    ]);
  });

  it('reports what is missing from the employment plans', () => {
    const household: MeasureHousehold = {
      members: [member('a', '1985-01-01'), member('b', '1986-01-01')],
      riskCauses: [],
      employmentPlans: [{ memberId: 'a', guidance: 1, training: 1, jobOffers: 3 }],
    };
    const result = suggestMeasures(household, parseLocalDate('2025-06-15'), catalogue);
    const gaps = suggestion(result, 'employment').reasons.filter((r) => r.basis === 'employment_plan');
    expect(gaps.map((r) => r.memberIds)).toEqual([['b']]);
    expect(gaps[0]?.text).toContain('b（39周岁）尚未建立“一人一案”就业帮扶计划');
    expect(result.details.employment?.complete).toBe(false);
  });

  it('microcredit: screens members of the right age when a risk cause points to it, and withholds it when nobody may apply', () => {
    const household: MeasureHousehold = {
      members: [member('young', '2008-01-01'), member('adult', '1985-01-01'), member('old', '1959-01-01')],
      riskCauses: ['industry_failure'],
    };
    const asOf = parseLocalDate('2025-06-15');
    const screened = suggestMeasures(household, asOf, catalogue);
    expect(suggestion(screened, 'microcredit').memberIds).toEqual(['adult']);

    const allChecks = Object.fromEntries(MICROCREDIT_CHECKS.map((c) => [c, true]));
    const tooLong = suggestMeasures({ ...household, riskCauses: [], microcreditApplications: [{ memberId: 'old', termYears: 1, checklist: allChecks }] }, asOf, catalogue);
    expect(codes(tooLong)).not.toContain('microcredit');
    expect(tooLong.withheld.find((w) => w.measure === 'microcredit')?.why).toBe('家庭成员均不符合新申请小额信贷的年龄或劳动能力条件');

    const applied = suggestMeasures({ ...household, riskCauses: [], microcreditApplications: [{ memberId: 'adult', termYears: 3, checklist: allChecks }] }, asOf, catalogue);
    expect(suggestion(applied, 'microcredit').reasons.at(-1)?.text).toContain('可以向银行申请脱贫人口小额信贷（全额贴息）；是否放贷由银行综合评估后自主决定');
  });

  it('lists what to verify: schooling of a compulsory-age child, housing and water not reported', () => {
    const household: MeasureHousehold = { members: [member('mum', '1990-01-01'), member('kid', '2016-01-01')], riskCauses: [] };
    const result = suggestMeasures(household, parseLocalDate('2025-06-15'), catalogue);
    expect(result.toVerify.map((v) => [v.measure, v.memberIds])).toEqual([
      ['education', ['kid']],
      ['housing', []],
      ['drinking_water', []],
    ]);
  });

  it('refuses an unsound catalogue and a household with a member twice', () => {
    const household: MeasureHousehold = { members: [member('a', '1990-01-01')], riskCauses: [] };
    const asOf = parseLocalDate('2025-06-15');
    expect(() => suggestMeasures(household, asOf, { ...catalogue, measures: catalogue.measures.filter((m) => m.code !== 'safety_net') })).toThrow(/safety_net/);
    expect(() => suggestMeasures({ ...household, members: [...household.members, ...household.members] }, asOf, catalogue)).toThrow(RangeError);
  });
});

describe('the measure catalogue of a county profile', () => {
  it('takes the profile’s own catalogue, the design’s when it has none, and refuses a profile whose catalogue is unsound', () => {
    const own = { ...DEFAULT_MEASURE_CATALOGUE, id: 'county-own', measures: DEFAULT_MEASURE_CATALOGUE.measures.map((d) => ({ ...d, defaultDeadlineDays: 10 })) };
    expect(catalogueOf({ ...shifanV1, measureCatalogue: own })).toBe(own);
    expect(catalogueOf({ ...shifanV1, measureCatalogue: undefined })).toBe(DEFAULT_MEASURE_CATALOGUE);
    const broken = { ...own, measures: [...own.measures, own.measures[0]!] };
    const parsed = parseProfile({ ...shifanV1, measureCatalogue: broken });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.join('\n')).toMatch(/measure catalogue: .*appears twice/);
  });
});

describe('the shipped catalogues', () => {
  it('gives every seed county its own sound catalogue, built from its seed alone; the demo county 示范县 and national practice of 2026 keep the design’s', () => {
    expect(registryProblems(policyProfiles)).toEqual([]);
    for (const [id, versions] of Object.entries(policyProfiles)) {
      for (const profile of versions) {
        const own = catalogueOf(profile);
        expect(catalogueProblems(own), id).toEqual([]);
        if (id === 'shifan' || id === 'national-2026') expect(own).toBe(DEFAULT_MEASURE_CATALOGUE);
        else expect(own).toMatchObject({ id, version: profile.version, effectiveFrom: profile.effectiveFrom, sources: profile.sources });
      }
    }
  });

  it('reports a co-lead not in the catalogue, a seed the catalogue is not built from, an empty practice note and an invented-looking document number', () => {
    const [first, ...rest] = boluoMeasures.measures;
    const broken: MeasureCatalogue = {
      ...boluoMeasures,
      measures: [
        { ...first!, coLeads: ['nobody', first!.lead], sources: ['000', '004'], practice: [{ field: 'deadline', note: '' }], documents: [{ title: '《某某方案》', number: '第1号' }] },
        ...rest,
      ],
      rules: { ...boluoMeasures.rules, severeDisability: { measure: 'dibao_pension', grades: ['1'], source: '004' } },
    };
    const problems = catalogueProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'boluo v1: measure "industry": lead department "nobody" is not in the catalogue',
        'boluo v1: measure "industry": the lead department is named twice as lead',
        'boluo v1: measure "industry": cites seed 004 that the catalogue is not built from',
        'boluo v1: measure "industry": a practice note marks "deadline", which it does not have',
        'boluo v1: measure "industry": the practice note on "deadline" must say why, in Chinese',
        'boluo v1: measure "industry": document number "第1号" is not of the form 〔YYYY〕N号 (null when the seed gives none)',
        'boluo v1: rule severeDisability: cites seed 004 that the catalogue is not built from',
      ]),
    );
    expect(catalogueProblems({ ...broken, measures: [{ ...first!, documents: [{ title: '《某某方案》', number: null }] }, ...rest], rules: boluoMeasures.rules })).toEqual([]);
  });

  it('names a task’s measure from the county’s catalogue, else from the first shipped catalogue that has the code', () => {
    expect(measureName('medical')).toBe('医疗保障');
    expect(measureName('medical', mileMeasures)).toBe('医疗救助');
    expect(measureName('consumption')).toBe('持续开展消费帮扶');
    expect(measureName('no_such_measure')).toBe('no_such_measure');
  });
});
