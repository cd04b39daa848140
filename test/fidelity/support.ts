/**
 * What the fidelity suite reads a seed county through: its profile as stored
 * and parsed, its own catalogue, and the domain functions that apply them.
 * Each test file is one seed; each test names the seed's words it checks.
 */
import { expect } from 'vitest';
import { assessHousehold, type AssessmentInput, type LabourAbility, type Threats } from '../../domain/assessment/assess.js';
import type { Period } from '../../domain/calendar/dates.js';
import { periodsOf } from '../../domain/calendar/months.js';
import type { IncomeRecord } from '../../domain/income/projection.js';
import {
  departmentName,
  measureByCode,
  parseLocalDate,
  suggestMeasures,
  type MeasureCatalogue,
  type MeasureDefinition,
  type MeasureHousehold,
  type MeasureMember,
  type MeasureSuggestions,
} from '../../domain/measures/index.js';
import { policyProfiles, ruleOrigins, type PolicyProfile, type RuleOrigin } from '../../domain/policy/index.js';
import { catalogueOf, parseProfile } from '../../domain/policy/parse.js';
import { measureMember } from '../helpers/measure-member.js';

/** A labour-capable member named by their id, unless overridden. */
export const member = (id: string, birthDate: string, overrides: Partial<MeasureMember> = {}): MeasureMember => measureMember(id, id, birthDate, overrides);


/** Version 1 of the county's profile as the database returns it: through JSON and the one parser. */
export function storedProfile(id: string): PolicyProfile {
  const shipped = policyProfiles[id]?.[0];
  if (!shipped) throw new Error(`no profile ${id}`);
  const parsed = parseProfile(JSON.parse(JSON.stringify(shipped)));
  if (!parsed.ok) throw new Error(`${id} does not parse: ${parsed.problems.join('; ')}`);
  return parsed.profile;
}

/** The county's own catalogue (never the design's). */
export function ownCatalogue(profile: PolicyProfile): MeasureCatalogue {
  const catalogue = catalogueOf(profile);
  expect(catalogue.id).toBe(profile.id);
  return catalogue;
}

export function measure(profile: PolicyProfile, code: string): MeasureDefinition {
  const found = measureByCode(ownCatalogue(profile), code);
  if (!found) throw new Error(`${profile.id} has no measure ${code}`);
  return found;
}

/** A measure's units by name, as the seed lists them. */
export function units(profile: PolicyProfile, code: string) {
  const catalogue = ownCatalogue(profile);
  const m = measure(profile, code);
  const name = (c: string) => departmentName(catalogue, c) ?? `?${c}`;
  return { lead: name(m.lead), coLeads: (m.coLeads ?? []).map(name), cooperating: m.cooperating.map(name), towns: m.townsCooperate };
}

/** The fields of a measure or rule that are marked as national practice. */
export const practiceFields = (subject: { readonly practice?: readonly { readonly field: string }[] } | undefined): string[] =>
  (subject?.practice ?? []).map((p) => p.field).sort();

export function suggest(profile: PolicyProfile, household: MeasureHousehold, asOf: string): MeasureSuggestions {
  return suggestMeasures(household, parseLocalDate(asOf), ownCatalogue(profile));
}

export const suggested = (result: MeasureSuggestions): string[] => result.suggestions.map((s) => s.measure);
export const withheld = (result: MeasureSuggestions): string[] => result.withheld.map((w) => w.measure);
export const reasonsFor = (result: MeasureSuggestions, code: string) => result.suggestions.find((s) => s.measure === code)?.reasons ?? [];

const NO_THREATS: Threats = { food: false, clothing: false, compulsoryEducation: false, basicMedical: false, safeHousing: false, drinkingWater: false };

/** The same income record every month of the span. */
export function monthly(from: Period, to: Period, kind: IncomeRecord['kind'], yuan: number): IncomeRecord[] {
  return periodsOf({ from, to }).map((period) => ({ period, kind, yuan }));
}

export function assess(profile: PolicyProfile, period: Period, overrides: Partial<AssessmentInput> & { labour?: readonly LabourAbility[] } = {}) {
  const labour = overrides.labour ?? ['full'];
  return assessHousehold({
    members: { count: labour.length, labour },
    incomeRecords: [],
    spendingRecords: [],
    threats: NO_THREATS,
    riskCauses: [],
    ...overrides,
    profile,
    period,
  });
}

/** Each rule of the profile by where it comes from: 'seed', 'practice' or 'missing' (the rows of the console's profile screen). */
export function originsOf(profile: PolicyProfile): Record<string, RuleOrigin> {
  return Object.fromEntries(ruleOrigins(profile).filter((r) => !/^\d{4}年/.test(r.name)).map((r) => [r.rule, r.origin]));
}

/** The missing yearly figures the console asks the county for. */
export const asks = (profile: PolicyProfile): string[] => ruleOrigins(profile).filter((r) => /^\d{4}年/.test(r.name)).map((r) => r.text);

/** A stored body changed as a county would in a new version, read through the one parser. */
export function reparsed(profile: PolicyProfile, change: Partial<PolicyProfile>): PolicyProfile | string[] {
  const parsed = parseProfile(JSON.parse(JSON.stringify({ ...profile, ...change })));
  return parsed.ok ? parsed.profile : [...parsed.problems];
}
