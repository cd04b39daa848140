import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export type JurisdictionLevel = 'province' | 'city' | 'county' | 'town' | 'village' | 'group';
export type { Role } from '../domain/access/roles.js';
import type { Role } from '../domain/access/roles.js';
export type { HouseholdCategory } from '../domain/identification/steps.js';
import type { HouseholdCategory } from '../domain/identification/steps.js';
import type { MemberLabourAbility } from '../domain/people/labour.js';
import type { JoiningReason, LeavingReason } from '../domain/people/member-changes.js';
import type { FactKind, FactSource } from '../domain/measures/facts.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface JurisdictionsTable {
  id: string;
  parent_id: string | null;
  level: JurisdictionLevel;
  name: string;
  policy_profile_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  /** A retired place stays (households and history refer to it) but is offered no more. */
  retired_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface PolicyProfilesTable {
  id: string;
  version: number;
  effective_from: string;
  county_name: string;
  body: ColumnType<unknown, string, never>;
  created_at: CreatedAt;
  /** Who published it in the console; null for a shipped version. */
  published_by: ColumnType<string | null, string | null | undefined, never>;
  /** Why a version takes effect in a month already begun or past (a correction). */
  correction_reason: ColumnType<string | null, string | null | undefined, never>;
}

export interface DepartmentsTable {
  id: Generated<string>;
  county_id: string;
  code: string;
  name: string;
  created_at: CreatedAt;
  /** Set once when the county retires it (2026_12_01_032); never deleted. */
  retired_at: ColumnType<Date | null, never, Date>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  /** Null only for a system administrator, who works above every county. */
  jurisdiction_id: ColumnType<string | null, string | null, string | null>;
  department_id: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  /** Set when the account is made or its password reset: the next login must choose a new one. */
  must_change_password: Generated<boolean>;
  password_changed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface HouseholdsTable {
  id: Generated<string>;
  county_id: string;
  town_id: string;
  village_id: string;
  group_id: string | null;
  address: string;
  head_name: string;
  category: HouseholdCategory;
  stage: Generated<string>;
  /** 帮扶责任人: the cadre paired with the household. */
  responsible_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type Relation = 'head' | 'spouse' | 'child' | 'parent' | 'grandparent' | 'grandchild' | 'sibling' | 'child_in_law' | 'other';
export type LabourAbility = MemberLabourAbility;

export interface HouseholdMembersTable {
  id: Generated<string>;
  household_id: string;
  name: string;
  id_number: string;
  birth_date: ColumnType<string, string, string>;
  sex: 'male' | 'female';
  relation: Relation;
  labour_ability: LabourAbility;
  is_student: Generated<boolean>;
  is_active_military: Generated<boolean>;
  disability_grade: '1' | '2' | '3' | '4' | null;
  chronic_illness: Generated<boolean>;
  joined_at: CreatedAt;
  left_at: Timestamp | null;
  /** The day the member joined (birth, marriage in …); null for one already in the household when registered (2026_12_01_021). */
  joined_on: ColumnType<string | null, string | null | undefined, never>;
  joined_reason: ColumnType<JoiningReason | null, JoiningReason | null | undefined, never>;
  /** The day the member left (death, marriage out …); set once, with left_at (2026_12_01_021). */
  left_on: ColumnType<string | null, string | null | undefined, string>;
  left_reason: ColumnType<LeavingReason | null, LeavingReason | null | undefined, LeavingReason>;
}

export interface HouseholdEventsTable {
  id: Generated<string>;
  household_id: string;
  event_key: string;
  kind: string;
  actor_user_id: string | null;
  occurred_at: Timestamp;
  payload: Json;
  recorded_at: CreatedAt;
}

/** int8 in fen: read as a string (exact), written as a number. */
type Fen = ColumnType<string, number, never>;

export interface HouseholdIncomeRecordsTable {
  id: Generated<string>;
  household_id: string;
  period: string;
  kind: 'wages' | 'production_net' | 'property' | 'transfer';
  amount_fen: Fen;
  source: string;
  submission_key: string;
  entry_key: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export interface HouseholdSpendingRecordsTable {
  id: Generated<string>;
  household_id: string;
  period: string;
  kind: 'medical' | 'schooling' | 'disaster' | 'disability' | 'other';
  amount_fen: Fen;
  rigid: boolean;
  source: string;
  submission_key: string;
  entry_key: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

export type DueItemStatus = 'open' | 'done' | 'cancelled';

export interface DueItemsTable {
  id: Generated<string>;
  item_key: string;
  kind: string;
  county_id: string;
  town_id: string | null;
  village_id: string | null;
  household_id: string | null;
  department_id: string | null;
  responsible_user_id: string | null;
  period: string | null;
  due_at: Timestamp;
  opened_at: Timestamp;
  overdue_at: Timestamp | null;
  done_at: Timestamp | null;
  done_by: string | null;
  status: ColumnType<DueItemStatus, DueItemStatus | undefined, DueItemStatus>;
  campaign_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ScreeningCampaignsTable {
  id: Generated<string>;
  county_id: string;
  area_id: string;
  reason: string;
  ordered_by: string;
  ordered_at: Timestamp;
  due_at: Timestamp;
  household_count: number | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  notification_key: string;
  county_id: string;
  recipient_jurisdiction_id: string | null;
  recipient_role: Role | null;
  recipient_department_id: string | null;
  kind: string;
  title: string;
  body: string;
  household_id: string | null;
  due_item_key: string | null;
  created_at: Timestamp;
}

/** A user read a notification (2026_12_01_018): insert-only. */
export interface NotificationReadsTable {
  notification_id: string;
  user_id: string;
  read_at: Timestamp;
}

export interface DepartmentChannelsTable {
  id: Generated<string>;
  department_id: string;
  url: string;
  secret: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export type NotificationDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface NotificationDeliveriesTable {
  id: Generated<string>;
  notification_id: string;
  channel: 'webhook';
  status: ColumnType<NotificationDeliveryStatus, NotificationDeliveryStatus | undefined, NotificationDeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  last_attempt_at: Timestamp | null;
  delivered_at: Timestamp | null;
  claimed_until: Timestamp | null;
  created_at: CreatedAt;
}

export type TownReportStatus = 'draft' | 'submitted';

export interface TownReportsTable {
  id: Generated<string>;
  town_id: string;
  county_id: string;
  period: string;
  due_item_key: string;
  due_at: Timestamp;
  draft: Json;
  generated_at: Timestamp;
  status: ColumnType<TownReportStatus, TownReportStatus | undefined, TownReportStatus>;
  corrections: ColumnType<unknown, string | null | undefined, string | null>;
  report: ColumnType<unknown, string | null | undefined, string | null>;
  note: string | null;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  late: boolean | null;
}

export interface TownItemCompletionsTable {
  item_key: string;
  town_id: string;
  kind: string;
  period: string;
  summary: string;
  completed_by: string;
  completed_at: Timestamp;
  late: boolean;
}

export type { HandBackReason, TaskStatus as MeasureTaskStatus } from '../domain/measures/tasks.js';
import type { HandBackReason, TaskStatus as MeasureTaskStatus } from '../domain/measures/tasks.js';

export interface AssistancePlansTable {
  id: Generated<string>;
  household_id: string;
  plan_no: number;
  plan_key: string;
  drawn_by: string;
  confirmed_at: Timestamp;
  note: string | null;
  measures: Json;
  recorded_at: CreatedAt;
}

export interface MeasureTasksTable {
  id: Generated<string>;
  task_key: string;
  household_id: string;
  plan_no: number;
  county_id: string;
  town_id: string;
  village_id: string;
  measure: string;
  department_id: string;
  required: boolean;
  status: ColumnType<MeasureTaskStatus, MeasureTaskStatus | undefined, MeasureTaskStatus>;
  assigned_at: Timestamp;
  assigned_by: string | null;
  due_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  progress_note: string | null;
  progress_at: Timestamp | null;
  completed_at: Timestamp | null;
  completed_by: string | null;
  late: ColumnType<boolean, boolean | undefined, boolean>;
  evidence: ColumnType<unknown, string | null | undefined, string | null>;
  handed_back_at: Timestamp | null;
  handed_back_by: string | null;
  hand_back_reason: HandBackReason | null;
  hand_back_text: string | null;
  reassigned_from: string | null;
  escalation_level: ColumnType<number, number | undefined, number>;
  overdue_at: Timestamp | null;
  waived_at: Timestamp | null;
  waived_by: string | null;
  waiver_reason: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A fact the measure rules read, dated and with its source (2026_12_01_021): insert-only. */
export interface HouseholdFactsTable {
  id: Generated<string>;
  household_id: string;
  member_id: string | null;
  kind: FactKind;
  year: number | null;
  value: Json;
  as_of: ColumnType<string, string, never>;
  source: FactSource;
  source_key: string;
  entry_key: string;
  recorded_by: string | null;
  recorded_at: Timestamp;
}

/** A special inspection campaign 专项督查 (2026_12_01_023). */
export interface InspectionCampaignsTable {
  id: Generated<string>;
  county_id: string;
  area_id: string;
  name: string;
  reason: string;
  criteria: ColumnType<unknown, string, never>;
  checklist: ColumnType<unknown, string, never>;
  responsible: 'village' | 'town' | 'department';
  department_id: string | null;
  defined_by: string;
  launched_at: Timestamp;
  due_at: Timestamp;
  cohort_count: number;
  fanned_out: ColumnType<number, number | undefined, number>;
  status: ColumnType<'launching' | 'open' | 'closed', 'launching' | 'open' | 'closed' | undefined, 'launching' | 'open' | 'closed'>;
  closed_at: Timestamp | null;
  closed_by: string | null;
  report: ColumnType<unknown, string | null | undefined, string | null>;
  /** An inspection 专项督查, or an immediate screening 突发情况排查 of an area (its checks are visits). */
  kind: ColumnType<'inspection' | 'screening', 'inspection' | 'screening' | undefined, never>;
}

/** A household of a campaign's cohort (the snapshot at launch) and its check. */
export interface CampaignHouseholdsTable {
  campaign_id: string;
  household_id: string;
  seq: number;
  town_id: string;
  village_id: string;
  department_id: string | null;
  checked_at: Timestamp | null;
  checked_by: string | null;
  late: boolean | null;
  answers: ColumnType<unknown, string | null | undefined, string | null>;
  finding: 'no_problem' | 'problem' | null;
}

/** A problem a campaign's check found, and its rectification 整改. */
export interface CampaignProblemsTable {
  id: Generated<string>;
  campaign_id: string;
  household_id: string;
  kind: string;
  description: string;
  town_id: string;
  village_id: string;
  department_id: string | null;
  found_at: Timestamp;
  found_by: string;
  due_at: Timestamp;
  status: ColumnType<'open' | 'rectified', 'open' | 'rectified' | undefined, 'open' | 'rectified'>;
  rectified_at: Timestamp | null;
  rectified_by: string | null;
  evidence: ColumnType<unknown, string | null | undefined, string | null>;
  late: boolean | null;
  escalation_level: ColumnType<number, number | undefined, number>;
}

export interface Database {
  jurisdictions: JurisdictionsTable;
  policy_profiles: PolicyProfilesTable;
  departments: DepartmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  households: HouseholdsTable;
  household_events: HouseholdEventsTable;
  household_members: HouseholdMembersTable;
  household_income_records: HouseholdIncomeRecordsTable;
  household_spending_records: HouseholdSpendingRecordsTable;
  due_items: DueItemsTable;
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
  screening_campaigns: ScreeningCampaignsTable;
  department_channels: DepartmentChannelsTable;
  notification_deliveries: NotificationDeliveriesTable;
  assistance_plans: AssistancePlansTable;
  measure_tasks: MeasureTasksTable;
  town_reports: TownReportsTable;
  town_item_completions: TownItemCompletionsTable;
  self_report_codes: SelfReportCodesTable;
  self_reports: SelfReportsTable;
  data_consents: DataConsentsTable;
  public_rate_counts: PublicRateCountsTable;
  public_challenges: PublicChallengesTable;
  household_facts: HouseholdFactsTable;
  task_views: TaskViewsTable;
  task_documents: TaskDocumentsTable;
  import_jobs: ImportJobsTable;
  import_rows: ImportRowsTable;
  inspection_campaigns: InspectionCampaignsTable;
  campaign_households: CampaignHouseholdsTable;
  campaign_problems: CampaignProblemsTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
  admin_changes: AdminChangesTable;
  login_throttles: LoginThrottlesTable;
  comparison_batches: ComparisonBatchesTable;
  comparison_rows: ComparisonRowsTable;
  comparison_warnings: ComparisonWarningsTable;
  comparison_months: ComparisonMonthsTable;
  assistance_marks: AssistanceMarksTable;
  household_registrations: HouseholdRegistrationsTable;
}

/** One administrative change 管理操作记录: who, when, what, before and after; append-only. */
export interface AdminChangesTable {
  id: Generated<string>;
  county_id: string | null;
  actor_user_id: string;
  action: string;
  subject_kind: 'place' | 'user' | 'department' | 'channel' | 'county';
  subject_id: string;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  at: CreatedAt;
}

export type Jurisdiction = Selectable<JurisdictionsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Household = Selectable<HouseholdsTable>;
export type NewHousehold = Insertable<HouseholdsTable>;
export type HouseholdEvent = Selectable<HouseholdEventsTable>;
export type HouseholdMember = Selectable<HouseholdMembersTable>;
export type NewHouseholdMember = Insertable<HouseholdMembersTable>;

import type { DataConsentsTable, PublicChallengesTable, PublicRateCountsTable, SelfReportCodesTable, SelfReportsTable } from './self-report-tables.js';
/** A user's saved inbox filter 保存的筛选 (created and deleted, never changed). */
export interface TaskViewsTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  filters: Json;
  created_at: Generated<Date>;
}

/** A document uploaded as a task's evidence 佐证材料; never changed or deleted. */
export interface TaskDocumentsTable {
  id: Generated<string>;
  task_key: string;
  household_id: string;
  uploaded_by: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Buffer;
  uploaded_at: Generated<Date>;
}
export type ImportJobStatus = 'staging' | 'checking' | 'importing' | 'starting' | 'done' | 'failed';

/** An import of a caseload file (2026_12_01_024). */
export interface ImportJobsTable {
  id: Generated<string>;
  county_id: string;
  scope_id: string;
  uploaded_by: string;
  file_name: string;
  status: ColumnType<ImportJobStatus, ImportJobStatus | undefined, ImportJobStatus>;
  sheets: ColumnType<unknown, string | undefined, string>;
  rows_read: ColumnType<number, number | undefined, number>;
  imported: ColumnType<number, number | undefined, number>;
  rejected: ColumnType<number, number | undefined, number>;
  households_total: ColumnType<number, number | undefined, number>;
  households_imported: ColumnType<number, number | undefined, number>;
  /** The last household (by id) the saving of the job's households reached; null before the first. */
  saved_through: ColumnType<string | null, string | null | undefined, string | null>;
  /** The last staged month row (sheet, row) of a registered household the saving reached; null before the first. */
  months_saved_through_sheet: ColumnType<number | null, number | null | undefined, number | null>;
  months_saved_through_row: ColumnType<number | null, number | null | undefined, number | null>;
  workflows_started: ColumnType<number, number | undefined, number>;
  failure: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A staged row of an import (written by COPY; read by the checks and the error report). */
export interface ImportRowsTable {
  job_id: string;
  sheet_no: number;
  sheet: 'members' | 'finances';
  row_no: number;
  cells: Json;
  errors: string | null;
  household_key: string | null;
  town: string | null;
  village: string | null;
  head_name: string | null;
  address: string | null;
  category: string | null;
  entered_on: string | null;
  risk_causes: Json | null;
  measures: Json | null;
  name: string | null;
  id_number: string | null;
  birth_date: string | null;
  sex: string | null;
  relation: string | null;
  labour_ability: string | null;
  is_student: boolean | null;
  is_active_military: boolean | null;
  disability_grade: string | null;
  chronic_illness: boolean | null;
  period: string | null;
  amounts: Json | null;
  village_id: string | null;
  town_id: string | null;
  household_id: string | null;
  reason: string | null;
  outcome: 'imported' | 'rejected' | null;
}
export type ImportJob = Selectable<ImportJobsTable>;
/** A year's State Council notice of holidays 部分节假日安排; a year without one is provisional. */
export interface CalendarYearsTable {
  year: number;
  notice: string;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** A day the notice names: a rest day 放假 or a weekend day worked 调休上班. */
export interface CalendarDaysTable {
  day: ColumnType<string, string, never>;
  year: number;
  kind: 'rest' | 'work';
  name: string;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

/** Failed logins of one account or one source address in the current window, and the lock they caused. */
export interface LoginThrottlesTable {
  bucket: string;
  failures: number;
  window_start: Timestamp;
  locked_until: Timestamp | null;
}
import type { ComparisonBatchesTable, ComparisonRowsTable, ComparisonWarningsTable } from './comparison-tables.js';
import type { AssistanceMarksTable, ComparisonMonthsTable } from './comparison-tables.js';

/** Which household a user's idempotency key registered (2026_12_02_041): insert-only. */
export interface HouseholdRegistrationsTable {
  user_id: string;
  idempotency_key: string;
  household_id: string;
  created_at: CreatedAt;
}
