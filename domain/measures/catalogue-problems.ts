/**
 * What is wrong with a measure catalogue, in English for whoever maintains
 * the data: codes, departments, the rules' measures and values, practice
 * notes and cited documents, and that nothing cites a seed the catalogue is
 * not built from (another county's rule leaking in).
 */
import { RISK_CAUSES } from '../identification/steps.js';
import type { SeedId } from '../policy/versioned.js';
import { versionProblems } from '../policy/versioned.js';
import { MICROCREDIT_CHECKS, measureByCode, type CitedDocument, type MeasureCatalogue, type PracticeNote } from './catalogue.js';

const SEED_IDS: readonly SeedId[] = ['000', '001', '002', '003', '004'];
const HAN = /\p{Script=Han}/u;

/** Empty when the catalogue is sound. */
export function catalogueProblems(catalogue: MeasureCatalogue): string[] {
  const { where, problems } = versionProblems(catalogue);
  if (!isSeedList(catalogue.sources)) problems.push(`${where}: sources must be seed ids`);
  const cites = (label: string, sources: readonly string[]) => {
    const foreign = sources.filter((s) => !(catalogue.sources as readonly string[]).includes(s));
    if (foreign.length > 0) problems.push(`${label}: cites seed ${foreign.join(', ')} that the catalogue is not built from`);
  };
  const notes = (label: string, subject: object, practice: readonly PracticeNote[] | undefined) => {
    for (const { field, note } of practice ?? []) {
      if (!(field in subject) || field === 'practice') problems.push(`${label}: a practice note marks "${field}", which it does not have`);
      if (!HAN.test(note)) problems.push(`${label}: the practice note on "${field}" must say why, in Chinese`);
    }
  };

  const departmentCodes = new Set<string>();
  for (const d of catalogue.departments) {
    if (!/^[a-z][a-z0-9_]*$/.test(d.code)) problems.push(`${where}: department code "${d.code}" must be lower-case letters`);
    if (departmentCodes.has(d.code)) problems.push(`${where}: department code "${d.code}" appears twice`);
    if (d.name.trim() === '') problems.push(`${where}: department "${d.code}" has no name`);
    departmentCodes.add(d.code);
  }

  const measureCodes = new Set<string>();
  for (const m of catalogue.measures) {
    const label = `${where}: measure "${m.code}"`;
    if (!/^[a-z][a-z0-9_]*$/.test(m.code)) problems.push(`${label}: code must be lower-case letters, digits and underscores`);
    if (measureCodes.has(m.code)) problems.push(`${label}: code appears twice`);
    measureCodes.add(m.code);
    if (m.name.trim() === '' || m.quote.trim() === '') problems.push(`${label}: name and quote are required`);
    if (!departmentCodes.has(m.lead)) problems.push(`${label}: lead department "${m.lead}" is not in the catalogue`);
    const coLeads = m.coLeads ?? [];
    for (const code of coLeads) {
      if (!departmentCodes.has(code)) problems.push(`${label}: lead department "${code}" is not in the catalogue`);
      if (code === m.lead) problems.push(`${label}: the lead department is named twice as lead`);
      if (m.cooperating.includes(code)) problems.push(`${label}: "${code}" is both a lead and cooperating`);
    }
    for (const code of m.cooperating) {
      if (!departmentCodes.has(code)) problems.push(`${label}: cooperating department "${code}" is not in the catalogue`);
      if (code === m.lead) problems.push(`${label}: the lead department is also listed as cooperating`);
    }
    if (new Set(m.cooperating).size !== m.cooperating.length || new Set(coLeads).size !== coLeads.length) {
      problems.push(`${label}: a cooperating department appears twice`);
    }
    if (!Number.isInteger(m.defaultDeadlineDays) || m.defaultDeadlineDays < 1) problems.push(`${label}: the deadline must be a positive number of days`);
    for (const cause of m.suggestedBy) {
      if (!(RISK_CAUSES as readonly string[]).includes(cause)) problems.push(`${label}: "${cause}" is not a risk cause`);
    }
    if (m.sources.length === 0 || !isSeedList(m.sources)) problems.push(`${label}: sources must be one or more seed ids`);
    cites(label, m.sources);
    notes(label, m, m.practice);
    for (const doc of m.documents ?? []) problems.push(...documentProblems(label, doc));
  }

  const rules = catalogue.rules;
  const refer = (rule: string, code: string) => {
    if (!measureCodes.has(code)) problems.push(`${where}: rule ${rule} refers to measure "${code}" that is not in the catalogue`);
  };
  const ages = (rule: string, ...values: number[]) => {
    if (!values.every((v) => Number.isInteger(v) && v >= 0 && v <= 150)) problems.push(`${where}: rule ${rule} needs whole ages`);
  };
  for (const [name, rule] of Object.entries(rules)) {
    if (rule === undefined) continue;
    const r = rule as { source?: string; sources?: readonly string[]; practice?: readonly PracticeNote[] };
    cites(`${where}: rule ${name}`, r.sources ?? (r.source === undefined ? [] : [r.source]));
    notes(`${where}: rule ${name}`, r, r.practice);
  }

  const { labour } = rules;
  refer('labour', labour.safetyNetMeasure);
  if (measureByCode(catalogue, labour.safetyNetMeasure)?.nature === 'developmental') {
    problems.push(`${where}: rule labour: the safety-net measure "${labour.safetyNetMeasure}" is developmental`);
  }
  if (labour.weakLabourMeasure !== null) refer('labour', labour.weakLabourMeasure);
  ages('labour', labour.minWorkingAge);

  const { pensionPremium, microcredit, medicalInsurance, medicalExtraAid, housing, drinkingWater, compulsoryEducation, educationAid, employment, severeDisability } =
    rules;
  if (pensionPremium) {
    refer('pensionPremium', pensionPremium.measure);
    ages('pensionPremium', pensionPremium.minAge, pensionPremium.maxAgeExclusive);
    if (pensionPremium.minAge >= pensionPremium.maxAgeExclusive) problems.push(`${where}: rule pensionPremium: the age range is empty`);
  }
  if (microcredit) {
    refer('microcredit', microcredit.measure);
    ages('microcredit', microcredit.minAge, microcredit.maxAge, microcredit.maxAgePlusTerm);
    if (microcredit.minAge > microcredit.maxAge) problems.push(`${where}: rule microcredit: the age range is empty`);
    if (microcredit.checks.some((c) => !(MICROCREDIT_CHECKS as readonly string[]).includes(c))) problems.push(`${where}: rule microcredit: unknown check`);
  }
  if (medicalInsurance) refer('medicalInsurance', medicalInsurance.measure);
  if (drinkingWater) refer('drinkingWater', drinkingWater.measure);
  if (medicalExtraAid) {
    refer('medicalExtraAid', medicalExtraAid.measure);
    const line = medicalExtraAid.outOfPocketAboveYuan;
    if (!(line > 0) || Math.round(line * 100) !== line * 100) problems.push(`${where}: rule medicalExtraAid: the line must be a positive amount to the fen`);
    const years = medicalExtraAid.yearsInForce;
    if (years && !(Number.isInteger(years.from) && Number.isInteger(years.to) && years.from <= years.to)) {
      problems.push(`${where}: rule medicalExtraAid: yearsInForce must be whole years, from ≤ to`);
    }
  }
  if (housing) {
    refer('housing', housing.measure);
    if (housing.rebuildGrades.some((g) => housing.reinforceGrades.includes(g))) problems.push(`${where}: rule housing: a grade is both rebuilt and reinforced`);
  }
  if (compulsoryEducation) {
    refer('compulsoryEducation', compulsoryEducation.measure);
    ages('compulsoryEducation', compulsoryEducation.fromAge, compulsoryEducation.toAge);
    if (compulsoryEducation.fromAge > compulsoryEducation.toAge) problems.push(`${where}: rule compulsoryEducation: the age range is empty`);
  }
  if (educationAid) refer('educationAid', educationAid.measure);
  if (employment) {
    refer('employment', employment.measure);
    if (![employment.minGuidance, employment.minTraining, employment.jobOffersPerPerson].every((n) => Number.isInteger(n) && n >= 0)) {
      problems.push(`${where}: rule employment: counts must be whole numbers`);
    }
    if (measureByCode(catalogue, employment.measure)?.nature === 'safety_net') problems.push(`${where}: rule employment: the measure is not developmental`);
  }
  if (severeDisability) refer('severeDisability', severeDisability.measure);
  return problems;
}

/** A cited document has a title; its number 文号 is the seed's, or null where the seed gives none. */
function documentProblems(label: string, doc: CitedDocument): string[] {
  const problems: string[] = [];
  if (!HAN.test(doc.title)) problems.push(`${label}: a cited document needs its Chinese title`);
  if (doc.number !== null && !/〔\d{4}〕\d+号$/.test(doc.number)) problems.push(`${label}: document number "${doc.number}" is not of the form 〔YYYY〕N号 (null when the seed gives none)`);
  return problems;
}

function isSeedList(sources: readonly string[]): boolean {
  return sources.every((s) => (SEED_IDS as readonly string[]).includes(s));
}
