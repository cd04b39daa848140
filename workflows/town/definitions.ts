/**
 * The town cadence workflow's contract: its input, updates and query. One
 * workflow per town keeps the town's items of the county's cadence (the monthly
 * report by the 3rd [001], the quarterly screening, the employment ledger [003]).
 */
import type { AnsweredUpdate } from '../shared/answered-updates.js';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/access/roles.js';
import type { Period } from '../../domain/calendar/dates.js';
import type { DueItemKind } from '../../domain/deadlines/cadence.js';
import type { ReportCorrection, ReportCounts, TownItemPlan } from '../../domain/town/report.js';

/** The same failure types as the household's: the API maps each to an HTTP status. */

export const NOTE_MAX = 2000;
export const SUMMARY_MAX = 2000;
export const CORRECTIONS_MAX = 200;

export interface TownWorkflowInput {
  readonly version: 1;
  readonly townId: string;
  readonly countyId: string;
  /** Carried over by continue-as-new; absent on the first run. */
  readonly carried?: TownSnapshot;
}

/** One of the town's items in the deadline register, as the workflow tracks it. */
export interface TownItemRecord extends TownItemPlan {
  /** The register's key: `town:<townId>:<kind>:town:<periodKey>`. */
  readonly key: string;
  readonly doneAt: number | null;
  readonly late: boolean;
  readonly overdue: boolean;
}

/** A month's report as the workflow knows it: counts only, the households are in PostgreSQL. */
export interface TownReportRecord {
  readonly period: Period;
  readonly itemKey: string;
  readonly generatedAt: number;
  readonly draftCounts: ReportCounts;
  readonly submittedAt: number | null;
  readonly submittedCounts: ReportCounts | null;
  readonly late: boolean;
}

export interface TownSnapshot {
  readonly openedAt: number;
  /** The `to` of the last plan: items live before it are known. */
  readonly plannedUntil: number | null;
  readonly items: readonly TownItemRecord[];
  readonly reports: readonly TownReportRecord[];
  /** The latest updates' ids and results (a run hands them to the next; see shared/answered-updates.ts). */
  readonly answeredUpdates?: readonly AnsweredUpdate[];
}

export interface TownView extends TownSnapshot {
  readonly townId: string;
  readonly countyId: string;
}

/** The town officer confirms the generated draft of a month's report, with a note or corrections. */
export interface SubmitTownReportInput {
  readonly actor: Actor;
  readonly period: Period;
  readonly note?: string;
  readonly corrections?: readonly ReportCorrection[];
}

export interface SubmitTownReportResult {
  readonly period: Period;
  readonly submittedAt: number;
  readonly late: boolean;
  readonly counts: ReportCounts;
}

/** Screening done, ledger submitted …: any town item but the monthly report, with what was done. */
export interface CompleteTownItemInput {
  readonly actor: Actor;
  readonly kind: DueItemKind;
  /** The register's period: `2026-11`, `2026-Q4`, `2026`. */
  readonly period: string;
  readonly summary: string;
}

export interface CompleteTownItemResult {
  readonly kind: DueItemKind;
  readonly period: string;
  readonly doneAt: number;
  readonly late: boolean;
}

export const townWorkflowId = (townId: string): string => `town-${townId}`;

export const submitTownReport = defineUpdate<SubmitTownReportResult, [SubmitTownReportInput]>('submitTownReport');
export const completeTownItem = defineUpdate<CompleteTownItemResult, [CompleteTownItemInput]>('completeTownItem');
export const getTownState = defineQuery<TownView>('getTownState');

/** The town officer has a month's draft drawn now, once the month has ended (a month the plan never reached). */
export interface DrawTownReportInput {
  readonly actor: Actor;
  readonly period: Period;
}

export interface DrawnTownReport {
  readonly period: Period;
  readonly generatedAt: number;
  readonly dueAt: number;
  /** Whether this call drew it; false: it was there already. */
  readonly drawn: boolean;
  readonly counts: ReportCounts;
}

export const drawTownReport = defineUpdate<DrawnTownReport, [DrawTownReportInput]>('drawTownReport');
