/**
 * The monthly assessment 考核 of a town or a department, from measured facts
 * only [000: results feed annual assessment and awards]: its monthly updates
 * on time, its tasks not overdue (and the days overdue), the warnings acted on
 * within the profile's days, the campaign problems rectified on time. The
 * weights are the county's, in its policy profile; no seed gives them, so a
 * profile without them scores nothing and says which are missing (未配置).
 */
export const ASSESSMENT_COMPONENTS = ['monthlyUpdates', 'tasks', 'warnings', 'rectifications'] as const;
export type AssessmentComponent = (typeof ASSESSMENT_COMPONENTS)[number];

/** What the profile holds: a weight per component, points off per overdue task-day, the days a warning may wait for action. */
export interface AssessmentPolicy {
  readonly weights?: Partial<Record<AssessmentComponent, number>>;
  /** Points deducted from the score per day a task was overdue in the month. */
  readonly pointsPerOverdueDay?: number;
  /** A warning 风险预警 is acted on when a case is opened or a plan confirmed within this many days. */
  readonly warningActionDays?: number;
  /** Where the figures come from, as the county puts it (e.g. 演示数据). */
  readonly note?: string;
}

/** One component's facts: how many were due in the month and how many of them were met. */
export interface Measured {
  readonly due: number;
  readonly met: number;
}

/** A unit's facts for a month; a component a unit has no part in (a department's warnings) is absent. */
export interface UnitFacts {
  readonly monthlyUpdates?: Measured;
  readonly tasks?: Measured;
  readonly warnings?: Measured;
  readonly rectifications?: Measured;
  /** Days the unit's tasks were overdue within the month, summed. */
  readonly overdueDays: number;
}

export interface ComponentScore {
  readonly component: AssessmentComponent;
  readonly due: number;
  readonly met: number;
  /** met ÷ due, or null when nothing was due. */
  readonly rate: number | null;
  readonly weight: number | null;
  /** weight × rate, or null when nothing was due or the weight is missing. */
  readonly points: number | null;
}

export interface UnitScore {
  readonly components: readonly ComponentScore[];
  readonly overdueDays: number;
  readonly deducted: number | null;
  /** Out of 100: the weighted rates over the components with something due, less the overdue days' points; null when it cannot be scored. */
  readonly score: number | null;
  /** What the profile lacks for this unit's score. */
  readonly missing: readonly MissingSetting[];
}

export type MissingSetting = AssessmentComponent | 'pointsPerOverdueDay' | 'warningActionDays';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** What a policy lacks to score a unit with these components. */
export function missingSettings(policy: AssessmentPolicy | undefined, components: readonly AssessmentComponent[]): MissingSetting[] {
  const missing: MissingSetting[] = components.filter((c) => policy?.weights?.[c] === undefined);
  if (components.includes('tasks') && policy?.pointsPerOverdueDay === undefined) missing.push('pointsPerOverdueDay');
  if (components.includes('warnings') && policy?.warningActionDays === undefined) missing.push('warningActionDays');
  return missing;
}

/** A unit's score and its breakdown under the county's policy. */
export function scoreUnit(facts: UnitFacts, policy: AssessmentPolicy | undefined): UnitScore {
  const present = ASSESSMENT_COMPONENTS.filter((c) => facts[c] !== undefined);
  const missing = missingSettings(policy, present);
  const components = present.map((component): ComponentScore => {
    const { due, met } = facts[component]!;
    const weight = policy?.weights?.[component] ?? null;
    const rate = due === 0 ? null : met / due;
    return { component, due, met, rate, weight, points: rate === null || weight === null ? null : round1(weight * rate) };
  });
  const perDay = policy?.pointsPerOverdueDay;
  const deducted = perDay === undefined ? null : round1(perDay * facts.overdueDays);
  const scored = components.filter((c) => c.rate !== null);
  if (missing.length > 0 || scored.length === 0) return { components, overdueDays: facts.overdueDays, deducted, score: null, missing };
  const weightSum = scored.reduce((s, c) => s + c.weight!, 0);
  const weighted = weightSum === 0 ? 0 : (scored.reduce((s, c) => s + c.weight! * c.rate!, 0) / weightSum) * 100;
  return { components, overdueDays: facts.overdueDays, deducted, score: Math.max(0, round1(weighted - (deducted ?? 0))), missing };
}

export interface Ranked<T> {
  readonly unit: T;
  readonly score: UnitScore;
  /** 1 for the best; units without a score have none. */
  readonly rank: number | null;
}

/** Best score first; equal scores by fewer overdue days, then in the county's order; one rank for equal score and days. */
export function rankUnits<T>(units: readonly { unit: T; score: UnitScore }[]): Ranked<T>[] {
  const order = units.map((u, i) => ({ ...u, i }));
  order.sort((a, b) => {
    if (a.score.score === null || b.score.score === null) return a.score.score === null ? (b.score.score === null ? a.i - b.i : 1) : -1;
    return b.score.score - a.score.score || a.score.overdueDays - b.score.overdueDays || a.i - b.i;
  });
  let rank = 0;
  return order.map((u, n) => {
    if (u.score.score === null) return { unit: u.unit, score: u.score, rank: null };
    const prev = order[n - 1];
    const tie = prev && prev.score.score === u.score.score && prev.score.overdueDays === u.score.overdueDays;
    if (!tie) rank = n + 1;
    return { unit: u.unit, score: u.score, rank };
  });
}

/** What is wrong with a profile's assessment settings, in English for whoever maintains the data. */
export function assessmentPolicyProblems(policy: AssessmentPolicy, where: string): string[] {
  const problems: string[] = [];
  for (const [key, weight] of Object.entries(policy.weights ?? {})) {
    if (!(ASSESSMENT_COMPONENTS as readonly string[]).includes(key)) problems.push(`${where}: assessment weight ${key} is not a component`);
    else if (typeof weight !== 'number' || !(weight >= 0 && weight <= 100)) problems.push(`${where}: assessment weight ${key} must be 0–100`);
  }
  const weights = Object.values(policy.weights ?? {}).filter((w) => w !== undefined);
  if (weights.length > 0 && weights.every((w) => w === 0)) problems.push(`${where}: assessment weights are all 0`);
  const perDay = policy.pointsPerOverdueDay;
  if (perDay !== undefined && !(typeof perDay === 'number' && perDay >= 0 && perDay <= 100)) problems.push(`${where}: pointsPerOverdueDay must be 0–100`);
  const days = policy.warningActionDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 90)) problems.push(`${where}: warningActionDays must be 1–90 days`);
  return problems;
}
