/**
 * The API's types, inferred from the zod schemas its routes validate and
 * serialize with: a change to a schema changes the console's types, never a copy.
 * Type-only imports: nothing of the server reaches the bundle.
 */
import type { z } from 'zod';
import type { assessment as assessmentView } from '../../../api/schemas/assessment.js';
import type { riskColourBoard, riskColourField } from '../../../api/schemas/risk-colours.js';
import type {
  calendarAdded,
  calendarDayBody,
  calendarView,
  calendarYearBody,
  draftBody,
  draftChecked,
  policyVersionsView,
  published,
  shippedProfile,
} from '../../../api/schemas/policy-versions.js';
import type { loginBody, session, userView } from '../../../api/schemas/auth.js';
import type * as admin from '../../../api/schemas/admin.js';
import type { dueItemPage } from '../../../api/schemas/due-items.js';
import type { householdMarks } from '../../../api/schemas/joint.js';
import type { householdFile, householdView, registeredHousehold, registerHouseholdBody } from '../../../api/schemas/households.js';
import type { applicationBody, caseResult, discoveryBody, identificationView, stepDecisionBody } from '../../../api/schemas/identification.js';
import type { jurisdictionView } from '../../../api/routes/jurisdictions.js';
import type { addMemberBody, memberView } from '../../../api/schemas/members.js';
import type { monthlyItemResult, monthlyUpdateBody, visitBody } from '../../../api/schemas/monitoring.js';
import type { notificationList, notificationPage } from '../../../api/schemas/due-items.js';
import type { profileInForce } from '../../../api/routes/policy.js';
import type { dashboard, overdueBoard } from '../../../api/schemas/supervision.js';
import type { completeTaskBody, handBackBody, taskItem, taskState } from '../../../api/schemas/tasks.js';
import type { confirmedPlan, confirmPlanBody, planDraft, reassignBody, waiveBody } from '../../../api/schemas/plans.js';
import type { departmentOption } from '../../../api/schemas/departments.js';
import type { eliminationDecisionBody, eliminationView, proposalBody } from '../../../api/schemas/elimination.js';
import type { correctMemberBody, leaveBody } from '../../../api/schemas/member-changes.js';
import type { taskDocument } from '../../../api/schemas/task-documents.js';
import type { submitReportBody, submittedReport, townReportView } from '../../../api/schemas/towns.js';
import type { bulkAcceptResult, newViewBody, taskView, taskViewList, viewFilters } from '../../../api/schemas/task-views.js';
import type {
  campaignDetail,
  campaignList,
  campaignNotice,
  campaignOptions,
  checkAnswer,
  checkBody,
  checkPage,
  defineCampaignBody,
  householdCheck,
  launchedCampaign,
  previewBody,
  rectifyBody,
} from '../../../api/schemas/campaigns.js';

export type LoginBody = z.input<typeof loginBody>;
export type LoginAnswer = z.output<typeof session>;
export type User = z.output<typeof userView>;
export type DueItemPage = z.output<typeof dueItemPage>;
export type DueItem = DueItemPage['items'][number];
export type Household = z.output<typeof householdView>;
export type HouseholdPage = { total: number; items: (Household & { riskColour?: RiskColour })[] };
export type HouseholdFile = z.output<typeof householdFile>;
export type FileEvent = HouseholdFile['events'][number];
export type RegisterBody = z.input<typeof registerHouseholdBody>;
export type RegisterAnswer = z.output<typeof registeredHousehold>;
export type MemberBody = z.input<typeof addMemberBody>;
export type Member = z.output<typeof memberView>;
export type DiscoveryBody = z.input<typeof discoveryBody>;
export type ApplicationBody = z.input<typeof applicationBody>;
export type DecisionBody = z.input<typeof stepDecisionBody>;
export type CaseResult = z.output<typeof caseResult>;
export type IdentificationState = z.output<typeof identificationView>;
export type Jurisdiction = z.output<typeof jurisdictionView>;
export type ProfileInForce = z.output<typeof profileInForce>;
export type TaskItem = z.output<typeof taskItem>;
export type TaskPage = { total: number; items: TaskItem[] };
export type TaskState = z.output<typeof taskState>;
export type CompleteBody = z.input<typeof completeTaskBody>;
export type HandBackBody = z.input<typeof handBackBody>;
export type MonthlyUpdateBody = z.input<typeof monthlyUpdateBody>;
export type VisitBody = z.input<typeof visitBody>;
export type MonthlyItemResult = z.output<typeof monthlyItemResult>;
export type Notification = z.output<typeof notificationList>[number];
export type NotificationPage = z.output<typeof notificationPage>;
export type OverdueBoard = z.output<typeof overdueBoard>;
export type Dashboard = z.output<typeof dashboard>;

