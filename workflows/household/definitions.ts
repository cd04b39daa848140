/**
 * The household workflow's contract: its input, updates and queries. The API
 * imports this file and nothing else from workflows/.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, HouseholdPlace } from '../../domain/access/roles.js';
import type { Period } from '../../domain/calendar/dates.js';
import type {
  CaseProgress,
  Decision,
  IdentificationStep,
  MonitoringCategory,
  RiskCause,
} from '../../domain/identification/steps.js';

export const DISCOVERY_CHANNELS = ['application', 'cadre_visit', 'department_warning'] as const;
export type DiscoveryChannel = (typeof DISCOVERY_CHANNELS)[number];

export { HOUSEHOLD_STAGES, type HouseholdStage } from '../../domain/identification/stages.js';
import type { HouseholdStage } from '../../domain/identification/stages.js';

export interface HouseholdWorkflowInput {
  readonly version: 1;
  readonly householdId: string;
  readonly place: HouseholdPlace;
  readonly channel: DiscoveryChannel;
  readonly openedBy: Actor;
  /**
   * When the household entered the mechanism, for one carried over from an
   * earlier system (epoch ms, in the past); its months since then may be filled in late.
   */
  readonly registeredAt?: number;
  /** Carried over by continue-as-new; absent on the first run. */
  readonly carried?: HouseholdSnapshot;
}

/** One of the household's items in the deadline register, as the workflow tracks it. */
export interface DueRecord {
  readonly key: string;
  readonly kind: MonthlyItemKind;
  readonly period: Period;
  readonly dueAt: number;
  readonly doneAt: number | null;
  readonly late: boolean;
  readonly overdue: boolean;
}

/** The policy an identification case follows, fixed when the case opens. */
export type { CasePolicy } from '../../domain/identification/case-policy.js';
import type { CasePolicy } from '../../domain/identification/case-policy.js';
import type { CaseClock } from '../../domain/identification/clocks.js';
import type { AnsweredUpdate } from '../shared/answered-updates.js';
export type { AssessmentSummary } from '../../activities/assessment.js';
import type { AssessmentSummary } from '../../domain/monitoring/risk-signal.js';
import type { Threats } from '../../domain/assessment/assess.js';
import type { RiskSignal } from '../../domain/monitoring/risk-signal.js';
import type { MonthlyItemKind } from '../../domain/monitoring/month-plan.js';
import type { HouseholdFacts } from '../../domain/measures/facts.js';
export type { HouseholdFacts } from '../../domain/measures/facts.js';

export interface ReviewCase {
  readonly caseNo: number;
  readonly openedAt: number;
  readonly channels: readonly DiscoveryChannel[];
  readonly policy: CasePolicy;
  readonly progress: CaseProgress;
  /** Increments each time a public notice starts, so a timer knows its own notice. */
  readonly noticeRound: number;
  readonly noticeEndsAt: number | null;
  readonly lastReturnReason: string | null;
  /** The income and expenditure assessment of the latest application (absent on cases opened before it existed). */
  readonly assessment?: AssessmentSummary | null;
}

export interface HouseholdSnapshot {
  readonly openedAt: number;
  readonly stage: HouseholdStage;
  readonly category: MonitoringCategory | null;
  readonly riskCauses: readonly RiskCause[];
  readonly eventSeq: number;
  readonly casesOpened: number;
  readonly currentCase: ReviewCase | null;
  /** The items of the last months (older ones are in the register and the file). */
  readonly dueItems: readonly DueRecord[];
  readonly lastAssessment: AssessmentSummary | null;
  readonly eliminationCase: ReviewCase | null;
  readonly eliminationsOpened: number;
  /** The county's day for the monthly items, as last planned. */
  readonly monthlyDueDay: number;
  /** Working-day clocks: the running ones and those of each procedure's latest case (absent before clocks existed). */
  readonly clocks?: readonly CaseClock[];
  /** The latest updates' ids and results, so that one reaching the next run again is not carried out twice. */
  readonly answeredUpdates?: readonly AnsweredUpdate[];
}

