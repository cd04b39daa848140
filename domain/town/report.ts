/**
 * The town's duties in the county's cadence (DOMAIN.md §6): which of its items
 * are open over a span of time, and the monthly report of risk households and
 * risk-eliminated households 上月返贫致贫风险户、风险消除户 [001], built from the
 * households and their stage events. Pure: time and rows are arguments.
 */
import { addMonths, periodOf, startOfPeriod, type Period } from '../calendar/dates.js';
import { occurrenceFor, occurrencePeriod, type Cadence, type CadenceItem, type DueItemKind, type Recurrence, type Responsible } from '../deadlines/cadence.js';
import { monthIndex } from '../calendar/months.js';
import type { WorkCalendar } from '../calendar/working-days.js';

/** One occurrence of a town item as the town's workflow plans it. */
export interface TownItemPlan {
  /** The occurrence's key (`employment_ledger:town:2027-Q1`), unique within the county's cadence. */
  readonly key: string;
  readonly kind: DueItemKind;
  /** What the register calls the period: `2026-11`, `2026-Q4`, `2026`. */
  readonly periodKey: string;
  /** The occurrence's month; a quarter's first month; a year's January. */
  readonly period: Period;
  /** From when the town can do it (epoch ms). */
  readonly opensAt: number;
  /** The deadline instant (epoch ms). */
  readonly dueAt: number;
}

/** An occurrence of a county's or a department's item: who does it, and the department as the seed names it. */
export interface CadenceItemPlan extends TownItemPlan {
  readonly who?: Responsible;
  readonly department?: string;
}

const STEP_MONTHS: Record<Recurrence, number> = { month: 1, quarter: 3, year: 12 };

/**
 * An item opens when its period begins; an item that reports on a closed month
 * (次月N日前) opens when that month ends, since the month's data are complete only then.
 */
export function opensAt(item: CadenceItem, period: Period): number {
  return item.rule.kind === 'day_of_next_month' ? startOfPeriod(addMonths(period, 1)) : startOfPeriod(period);
}

/**
 * The occurrences of the items of `who` (the town's; the county's and its
 * departments') live in [fromMs, toMs): opened before `toMs` and due after
 * `fromMs`, each item within its months; by deadline, then in cadence order.
 */
export function cadenceItemsLive(cadence: Cadence, who: readonly Responsible[], fromMs: number, toMs: number, calendar: WorkCalendar): CadenceItemPlan[] {
  const found: Array<{ plan: CadenceItemPlan; order: number }> = [];
  cadence.forEach((item, order) => {
    if (!who.includes(item.who)) return;
    const last = monthIndex(periodOf(toMs));
    const first = item.from === undefined ? -Infinity : monthIndex(occurrencePeriod(item.every, item.from));
    const end = item.to === undefined ? Infinity : monthIndex(item.to);
    for (let period = occurrencePeriod(item.every, addMonths(periodOf(fromMs), -13)); monthIndex(period) <= last; period = addMonths(period, STEP_MONTHS[item.every])) {
      if (monthIndex(period) < first || monthIndex(period) > end) continue;
      const open = opensAt(item, period);
      if (open >= toMs) continue;
      const occurrence = occurrenceFor(item, period, calendar);
      if (occurrence.at <= fromMs) continue;
      const plan: CadenceItemPlan = { key: occurrence.key, kind: item.kind, periodKey: occurrence.periodKey, period: occurrence.period, opensAt: open, dueAt: occurrence.at };
      found.push({ plan: item.who === 'town' ? plan : { ...plan, who: item.who, ...(item.department ? { department: item.department } : {}) }, order });
    }
  });
  return found.sort((a, b) => a.plan.dueAt - b.plan.dueAt || a.order - b.order).map((f) => f.plan);
}

/** The town's occurrences live in [fromMs, toMs). */
export function townItemsLive(cadence: Cadence, fromMs: number, toMs: number, calendar: WorkCalendar): TownItemPlan[] {
  return cadenceItemsLive(cadence, ['town'], fromMs, toMs, calendar);
}

// ---- The monthly report ----

/** The file's events that move a household into or out of monitoring. */
export const STAGE_EVENT_KINDS = ['identification.approved', 'monitoring.reentered', 'elimination.rolled_back', 'elimination.confirmed'] as const;
export type StageEventKind = (typeof STAGE_EVENT_KINDS)[number];