import type { noticeCards, receipt, reportPlaces, reportStatus, selfReportBody, selfReportList, statusBody } from '../../../api/schemas/self-reports.js';
export type ReportPlaces = z.output<typeof reportPlaces>;
export type SelfReportBody = z.input<typeof selfReportBody>;
export type SelfReportReceipt = z.output<typeof receipt>;
export type SelfReportStatusBody = z.input<typeof statusBody>;
export type SelfReportStatus = z.output<typeof reportStatus>;
export type SelfReportList = z.output<typeof selfReportList>;
export type SelfReportItem = SelfReportList['items'][number];
export type NoticeCards = z.output<typeof noticeCards>;
export type PlanDraft = z.output<typeof planDraft>;
export type ConfirmPlanBody = z.input<typeof confirmPlanBody>;
export type ConfirmedPlan = z.output<typeof confirmedPlan>;
export type LeaveBody = z.input<typeof leaveBody>;
export type CorrectMemberBody = z.input<typeof correctMemberBody>;
export type TaskViewItem = z.output<typeof taskView>;
export type TaskViewList = z.output<typeof taskViewList>;
export type ViewFilters = z.output<typeof viewFilters>;
export type NewViewBody = z.input<typeof newViewBody>;
export type BulkAcceptResult = z.output<typeof bulkAcceptResult>;
export type TaskDocumentItem = z.output<typeof taskDocument>;
export type TownReportView = z.output<typeof townReportView>;
export type SubmitReportBody = z.input<typeof submitReportBody>;
export type SubmittedReport = z.output<typeof submittedReport>;
import type { importJobList, importJobView } from '../../../api/schemas/imports.js';
import type { orderedScreening, orderScreeningBody } from '../../../api/schemas/screenings.js';
export type ImportJob = z.output<typeof importJobView>;
export type ImportJobList = z.output<typeof importJobList>;
export type CampaignOptions = z.output<typeof campaignOptions>;
export type PreviewBody = z.input<typeof previewBody>;
export type DefineCampaignBody = z.input<typeof defineCampaignBody>;
export type LaunchedCampaign = z.output<typeof launchedCampaign>;
export type CampaignList = z.output<typeof campaignList>;
export type CampaignDetail = z.output<typeof campaignDetail>;
export type CampaignUnit = CampaignDetail['towns'][number];
export type CheckPage = z.output<typeof checkPage>;
export type HouseholdCheck = z.output<typeof householdCheck>;
export type CheckBody = z.input<typeof checkBody>;
export type CheckAnswer = z.output<typeof checkAnswer>;
export type RectifyBody = z.input<typeof rectifyBody>;
export type CampaignNotice = z.output<typeof campaignNotice>;
export type OrderScreeningBody = z.input<typeof orderScreeningBody>;
export type OrderedScreening = z.output<typeof orderedScreening>;
export type PolicyVersions = z.output<typeof policyVersionsView>;
export type ShippedProfile = z.output<typeof shippedProfile>;
export type DraftBody = z.input<typeof draftBody>;
export type DraftChecked = z.output<typeof draftChecked>;
export type Published = z.output<typeof published>;
export type CalendarView = z.output<typeof calendarView>;
export type CalendarYearBody = z.input<typeof calendarYearBody>;
export type CalendarDayBody = z.input<typeof calendarDayBody>;
export type CalendarAdded = z.output<typeof calendarAdded>;
export type PlaceTree = z.output<typeof admin.placeTree>;
export type PlaceNode = z.output<typeof admin.placeNode>;
export type CreatePlaceBody = z.input<typeof admin.createPlaceBody>;
export type Account = z.output<typeof admin.accountView>;
export type CreateUserBody = z.input<typeof admin.createUserBody>;
export type ChangePasswordBody = z.input<typeof admin.changePasswordBody>;
export type DepartmentAdmin = z.output<typeof admin.departmentView>;
export type WebhookBody = z.input<typeof admin.webhookBody>;
export type WebhookTestAnswer = z.output<typeof admin.webhookTestAnswer>;
export type CreateCountyBody = z.input<typeof admin.createCountyBody>;
export type CountyView = z.output<typeof admin.countyView>;
export type ProfileTemplate = z.output<typeof admin.profileTemplate>;
export type AdminChangePage = z.output<typeof admin.adminChangePage>;
export type AdminChange = AdminChangePage['items'][number];
export type RegionView = z.output<typeof admin.regionView>;
export type Assessment = z.output<typeof assessmentView>;
export type RiskColourBoard = z.output<typeof riskColourBoard>;
export type RiskColour = z.output<typeof riskColourField>;
import type { loggedOutEverywhere } from '../../../api/schemas/auth.js';
export type LoggedOutEverywhere = z.output<typeof loggedOutEverywhere>;
import type * as comparison from '../../../api/schemas/comparison.js';
export type ComparisonReport = z.output<typeof comparison.monthReport>;
export type EliminationState = z.output<typeof eliminationView>;
export type EliminationProposal = z.input<typeof proposalBody>;
export type EliminationDecision = z.input<typeof eliminationDecisionBody>;
export type DepartmentOption = z.output<typeof departmentOption>;
export type ReassignBody = z.input<typeof reassignBody>;
export type WaiveBody = z.input<typeof waiveBody>;
export type ConsentList = z.output<typeof comparison.consentList>;
export type HouseholdMarks = z.output<typeof householdMarks>;
export type Consent = ConsentList['items'][number];
export type ConsentBody = z.input<typeof comparison.consentBody>;
export type FeedList = z.output<typeof comparison.feedList>;
export type FeedBatch = z.output<typeof comparison.batchView>;
import type { rederivationList } from '../../../api/schemas/rederivation.js';
import type { whatIfAnswer, whatIfBody } from '../../../api/schemas/what-if.js';
export type Rederivations = z.output<typeof rederivationList>;
export type Rederivation = Rederivations['items'][number];
export type WhatIfBody = z.input<typeof whatIfBody>;
export type WhatIfAnswer = z.output<typeof whatIfAnswer>;
import type { reviewQueuePage } from '../../../api/schemas/review-queue.js';
export type ReviewQueuePage = z.output<typeof reviewQueuePage>;
export type WaitingCase = ReviewQueuePage['items'][number];
import type { completedItem as townCompletedItem, completeItemBody as townCompleteItemBody } from '../../../api/schemas/towns.js';
export type CompleteTownItemBody = z.input<typeof townCompleteItemBody>;
export type CompletedTownItem = z.output<typeof townCompletedItem>;
import type { drawnReport } from '../../../api/schemas/towns.js';
export type DrawnTownReport = z.output<typeof drawnReport>;

import type { overdueTrend } from '../../../api/schemas/supervision.js';
export type OverdueTrend = z.output<typeof overdueTrend>;
import type { eliminationConditionsView } from '../../../api/schemas/elimination-conditions.js';
export type EliminationConditions = z.output<typeof eliminationConditionsView>;
