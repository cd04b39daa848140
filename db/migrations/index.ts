import type { Migration } from 'kysely';
import * as foundation from './2026_11_22_001_foundation.js';
import * as households from './2026_11_22_002_households.js';
import * as policyProfiles from './2026_11_22_003_policy_profiles.js';
import * as householdMembers from './2026_11_22_004_household_members.js';
import * as householdFinances from './2026_11_23_005_household_finances.js';
import * as dueItems from './2026_11_23_006_due_items.js';
import * as notifications from './2026_11_23_007_notifications.js';
import * as notificationDelivery from './2026_11_23_008_notification_delivery.js';
import * as townReports from './2026_11_23_009_town_reports.js';
import * as assistancePlans from './2026_11_23_010_assistance_plans.js';
import * as screeningCampaigns from './2026_11_23_011_screening_campaigns.js';
import * as dueItemsIndexes from './2026_11_23_012_due_items_indexes.js';
import * as searchIndexes from './2026_11_23_013_search_indexes.js';
import * as memberNameIndex from './2026_11_23_014_member_name_index.js';
import * as householdResponsible from './2026_11_23_015_household_responsible.js';
import * as leastPrivilege from './2026_12_01_016_least_privilege.js';
import * as householdChangesRecorded from './2026_12_01_017_household_changes_recorded.js';
import * as notificationReads from './2026_12_01_018_notification_reads.js';
import * as selfReports from './2026_12_01_022_self_reports.js';
import * as memberChangesFacts from './2026_12_01_021_member_changes_facts.js';
import * as savedViewsDocuments from './2026_12_01_025_saved_views_documents.js';
import * as importsExports from './2026_12_01_024_imports_exports.js';
import * as campaigns from './2026_12_01_023_campaigns.js';
import * as policyVersionsCalendar from './2026_12_01_020_policy_versions_calendar.js';
import * as administration from './2026_12_01_019_administration.js';
import * as dataComparison from './2026_12_01_026_data_comparison.js';
import * as departmentsRetiredStagingCleared from './2026_12_01_032_departments_retired_staging_cleared.js';
import * as loginThrottle from './2026_12_01_030_login_throttle.js';
import * as assessmentIndexes from './2026_12_01_034_assessment_indexes.js';
import * as importRowsBulk from './2026_12_02_035_import_rows_bulk.js';
import * as comparisonStagingMonths from './2026_12_02_037_comparison_staging_months.js';
import * as registrationKeys from './2026_12_02_041_registration_keys.js';
import * as screeningCampaignsKind from './2026_12_02_039_screening_campaigns.js';
import * as assistanceMarks from './2026_12_02_043_assistance_marks.js';
import * as monthlyWarningsRouted from './2026_12_02_044_monthly_warnings_routed.js';
import * as fileReferencesPerStatement from './2026_12_02_050_file_references_per_statement.js';
import * as registryLinesCheckedPerStatement from './2026_12_02_051_registry_lines_checked_per_statement.js';
import * as memberFactsLatest from './2026_12_02_052_member_facts_latest.js';
import * as comparisonRowsReferencesPerStatement from './2026_12_02_057_comparison_rows_references_per_statement.js';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_22_001_foundation': foundation,
  '2026_11_22_002_households': households,
  '2026_11_22_003_policy_profiles': policyProfiles,
  '2026_11_22_004_household_members': householdMembers,
  '2026_11_23_005_household_finances': householdFinances,
  '2026_11_23_006_due_items': dueItems,
  '2026_11_23_007_notifications': notifications,
  '2026_11_23_008_notification_delivery': notificationDelivery,
  '2026_11_23_009_town_reports': townReports,
  '2026_11_23_010_assistance_plans': assistancePlans,
  '2026_11_23_011_screening_campaigns': screeningCampaigns,
  '2026_11_23_012_due_items_indexes': dueItemsIndexes,
  '2026_11_23_013_search_indexes': searchIndexes,
  '2026_11_23_014_member_name_index': memberNameIndex,
  '2026_11_23_015_household_responsible': householdResponsible,
  '2026_12_01_016_least_privilege': leastPrivilege,
  '2026_12_01_017_household_changes_recorded': householdChangesRecorded,
  '2026_12_01_018_notification_reads': notificationReads,
  '2026_12_01_022_self_reports': selfReports,
  '2026_12_01_021_member_changes_facts': memberChangesFacts,
  '2026_12_01_025_saved_views_documents': savedViewsDocuments,
  '2026_12_01_024_imports_exports': importsExports,
  '2026_12_01_023_campaigns': campaigns,
  '2026_12_01_020_policy_versions_calendar': policyVersionsCalendar,
  '2026_12_01_019_administration': administration,
  '2026_12_01_026_data_comparison': dataComparison,
  '2026_12_01_032_departments_retired_staging_cleared': departmentsRetiredStagingCleared,
  '2026_12_01_030_login_throttle': loginThrottle,
  '2026_12_01_034_assessment_indexes': assessmentIndexes,
  '2026_12_02_035_import_rows_bulk': importRowsBulk,
  '2026_12_02_037_comparison_staging_months': comparisonStagingMonths,
  '2026_12_02_041_registration_keys': registrationKeys,
  '2026_12_02_039_screening_campaigns': screeningCampaignsKind,
  '2026_12_02_043_assistance_marks': assistanceMarks,
  '2026_12_02_044_monthly_warnings_routed': monthlyWarningsRouted,
  '2026_12_02_050_file_references_per_statement': fileReferencesPerStatement,
  '2026_12_02_051_registry_lines_checked_per_statement': registryLinesCheckedPerStatement,
  '2026_12_02_052_member_facts_latest': memberFactsLatest,
  '2026_12_02_057_comparison_rows_references_per_statement': comparisonRowsReferencesPerStatement,
};
