/**
 * A new policy version against the one in force, field by field, in the
 * county bureau's words: what each line was and what it becomes. Runs in the
 * console as the draft is edited and in the API before a version is published.
 */
import { cadenceItemKindNames, describeRule } from '../deadlines/messages.js';
import { STEP_NAMES } from '../identification/steps.js';
import type { ProcedureClocks } from '../identification/clocks.js';
import { incomeMeasureNames, inclusionRuleNames, thresholdKindNames } from '../messages/catalogue.js';
import type { IncomeWindow } from '../income/projection.js';
import type { Cadence } from '../deadlines/cadence.js';
import { profileFieldNames as f, policyMessages as m } from './messages.js';
import { cadenceOf, type PolicyProfile, type ThresholdRow } from './profile.js';
import { describeAssessment, describeRiskColours, scoringMessages } from './draft-scoring.js';

export interface FieldChange {
  /** The field, as the county bureau names it. */
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

const steps = (s: PolicyProfile['identificationSteps']) => s.map((step) => STEP_NAMES[step] ?? step).join(' → ');
const clocks = (c: ProcedureClocks | undefined) => {
  if (!c) return m.none;
  const parts = Object.entries(c.steps ?? {}).map(([step, days]) => m.clockStep(STEP_NAMES[step as keyof typeof STEP_NAMES] ?? step, days as number));
  if (c.wholeCase !== undefined) parts.push(m.clockWhole(c.wholeCase));
  return parts.join('；') || m.none;
};
const window = (w: IncomeWindow) =>
  w.kind === 'since_previous_december' ? m.windowSincePreviousDecember : w.kind === 'trailing' ? m.windowTrailing(w.months) : m.windowFixed(w.from, w.to, w.projectsYear);
const cadence = (c: Cadence | undefined) =>
  (c ?? []).map((item) => `${cadenceItemKindNames[item.kind] ?? item.kind}：${describeRule(item.rule)}`).join('；') || m.none;
const optionalDay = (n: number | undefined) => (n === undefined ? m.none : m.dayOfMonth(n));
const lineLabel = (row: ThresholdRow) => m.thresholdLine(thresholdKindNames[row.kind], row.from);
const lineValue = (row: ThresholdRow | undefined) => (row ? m.thresholdValue(row.yuanPerPersonYear, row.comparison, row.from, row.to) : m.none);

/** JSON with keys in order: a stored body (jsonb) keeps its keys in another order than the draft. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Each field, and how it reads. */
const FIELDS: ReadonlyArray<readonly [label: string, read: (p: PolicyProfile) => string]> = [
  [f.countyName, (p) => p.countyName],
  [f.document, (p) => p.document],
  [f.incomeMeasure, (p) => incomeMeasureNames[p.incomeMeasure]],
  [f.incomeWindow, (p) => window(p.incomeWindow)],
  [f.inclusionRule, (p) => inclusionRuleNames[p.inclusionRule]],
  [f.rigidSpending, (p) => m.percent(p.triggerRules.rigidSpendingAbovePercentOfLastYearIncome)],
  [f.incomeDrop, (p) => m.percent(p.triggerRules.sharpIncomeDropPercent)],
  [f.identificationSteps, (p) => steps(p.identificationSteps)],
  [f.publicNoticeDays, (p) => (p.publicNoticeDays === undefined ? m.none : m.days(p.publicNoticeDays))],
  [f.identificationClocks, (p) => clocks(p.identificationClocks)],
  [f.eliminationClocks, (p) => clocks(p.eliminationClocks)],
  [f.eliminationAllowsNoLabour, (p) => (p.eliminationAllowsNoLabour ? m.yes : m.no)],
  [f.monthlyUpdateDay, (p) => m.dayOfMonth(p.monthlyUpdateDay)],
  [f.townReportDayOfNextMonth, (p) => optionalDay(p.townReportDayOfNextMonth)],
  // A version stored without a cadence has the one its fields give (cadenceOf).
  [f.cadence, (p) => cadence(cadenceOf(p))],
  [f.lightMonitoring, (p) => (p.lightMonitoring ?? []).map((k) => cadenceItemKindNames[k]).join('、') || m.none],
  [f.measureCatalogue, (p) => (p.measureCatalogue ? m.measures(p.measureCatalogue.measures.length, p.measureCatalogue.measures.map((x) => x.name).join('、')) : m.none)],
  [scoringMessages.assessmentTitle, (p) => describeAssessment(p.assessment, m.none)],
  [scoringMessages.riskColoursTitle, (p) => describeRiskColours(p.riskColours, m.none)],
];

/** Fields compared as a whole, shown as changed without their content (the task policy, the focus criteria). */
const OPAQUE: ReadonlyArray<readonly [label: string, key: keyof PolicyProfile]> = [
  [f.measureTasks, 'measureTasks'],
  [f.focusCriteria, 'focusCriteria'],
  [f.measureCatalogue, 'measureCatalogue'],
];

/** The profile in words, field by field (the read-only screen of the profile in force). */
export function describeProfile(p: PolicyProfile): FieldChange[] {
  return [
    ...p.thresholds.map((row) => ({ label: lineLabel(row), before: '', after: lineValue(row) })),
    ...FIELDS.map(([label, read]) => ({ label, before: '', after: read(p) })),
  ];
}

/** What differs between the version in force and the draft; empty when nothing does. */
export function profileDiff(before: PolicyProfile, after: PolicyProfile): FieldChange[] {
  const changes: FieldChange[] = [];
  const key = (r: ThresholdRow) => `${r.kind}:${r.from}`;
  const old = new Map(before.thresholds.map((r) => [key(r), r]));
  const neu = new Map(after.thresholds.map((r) => [key(r), r]));
  for (const k of new Set([...old.keys(), ...neu.keys()])) {
    const a = old.get(k);
    const b = neu.get(k);
    if (stableJson(a) !== stableJson(b)) changes.push({ label: lineLabel((b ?? a)!), before: lineValue(a), after: lineValue(b) });
  }
  for (const [label, read] of FIELDS) {
    const a = read(before);
    const b = read(after);
    if (a !== b) changes.push({ label, before: a, after: b });
  }
  for (const [label, field] of OPAQUE) {
    if (changes.some((c) => c.label === label)) continue;
    if (stableJson(before[field]) !== stableJson(after[field])) changes.push({ label, before: '', after: m.changed });
  }
  return changes;
}
