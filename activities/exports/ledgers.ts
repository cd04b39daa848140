/**
 * The place-wide ledgers, streamed a page at a time: 附件4 帮扶措施表 and
 * 附件5、6 动态监测分析研判表 [001], the 增收帮扶台账 [004], the quarterly
 * employment ledger [003], and the open and overdue items of the register.
 */
import type { Writable } from 'node:stream';
import { formatLocalDate, toLocalDate } from '../../domain/calendar/dates.js';
import { registerItemOverdue } from '../../domain/deadlines/register-items.js';
import { ageOn, ledgerMessages, type Quarter } from '../../domain/exports/ledgers.js';
import { RISK_CAUSE_NAMES, type RiskCause } from '../../domain/identification/steps.js';
import { measureName } from '../../domain/measures/tasks.js';
import { taskStatusNames } from '../../domain/measures/task-messages.js';
import { dueItemKindNames } from '../../domain/messages/catalogue.js';
import { HOUSEHOLD_CATEGORY_NAMES, HOUSEHOLD_STAGE_NAMES, LABOUR_ABILITY_NAMES } from '../../domain/messages/fields.js';
import { FOCUS_FLAGS, type AssessmentSummary } from '../../domain/monitoring/risk-signal.js';
import { maskIdNumber } from '../../domain/people/id-number.js';
import type { HouseholdLedgerRow, ItemRow, LabourerRow, PlaceTaskRow, TaskCell, TaskRow } from '../../db/repositories/export-ledgers.js';
import { streamLedger } from './stream.js';

const day = (d: Date | null) => (d ? formatLocalDate(toLocalDate(d.getTime())) : '');
const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : Math.round(fen) / 100);
const named = <T extends string>(names: Record<T, string>, key: string) => names[key as T] ?? key;
export const causesOf = (causes: unknown) => (Array.isArray(causes) ? (causes as RiskCause[]).map((c) => RISK_CAUSE_NAMES[c] ?? c).join('、') : '');
export const taskList = (tasks: readonly TaskCell[]) =>
  tasks.map((k) => `${measureName(k.measure)}（${k.department}，${named(taskStatusNames, k.status)}${k.completed ? ` ${k.completed}` : ''}）`).join('；');

/** What was done, as the department wrote it on completion, its latest progress, or why the task was waived. */
export function doneText(task: Pick<TaskRow, 'evidence' | 'progress_note' | 'waiver_reason'>): string {
  const evidence = task.evidence as { whatWasDone?: unknown; amountYuan?: unknown } | null;
  if (evidence && typeof evidence.whatWasDone === 'string') return typeof evidence.amountYuan === 'number' ? `${evidence.whatWasDone}（${evidence.amountYuan} 元）` : evidence.whatWasDone;
  return task.waiver_reason ?? task.progress_note ?? '';
}

/** The cells of one task, after the columns that name its household. */
export const taskCells = (k: TaskRow) => [measureName(k.measure), k.department_name, k.required ? '是' : '否', day(k.assigned_at), day(k.due_at), named(taskStatusNames, k.status), day(k.completed_at), doneText(k)];

const summaryOf = (row: HouseholdLedgerRow) => (row.assessment ?? null) as AssessmentSummary | null;
const householdCells = (h: HouseholdLedgerRow) => [h.town_name, h.village_name, h.head_name, h.head_id_number ? maskIdNumber(h.head_id_number) : ''];

export interface Stream<R> {
  readonly out: Writable;
  readonly placeName: string;
  readonly exportedAt: string;
  readonly page: (after: R | null) => Promise<readonly R[]>;
}

/** 附件5 (脱贫监测户) or 附件6 (边缘户) 动态监测分析研判表 of a place. */
export function writeAnalysis(s: Stream<HouseholdLedgerRow>, marginal: boolean): Promise<number> {
  const a = ledgerMessages.analysis;
  const layout = { sheet: a.sheet(marginal), title: a.title(s.placeName, marginal), subtitle: ledgerMessages.exportedAt(s.exportedAt), headings: a.headings, widths: [6, 12, 12, 10, 22, 8, 14, 18, 12, 10, 12, 10, 16, 40, 12] };
  return streamLedger(s.out, layout, s.page, (h, n) => {
    const summary = summaryOf(h);
    return [
      n,
      ...householdCells(h),
      Number(h.members),
      named(HOUSEHOLD_CATEGORY_NAMES, h.category),
      causesOf(h.risk_causes),
      named(HOUSEHOLD_STAGE_NAMES, h.stage),
      summary?.period ?? '',
      yuan(summary?.perCapitaFen),
      summary?.monitoringLine ?? '',
      summary ? (a.conclusions[summary.conclusion] ?? summary.conclusion) : '',
      taskList(h.tasks),
      h.stage === 'eliminated' ? day(h.eliminated_at) : '',
    ];
  });
}