/** How a household became a risk household in the month; `corrected` when the town added it. */
export const NEW_RISK_HOW = ['identified', 'reentered', 'rolled_back', 'corrected'] as const;
export type NewRiskHow = (typeof NEW_RISK_HOW)[number];

const HOW_OF: Record<Exclude<StageEventKind, 'elimination.confirmed'>, NewRiskHow> = {
  'identification.approved': 'identified',
  'monitoring.reentered': 'reentered',
  'elimination.rolled_back': 'rolled_back',
};

export interface ReportHouseholdRow {
  readonly id: string;
  readonly villageId: string;
  readonly villageName: string;
  readonly headName: string;
  /** The household's stage now (households.stage). */
  readonly stage: string;
  readonly createdAt: number;
}

export interface StageEventRow {
  readonly householdId: string;
  readonly kind: StageEventKind;
  readonly occurredAt: number;
}

export interface ReportHousehold {
  readonly householdId: string;
  readonly villageId: string;
  readonly villageName: string;
  readonly headName: string;
}

export interface NewRiskHousehold extends ReportHousehold {
  readonly how: NewRiskHow;
}

export interface ReportCounts {
  readonly monitoring: number;
  readonly newRisk: number;
  readonly eliminated: number;
}

/** The lists a report holds. */
export const REPORT_SECTIONS = ['monitoring', 'newRisk', 'eliminated'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface TownReportBody {
  readonly period: Period;
  /** 风险户: the monitoring objects at the month's end. */
  readonly monitoring: readonly ReportHousehold[];
  /** 新增风险户: those that became monitoring objects in the month. */
  readonly newRisk: readonly NewRiskHousehold[];
  /** 风险消除户: those marked risk-eliminated in the month and still marked at its end. */
  readonly eliminated: readonly ReportHousehold[];
  readonly counts: ReportCounts;
}

/**
 * The report of `period` from the town's households and their stage events.
 * A household's stage at the month's end is the one its last stage event up to
 * then left; with none, the one before its first later event, or its stage now
 * (a household carried over from an earlier system has no events).
 */
export function buildTownReport(input: { period: Period; households: readonly ReportHouseholdRow[]; events: readonly StageEventRow[] }): TownReportBody {
  const start = startOfPeriod(input.period);
  const end = startOfPeriod(addMonths(input.period, 1));
  const eventsOf = new Map<string, StageEventRow[]>();
  for (const event of [...input.events].sort((a, b) => a.occurredAt - b.occurredAt)) {
    eventsOf.set(event.householdId, [...(eventsOf.get(event.householdId) ?? []), event]);
  }
  const monitoring: ReportHousehold[] = [];
  const newRisk: NewRiskHousehold[] = [];
  const eliminated: ReportHousehold[] = [];
  for (const row of [...input.households].sort(byPlace)) {
    if (row.createdAt >= end) continue;
    const events = eventsOf.get(row.id) ?? [];
    const stage = stageAt(row, events, end);
    const household: ReportHousehold = { householdId: row.id, villageId: row.villageId, villageName: row.villageName, headName: row.headName };
    const inMonth = events.filter((e) => e.occurredAt >= start && e.occurredAt < end);
    if (stage === 'monitoring') {
      monitoring.push(household);
      const became = inMonth.filter((e) => e.kind !== 'elimination.confirmed').at(-1);
      if (became) newRisk.push({ ...household, how: HOW_OF[became.kind as keyof typeof HOW_OF] });
    } else if (stage === 'eliminated' && inMonth.some((e) => e.kind === 'elimination.confirmed')) {
      eliminated.push(household);
    }
  }
  return { period: input.period, monitoring, newRisk, eliminated, counts: countsOf({ monitoring, newRisk, eliminated }) };
}

function stageAt(row: ReportHouseholdRow, events: readonly StageEventRow[], end: number): 'monitoring' | 'eliminated' | 'other' {
  const before = events.filter((e) => e.occurredAt < end).at(-1);
  if (before) return before.kind === 'elimination.confirmed' ? 'eliminated' : 'monitoring';
  const after = events.find((e) => e.occurredAt >= end);
  if (after) {
    if (after.kind === 'identification.approved') return 'other';
    return after.kind === 'elimination.confirmed' ? 'monitoring' : 'eliminated';
  }
  return row.stage === 'monitoring' || row.stage === 'eliminated' ? row.stage : 'other';
}

/** Head names in pinyin order, as a list on paper. */
const NAME_ORDER = new Intl.Collator('zh-Hans-CN');

function byPlace(a: ReportHouseholdRow, b: ReportHouseholdRow): number {
  return compare(a.villageId, b.villageId) || NAME_ORDER.compare(a.headName, b.headName) || compare(a.id, b.id);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function countsOf(lists: Pick<TownReportBody, ReportSection>): ReportCounts {
  return { monitoring: lists.monitoring.length, newRisk: lists.newRisk.length, eliminated: lists.eliminated.length };
}

// ---- The town officer's corrections ----

export interface ReportCorrection {
  readonly householdId: string;
  readonly section: ReportSection;
  readonly change: 'add' | 'remove';
  readonly reason: string;
}

export interface AppliedCorrection extends ReportCorrection, Omit<ReportHousehold, 'householdId'> {}

/** The report as the town submits it: the draft with the town's corrections, which it lists. */
export interface SubmittedTownReport extends TownReportBody {
  readonly corrections: readonly AppliedCorrection[];
}

export type CorrectionProblem =
  | { readonly kind: 'duplicate'; readonly householdId: string; readonly section: ReportSection }
  | { readonly kind: 'reason_required'; readonly householdId: string }
  | { readonly kind: 'not_listed'; readonly householdId: string; readonly section: ReportSection }
  | { readonly kind: 'already_listed'; readonly householdId: string; readonly section: ReportSection }
  | { readonly kind: 'not_in_town'; readonly householdId: string };

/** What is wrong with corrections before the draft is consulted: a household twice in a list, a reason missing. */
export function correctionShapeProblem(corrections: readonly ReportCorrection[]): CorrectionProblem | undefined {
  const seen = new Set<string>();
  for (const c of corrections) {
    if (c.reason.trim().length === 0) return { kind: 'reason_required', householdId: c.householdId };
    const key = `${c.section}:${c.householdId}`;
    if (seen.has(key)) return { kind: 'duplicate', householdId: c.householdId, section: c.section };
    seen.add(key);
  }
  return undefined;
}

/**
 * The draft with the corrections applied, counts recounted. A household removed
 * must be in the list; one added must not be, and must be among `town` (the
 * town's households, by id).
 */
export function applyCorrections(
  draft: TownReportBody,
  corrections: readonly ReportCorrection[],
  town: ReadonlyMap<string, ReportHousehold>,
): { readonly report: SubmittedTownReport } | { readonly problem: CorrectionProblem } {
  const shape = correctionShapeProblem(corrections);
  if (shape) return { problem: shape };
  const lists: { monitoring: ReportHousehold[]; newRisk: NewRiskHousehold[]; eliminated: ReportHousehold[] } = {
    monitoring: [...draft.monitoring],
    newRisk: [...draft.newRisk],
    eliminated: [...draft.eliminated],
  };
  const applied: AppliedCorrection[] = [];
  for (const c of corrections) {
    const list: ReportHousehold[] = lists[c.section];
    const at = list.findIndex((h) => h.householdId === c.householdId);
    let household: ReportHousehold | undefined;
    if (c.change === 'remove') {
      if (at < 0) return { problem: { kind: 'not_listed', householdId: c.householdId, section: c.section } };
      household = list[at]!;
      list.splice(at, 1);
    } else {
      if (at >= 0) return { problem: { kind: 'already_listed', householdId: c.householdId, section: c.section } };
      household = town.get(c.householdId);
      if (!household) return { problem: { kind: 'not_in_town', householdId: c.householdId } };
      if (c.section === 'newRisk') lists.newRisk.push({ ...household, how: 'corrected' });
      else list.push(household);
    }
    applied.push({ ...c, reason: c.reason.trim(), villageId: household.villageId, villageName: household.villageName, headName: household.headName });
  }
  return { report: { period: draft.period, ...lists, counts: countsOf(lists), corrections: applied } };
}

/** `2026-11`, `2026-Q4`, `2026`: the shapes of a period key, and its first month. */
export function periodKeyStart(periodKey: string): Period | undefined {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(periodKey);
  if (month) return periodKey as Period;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(periodKey);
  if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}` as Period;
  const year = /^(\d{4})$/.exec(periodKey);
  if (year) return `${year[1]}-01` as Period;
  return undefined;
}

export function isPeriodKey(text: string): boolean {
  return periodKeyStart(text) !== undefined;
}
