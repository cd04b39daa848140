/** The tables of household self-report 农户自主申报 (migration 2026_12_01_022), typed for Kysely. */
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface SelfReportCodesTable {
  village_id: string;
  code: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type SelfReportDiscovery = 'pending' | 'opened' | 'joined' | 'not_opened' | 'candidate';

export interface SelfReportsTable {
  id: Generated<string>;
  receipt_no: string;
  county_id: string;
  town_id: string;
  village_id: string;
  code_village_id: string | null;
  head_name: string;
  id_number: string;
  phone: string;
  risk_causes: string[];
  statement: string;
  household_id: string | null;
  discovery: SelfReportDiscovery;
  due_item_key: string | null;
  visit_working_days: number | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  visited_at: Timestamp | null;
  visited_by: string | null;
  visit_note: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
}

export interface DataConsentsTable {
  id: Generated<string>;
  subject_id_number: string;
  signer_name: string;
  signed_at: Timestamp;
  covers: string[];
  source: 'self_report' | 'paper';
  document: string;
  self_report_id: string | null;
  household_id: string | null;
  withdrawn_at: Timestamp | null;
  withdrawal_note: string | null;
}

export interface PublicRateCountsTable {
  bucket: string;
  window_start: Timestamp;
  hits: number;
}

export interface PublicChallengesTable {
  id: Generated<string>;
  answer: number;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export type SelfReport = Selectable<SelfReportsTable>;
