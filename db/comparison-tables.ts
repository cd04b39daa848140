/** The tables of the department data comparison 部门数据比对 (migration 2026_12_01_026), typed for Kysely. */
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type ComparisonOutcome = 'matched' | 'unknown' | 'rejected' | 'no_consent';

export interface ComparisonBatchesTable {
  id: Generated<string>;
  county_id: string;
  feed: string;
  department_id: string;
  month: string;
  file_name: string;
  file_sha256: string;
  uploaded_by: string;
  received_at: Timestamp;
  rows_received: number;
  matched: number;
  unknown: number;
  rejected: number;
  no_consent: number;
  warnings: number;
  households_affected: number;
}

export interface ComparisonRowsTable {
  batch_id: string;
  row_no: number;
  id_number: string | null;
  name: string | null;
  town: string | null;
  errors: string | null;
  fact_value: Json | null;
  warning_rule: string | null;
  household_id: string | null;
  member_id: string | null;
  outcome: ComparisonOutcome | null;
}

export interface ComparisonWarningsTable {
  id: Generated<string>;
  warning_key: string;
  /** A department feed's warning, or the monthly re-assessment's (migration 2026_12_02_044: no batch, row or person). */
  source: ColumnType<'comparison' | 'monthly_update', 'comparison' | 'monthly_update' | undefined, never>;
  batch_id: string | null;
  row_no: number | null;
  county_id: string;
  town_id: string;
  village_id: string;
  household_id: string;
  member_id: string | null;
  feed: string;
  month: string;
  rule: string;
  rule_name: string;
  fact_value: Json;
  routed: 'follow_up' | 'discovery';
  discovery: 'pending' | 'opened' | 'joined' | 'not_opened' | null;
  due_item_key: string | null;
  follow_up_days: number | null;
  raised_at: Timestamp;
  followed_up_at: Timestamp | null;
  followed_up_by: string | null;
  follow_up_note: string | null;
}

/** A county's monthly comparison as its workflow keeps it (migration 2026_12_02_037). */
export interface ComparisonMonthsTable {
  county_id: string;
  month: string;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
  report: Json | null;
}

export type ComparisonBatch = Selectable<ComparisonBatchesTable>;
export type ComparisonWarning = Selectable<ComparisonWarningsTable>;

/** Joint identification with 民政: a household's dated mark as 低保 / 特困 (migration 2026_12_02_043). */
export interface AssistanceMarksTable {
  id: Generated<string>;
  county_id: string;
  household_id: string;
  member_id: string;
  kind: 'dibao' | 'tekun';
  feed: string;
  started_batch_id: string;
  started_month: string;
  last_batch_id: string;
  last_month: string;
  ended_batch_id: string | null;
  ended_month: string | null;
  ended_reason: 'absent' | 'stopped' | null;
  ended_at: Timestamp | null;
  created_at: Timestamp;
}

export type AssistanceMark = Selectable<AssistanceMarksTable>;
