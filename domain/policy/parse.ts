/**
 * The one reader of a stored profile body 政策配置: whatever reads a county's
 * rules from the database goes through `parseProfile`, with one failure rule —
 * a body with any problem is not a profile, and nothing falls back to the
 * design's defaults in silence. The defaults a profile may leave out (the
 * cadence, the catalogue, the task policy, light monitoring) are filled by the
 * look-ups below, from a parsed profile only.
 */
import type { MeasureCatalogue } from '../measures/catalogue.js';
import { DEFAULT_MEASURE_CATALOGUE } from '../measures/catalogues/design.js';
import { DEFAULT_TASK_POLICY, taskPolicyProblems, type TaskPolicy } from '../measures/tasks.js';
import { IDENTIFICATION_STEPS } from '../identification/steps.js';
import { profileProblems, type PolicyProfile } from './profile.js';

export type ParsedProfile =
  | { readonly ok: true; readonly profile: PolicyProfile }
  | { readonly ok: false; readonly problems: readonly string[] };

type Check = readonly [field: string, ok: (value: unknown) => boolean, what: string];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const isWhole = (v: unknown) => Number.isInteger(v);
const isList = (ok: (item: unknown) => boolean) => (v: unknown) => Array.isArray(v) && v.every(ok);
const optional = (ok: (value: unknown) => boolean) => (v: unknown) => v === undefined || ok(v);
const oneOf = (values: readonly unknown[]) => (v: unknown) => values.includes(v);

/** The shape a body must have before its rules can be checked at all. */
const REQUIRED: readonly Check[] = [
  ['id', isText, 'a text id'],
  ['version', isWhole, 'a whole version number'],
  ['countyName', isText, 'the county name'],
  ['effectiveFrom', isText, 'a month'],
  ['document', isText, 'the document cited'],
  ['sources', isList(isText), 'a list of seed ids'],
  ['incomeMeasure', oneOf(['disposable', 'net']), "'disposable' or 'net'"],
  ['thresholds', isList(isObject), 'a list of lines'],
  ['incomeWindow', (v) => isObject(v) && oneOf(['since_previous_december', 'fixed', 'trailing'])(v.kind), 'an income window'],
  ['inclusionRule', oneOf(['trigger_and_below', 'trigger_or_below', 'below_only']), 'an inclusion rule'],
  ['triggerRules', isObject, 'the trigger rules'],
  ['identificationSteps', isList(oneOf(IDENTIFICATION_STEPS)), 'a list of known steps'],
  ['eliminationAllowsNoLabour', (v) => typeof v === 'boolean', 'true or false'],
  ['monthlyUpdateDay', isWhole, 'a day of the month'],
  ['publicNoticeDays', optional(isWhole), 'a number of days'],
  ['townReportDayOfNextMonth', optional(isWhole), 'a day of the month'],
  ['cadence', optional(isList(isObject)), 'a list of items'],
  ['identificationClocks', optional(isObject), 'clocks'],
  ['eliminationClocks', optional(isObject), 'clocks'],
  ['focusCriteria', optional(isObject), 'focus criteria'],
  ['measureCatalogue', optional(isObject), 'a measure catalogue'],
  ['measureTasks', optional(isObject), 'a task policy'],
  ['selfReport', optional(isObject), 'the self-report settings'],
  ['yearlyLines', optional(isList(isObject)), 'a list of yearly rules'],
  ['categories', optional(isList(isObject)), 'a list of categories'],
  ['procedure', optional(isList(isObject)), 'a list of procedure steps'],
  ['readings', optional(isList(isObject)), 'a list of readings'],
  ['practice', optional(isList(isObject)), 'a list of practice notes'],
  ['standingPractice', optional(isObject), 'the standing practice'],
  ['assessment', optional(isObject), 'the assessment settings'],
  ['riskColours', optional(isObject), 'the risk colour rules'],
  ['comparison', optional(isObject), 'the data comparison settings'],
  ['lightMonitoring', optional(isList(oneOf(['monthly_update', 'monthly_visit']))), 'a list of monthly items'],
  ['eliminationBasis', optional(isList((q) => isObject(q) && isText(q.quote) && isText(q.source))), 'a list of quotes with their seed'],
];

/** The stored body as a profile, or every problem found with it (in English, for whoever maintains the data). */
export function parseProfile(body: unknown): ParsedProfile {
  if (!isObject(body)) return { ok: false, problems: ['the profile is not an object'] };
  const shape = REQUIRED.filter(([field, ok]) => !ok(body[field])).map(([field, , what]) => `${field} must be ${what}`);
  if (shape.length > 0) return { ok: false, problems: shape };
  const profile = body as unknown as PolicyProfile;
  let problems: string[];
  try {
    problems = [...profileProblems(profile), ...(profile.measureTasks ? taskPolicyProblems(profile.measureTasks) : [])];
  } catch (error) {
    problems = [`a part of the profile cannot be read (${error instanceof Error ? error.message : String(error)})`];
  }
  return problems.length === 0 ? { ok: true, profile } : { ok: false, problems };
}

/** The county's measures, departments and deadlines; a profile without its own has the design's catalogue. */
export function catalogueOf(profile: PolicyProfile): MeasureCatalogue {
  return profile.measureCatalogue ?? DEFAULT_MEASURE_CATALOGUE;
}

/** When tasks are reminded and escalated: the profile's own fields, the design's for those it leaves out. */
export function taskPolicyOf(profile: PolicyProfile): TaskPolicy {
  const own = profile.measureTasks ?? {};
  return {
    remindDaysBefore: own.remindDaysBefore ? [...new Set(own.remindDaysBefore)].sort((a, b) => b - a) : DEFAULT_TASK_POLICY.remindDaysBefore,
    reminderHour: own.reminderHour ?? DEFAULT_TASK_POLICY.reminderHour,
    supervisorsAfterDays: own.supervisorsAfterDays ?? DEFAULT_TASK_POLICY.supervisorsAfterDays,
  };
}