export interface HouseholdView extends HouseholdSnapshot {
  readonly householdId: string;
}

/** Supporting material: a file reference or a description of what was seen. */
export interface Evidence {
  readonly title: string;
  readonly reference?: string;
}

/** The monthly update 月度信息更新 [003]: member changes, income and spending, policies enjoyed. */
export interface MonthlyUpdateInput {
  readonly actor: Actor;
  readonly period: Period;
  readonly note?: string;
  readonly income?: readonly IncomeRecord[];
  readonly spending?: readonly SpendingRecord[];
  /** Household size when no members are registered. */
  readonly memberCount?: number;
  readonly memberChanges?: string;
  readonly policiesEnjoyed?: readonly string[];
  readonly lastYearIncomePerCapita?: number;
  readonly threats?: Partial<Threats>;
  /** Housing, water, medical cost, schooling, employment, microcredit as known this month; absent: not known. */
  readonly facts?: HouseholdFacts;
}

export interface MonthlyUpdateResult {
  readonly period: Period;
  readonly late: boolean;
  /** What the re-assessment showed: none, a warning, a proposal to eliminate, a return to monitoring. */
  readonly signal: RiskSignal['kind'];
}

/** The visit 走访 with its form 走访服务信息采集表 [004]. */
export interface VisitInput {
  readonly actor: Actor;
  readonly period: Period;
  readonly visitedOn: string;
  readonly findings: string;
  /** Risks found on the visit; any brings a warning (or a return to monitoring). */
  readonly risksFound?: readonly RiskCause[];
  readonly threats?: Partial<Threats>;
  /** What the visit found of housing, water, medical cost, schooling, employment, microcredit. */
  readonly facts?: HouseholdFacts;
}

export interface VisitResult {
  readonly period: Period;
  readonly late: boolean;
  readonly signal: RiskSignal['kind'];
}

export interface OpenCaseInput {
  readonly actor: Actor;
  readonly channel: DiscoveryChannel;
  readonly reason: string;
}

export interface CaseResult {
  readonly caseNo: number;
  readonly status: CaseProgress['status'];
  readonly current: IdentificationStep | null;
  /** True when the household already had a case in progress and this discovery joined it. */
  readonly merged?: boolean;
}

export type { IncomeRecord as IncomeLine, SpendingRecord as SpendingLine } from '../../domain/income/projection.js';
import type { IncomeRecord, SpendingRecord } from '../../domain/income/projection.js';

/** The application with the household survey 返贫致贫风险户调查表 and income/expenditure calculation 收支测算表. */
export interface ApplicationInput {
  readonly actor: Actor;
  readonly statement: string;
  readonly riskCauses: readonly RiskCause[];
  readonly survey: {
    readonly memberCount: number;
    readonly income: readonly IncomeRecord[];
    readonly spending: readonly SpendingRecord[];
    readonly lastYearIncomePerCapita?: number;
    /** Threats to “两不愁三保障” and drinking water found in the survey. */
    readonly threats?: Partial<Threats>;
  };
  readonly evidence: readonly Evidence[];
  /** The facts the measure rules read (housing, water, medical cost, schooling, employment, microcredit); absent: not known. */
  readonly facts?: HouseholdFacts;
}

export interface StepDecisionInput {
  readonly actor: Actor;
  readonly step: Exclude<IdentificationStep, 'application' | 'public_notice'>;
  readonly decision: Decision;
  readonly opinion: string;
  /** Who took part (村组评议: village group, village committee, resident team, contact cadres) [001]. */
  readonly participants?: readonly string[];
  readonly evidence?: readonly Evidence[];
  /** Required when approving on the deciding step. */
  readonly category?: MonitoringCategory;
  readonly riskCauses?: readonly RiskCause[];
}

export interface ObjectionInput {
  readonly actor: Actor;
  readonly objector: string;
  readonly content: string;
}

/** The village's proposal to mark the risk eliminated 风险消除, with its evidence. */
export interface EliminationProposalInput {
  readonly actor: Actor;
  readonly statement: string;
  readonly evidence: readonly Evidence[];
}