/** Suyuan's 脱贫户及防贫监测对象增收帮扶台账 [004]: the latest projection against last year, the five focus criteria, causes and measures. */
export function writeIncomeLedger(s: Stream<HouseholdLedgerRow>): Promise<number> {
  const l = ledgerMessages.incomeLedger;
  const headings = [...l.before, ...FOCUS_FLAGS.map((f) => l.focus[f]), ...l.after];
  const widths = [6, 12, 12, 10, 22, 14, 8, 10, 12, 12, 10, 8, ...FOCUS_FLAGS.map(() => 10), 18, 40];
  const flag = (v: boolean | null | undefined) => (v === true ? l.yes : v === false ? l.no : l.unknown);
  return streamLedger(s.out, { sheet: l.sheet, title: l.title(s.placeName), subtitle: ledgerMessages.exportedAt(s.exportedAt), headings, widths }, s.page, (h, n) => {
    const summary = summaryOf(h);
    const perCapita = yuan(summary?.perCapitaFen);
    const lastYear = summary?.lastYearIncomePerCapita ?? null;
    return [
      n,
      ...householdCells(h),
      named(HOUSEHOLD_CATEGORY_NAMES, h.category),
      Number(h.members),
      summary?.period ?? '',
      perCapita,
      lastYear ?? '',
      typeof perCapita === 'number' && lastYear !== null ? Math.round((perCapita - lastYear) * 100) / 100 : '',
      summary?.focus ? flag(summary.focus.any) : l.unknown,
      ...FOCUS_FLAGS.map((f) => flag(summary?.focus?.[f])),
      causesOf(summary?.riskCauses?.length ? summary.riskCauses : h.risk_causes),
      taskList(h.tasks),
    ];
  });
}

/** 附件4 帮扶措施表 of a place: one row per task. */
export function writePlaceMeasures(s: Stream<PlaceTaskRow>): Promise<number> {
  const m = ledgerMessages.measures;
  const layout = { sheet: m.sheet, title: m.title(s.placeName), subtitle: ledgerMessages.exportedAt(s.exportedAt), headings: m.placeHeadings, widths: [6, 12, 12, 10, 22, 14, 8, 12, 12, 10, 12, 36] };
  return streamLedger(s.out, layout, s.page, (k, n) => [n, k.town_name, k.village_name, k.head_name, ...taskCells(k)]);
}

/** Xinfeng's quarterly 脱贫劳动力就业台账 [003]: each member of working ability, the employment known at the quarter's end, the employment tasks. */
export function writeEmploymentLedger(s: Stream<LabourerRow>, quarter: Quarter): Promise<number> {
  const e = ledgerMessages.employment;
  const layout = { sheet: e.sheet, title: e.title(s.placeName, quarter.name), subtitle: ledgerMessages.exportedAt(s.exportedAt), headings: e.headings, widths: [6, 12, 12, 10, 10, 22, 6, 6, 10, 14, 10, 12, 40] };
  return streamLedger(s.out, layout, s.page, (m, n) => [
    n,
    m.town_name,
    m.village_name,
    m.head_name,
    m.name,
    maskIdNumber(m.id_number),
    e.sex[m.sex] ?? m.sex,
    ageOn(m.birth_date, quarter.lastDay),
    named(LABOUR_ABILITY_NAMES, m.labour_ability),
    named(HOUSEHOLD_CATEGORY_NAMES, m.category),
    m.employed === 'true' ? e.employed : m.employed === 'false' ? e.unemployed : e.notKnown,
    m.employed_as_of ?? '',
    taskList(m.tasks),
  ]);
}

/** The open (or only the overdue) items of the register, soonest deadline first. */
export function writeItems(s: Stream<ItemRow>, overdueOnly: boolean, now: Date): Promise<number> {
  const i = ledgerMessages.items;
  const layout = { sheet: i.sheet, title: i.title(s.placeName, overdueOnly), subtitle: ledgerMessages.exportedAt(s.exportedAt), headings: i.headings, widths: [6, 24, 10, 12, 12, 10, 16, 10, 12, 8, 8] };
  return streamLedger(s.out, layout, s.page, (d, n) => {
    const { overdue, overdueDays } = registerItemOverdue({ status: d.status, dueAt: d.due_at.getTime(), overdueAt: d.overdue_at?.getTime() ?? null }, now.getTime());
    return [n, dueItemKindNames[d.kind] ?? d.kind, d.period ?? '', d.town_name ?? '', d.village_name ?? '', d.head_name ?? '', d.department_name ?? '', d.responsible_name ?? '', day(d.due_at), overdue ? i.overdue : i.open, overdueDays];
  });
}
