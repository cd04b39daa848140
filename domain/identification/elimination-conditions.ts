/**
 * The conditions a risk-elimination proposal 风险消除 is checked against, from
 * the county's profile. National practice as of 2026 (DOMAIN.md §10) states
 * them as numbers: income stably above the year's line for at least 6 months,
 * at least 6 months monitored, at least one measure received, no quota. The
 * seeds state none: Mile [001] and Xuwen [002] ask for a judgment on the
 * measures enjoyed and the changes in members, income and living conditions,
 * which people make; their profiles quote it. Households without labour are
 * not marked, by practice, unless the profile allows it.
 */
import type { LocalDate, Period } from '../calendar/dates.js';
import { monthIndex } from '../calendar/months.js';
import { eliminationShortfalls, type EliminationFacts, type StandingPractice } from '../policy/standing.js';
import type { SeedId } from '../policy/versioned.js';
import { conditionMessages as m } from '../messages/elimination-conditions.js';

/** A seed's words on when the risk counts as eliminated. */
export interface SeedQuote {
  readonly source: SeedId;
  readonly quote: string;
}

/** What the profile says about elimination, as far as this module reads it. */
export interface EliminationRules {
  readonly standingPractice?: StandingPractice;
  readonly eliminationBasis?: readonly SeedQuote[];
  readonly eliminationAllowsNoLabour: boolean;
}

export type ConditionOrigin = 'seed' | 'practice';

export interface EliminationCondition {
  readonly key: 'stableAboveLine' | 'monitoredMonths' | 'measuresReceived' | 'noQuota' | 'labour' | 'judgement';
  /** The condition in a clerk's words. */
  readonly text: string;
  readonly origin: ConditionOrigin;
  /** Whether the household meets it now; null for what a person judges (or no quota, which nothing counts). */
  readonly met: boolean | null;
  /** Where the household stands, when it is counted. */
  readonly now?: string;
}

/** One assessment as far as the count of months above the line needs it. */
export interface AssessedMonth {
  readonly period: Period;
  /** False: income above the line in force; true: under it; null: no line in force or no income to compare. */
  readonly belowMonitoring: boolean | null;
}

/**
 * Consecutive months, ending with the latest assessed one, whose income was
 * above the line; the latest assessment of a month counts, and a month with no
 * assessment breaks the run (stable means every month).
 */
export function monthsAboveLine(assessed: readonly AssessedMonth[]): number {
  const latest = new Map<string, boolean | null>();
  for (const a of [...assessed].sort((x, y) => monthIndex(x.period) - monthIndex(y.period))) latest.set(a.period, a.belowMonitoring);
  const periods = [...latest.keys()].sort((a, b) => monthIndex(b as Period) - monthIndex(a as Period));
  let run = 0;
  let expected: number | null = null;
  for (const p of periods) {
    const at = monthIndex(p as Period);
    if (expected !== null && at !== expected) break;
    if (latest.get(p) !== false) break;
    run += 1;
    expected = at - 1;
  }
  return run;
}

/** Whole months from the day monitoring began to `today` (民法典 第二百零三条: a month ends on the same day of the next month). */
export function monthsMonitored(since: LocalDate, today: LocalDate): number {
  const months = (today.year - since.year) * 12 + (today.month - since.month) - (today.day < since.day ? 1 : 0);
  return Math.max(0, months);
}

/** The conditions of the profile with where the household stands; `facts` null: not counted (the console shows the list only). */
export function eliminationConditions(rules: EliminationRules, facts: EliminationFacts | null, labourAllows: boolean): EliminationCondition[] {
  const out: EliminationCondition[] = [];
  const practice = rules.standingPractice;
  for (const q of rules.eliminationBasis ?? []) out.push({ key: 'judgement', text: m.judgement(q.quote), origin: 'seed', met: null });
  if (practice) {
    const e = practice.elimination;
    out.push({
      key: 'stableAboveLine',
      text: m.stableAboveLine(e.stableAboveLineMonths),
      origin: 'practice',
      met: facts ? facts.monthsAboveLine >= e.stableAboveLineMonths : null,
      ...(facts ? { now: m.months(facts.monthsAboveLine) } : {}),
    });
    out.push({
      key: 'monitoredMonths',
      text: m.monitoredMonths(e.minMonitoredMonths),
      origin: 'practice',
      met: facts ? facts.monthsMonitored >= e.minMonitoredMonths : null,
      ...(facts ? { now: m.months(facts.monthsMonitored) } : {}),
    });
    out.push({
      key: 'measuresReceived',
      text: m.measuresReceived(e.minMeasuresReceived),
      origin: 'practice',
      met: facts ? facts.measuresReceived >= e.minMeasuresReceived : null,
      ...(facts ? { now: m.measures(facts.measuresReceived) } : {}),
    });
    if (!e.quota) out.push({ key: 'noQuota', text: m.noQuota, origin: 'practice', met: null });
  }
  if (!rules.eliminationAllowsNoLabour) out.push({ key: 'labour', text: m.labour, origin: 'practice', met: labourAllows });
  return out;
}

/** What keeps the proposal back under the profile's counted conditions, each naming its condition; empty when none does. */
export function eliminationRefusals(rules: EliminationRules, facts: EliminationFacts): string[] {
  return rules.standingPractice ? eliminationShortfalls(rules.standingPractice, facts) : [];
}

/**
 * The measure codes that go on after elimination under the practice
 * (microcredit to the end of its contract, public-welfare jobs to the end of
 * the agreement, 雨露计划 to the end of the school stage), each with until when.
 * A stored version without codes has them by the measure's name.
 */
export function continuingMeasures(practice: StandingPractice | undefined): ReadonlyMap<string, string> {
  const codes = new Map<string, string>();
  for (const c of practice?.continuingAfterElimination ?? []) {
    for (const code of c.measures ?? CONTINUING_BY_NAME[c.name] ?? []) codes.set(code, m.continuesUntil(c.name, c.until));
  }
  return codes;
}

/** The design catalogue's measures carrying each continuing measure: 公益性岗位 are part of 就业帮扶, 雨露计划 of 教育保障. */
const CONTINUING_BY_NAME: Readonly<Record<string, readonly string[]>> = {
  小额信贷: ['microcredit'],
  公益性岗位: ['employment'],
  雨露计划: ['education'],
};

/** The counted facts from what the records hold: the assessments, the day monitoring began (null: never), the completed measures. */
export function eliminationFactsOf(input: {
  readonly assessed: readonly { readonly period: string; readonly below: string | null }[];
  readonly monitoredSince: LocalDate | null;
  readonly measuresCompleted: number;
  readonly today: LocalDate;
}): EliminationFacts {
  const assessed = input.assessed.flatMap((a) => (/^\d{4}-\d{2}$/.test(a.period) ? [{ period: a.period as Period, belowMonitoring: a.below === null ? null : a.below === 'true' }] : []));
  return {
    monthsAboveLine: monthsAboveLine(assessed),
    monthsMonitored: input.monitoredSince ? monthsMonitored(input.monitoredSince, input.today) : 0,
    measuresReceived: input.measuresCompleted,
  };
}