export interface EliminationDecisionInput {
  readonly actor: Actor;
  readonly step: 'town_audit' | 'county_decision';
  readonly decision: Decision;
  readonly opinion: string;
  readonly evidence?: readonly Evidence[];
}

/** The county takes a mark back 回退, with its reason. */
export interface EliminationRollbackInput {
  readonly actor: Actor;
  readonly reason: string;
}

export const householdWorkflowId = (householdId: string): string => `household-${householdId}`;

export const submitMonthlyUpdate = defineUpdate<MonthlyUpdateResult, [MonthlyUpdateInput]>('submitMonthlyUpdate');
export const recordVisit = defineUpdate<VisitResult, [VisitInput]>('recordVisit');
export const openIdentification = defineUpdate<CaseResult, [OpenCaseInput]>('openIdentification');
export const submitApplication = defineUpdate<CaseResult, [ApplicationInput]>('submitApplication');
export const decideStep = defineUpdate<CaseResult, [StepDecisionInput]>('decideStep');
export const raiseObjection = defineUpdate<CaseResult, [ObjectionInput]>('raiseObjection');
export const proposeElimination = defineUpdate<CaseResult, [EliminationProposalInput]>('proposeElimination');
export const decideElimination = defineUpdate<CaseResult, [EliminationDecisionInput]>('decideElimination');
export const raiseEliminationObjection = defineUpdate<CaseResult, [ObjectionInput]>('raiseEliminationObjection');
export const rollbackElimination = defineUpdate<{ stage: HouseholdStage }, [EliminationRollbackInput]>('rollbackElimination');
export const getHouseholdState = defineQuery<HouseholdView>('getHouseholdState');

/**
 * A household's own report 农户自主申报 from the public page: a discovery
 * through the application channel made by no logged-in person (the file
 * records no actor), named by its receipt number.
 */
export interface SelfReportDiscoveryInput {
  readonly receiptNo: string;
  readonly reason: string;
}
export const recordSelfReport = defineUpdate<CaseResult, [SelfReportDiscoveryInput]>('recordSelfReport');

// Assistance plan 帮扶措施表 and department tasks (handlers in plan.ts).
import type { OpenRequiredTask, PlanDraft, PlanMeasureChoice, PlannedTask } from '../../domain/measures/tasks.js';
export type { OpenRequiredTask, PlanDraft, PlanMeasureChoice, PlannedTask } from '../../domain/measures/tasks.js';
import type { PlanChange } from '../../domain/measures/plan-changes.js';

export interface DraftPlanInput {
  readonly actor: Actor;
}

/** The village or town confirms or changes the suggested measures; each becomes a task of its department. */
export interface ConfirmPlanInput {
  readonly actor: Actor;
  readonly measures: readonly PlanMeasureChoice[];
  readonly note?: string;
  /** What the person changed in the suggestion, each with its reason (recorded in the file). */
  readonly changes?: readonly PlanChange[];
}

export interface PlanResult {
  readonly planNo: number;
  readonly tasks: readonly PlannedTask[];
}

/** The town gives a handed-back task to another department. */
export interface ReassignTaskInput {
  readonly actor: Actor;
  readonly taskKey: string;
  readonly departmentId: string;
  readonly deadlineDays?: number;
  readonly note?: string;
}

/** The county's recorded reason for not holding risk elimination back on a required task still open. */
export interface WaiveRequirementInput {
  readonly actor: Actor;
  readonly taskKey: string;
  readonly reason: string;
}

export const draftPlan = defineUpdate<PlanDraft, [DraftPlanInput]>('draftPlan');
export const confirmPlan = defineUpdate<PlanResult, [ConfirmPlanInput]>('confirmPlan');
export const reassignTask = defineUpdate<PlannedTask, [ReassignTaskInput]>('reassignTask');
export const waiveTaskRequirement = defineUpdate<{ measure: string; open: readonly OpenRequiredTask[] }, [WaiveRequirementInput]>('waiveTaskRequirement');
